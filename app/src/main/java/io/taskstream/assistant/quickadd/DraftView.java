package io.taskstream.assistant.quickadd;

import io.swagger.v3.oas.annotations.media.Schema;
import io.taskstream.assistant.parse.DraftRecurrence;
import io.taskstream.assistant.parse.TaskDraft;
import io.taskstream.assistant.tools.Recurrence;
import io.taskstream.assistant.tools.Reminder;
import io.taskstream.calendar.RecurrenceRule;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;

/** A parsed, not yet created task in the shape the task API accepts. */
@Schema(name = "TaskDraft")
record DraftView(
        String title,
        @Schema(nullable = true, description = "RFC 3339 in the zone; start of the day for all-day drafts") OffsetDateTime dueAt,
        boolean allDay,
        @Schema(allowableValues = {"none", "low", "medium", "high"}) String priority,
        List<String> tags,
        @Schema(nullable = true) DraftRecurrenceView recurrence,
        List<Reminder> reminders) {

    /** The repetition as tasks take it ({@code rule}, {@code from}), with the rule in the calendar's words. */
    @Schema(name = "TaskDraftRecurrence")
    record DraftRecurrenceView(
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "FREQ=HOURLY;INTERVAL=2") String rule,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, allowableValues = {"due", "completion"}) String from,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "Every 2 hours",
                    description = "the rule in words (not part of a task input)") String description) {

        static DraftRecurrenceView of(DraftRecurrence draft) {
            Recurrence value = Recurrence.of(draft);
            return value == null ? null : new DraftRecurrenceView(value.rule(), value.from(),
                    RecurrenceRule.parse(value.rule()).describe());
        }
    }

    static DraftView of(TaskDraft draft, ZoneId zone) {
        ZonedDateTime due = draft.dueAt(zone);
        return new DraftView(draft.title(), due == null ? null : due.toOffsetDateTime(), draft.allDay(),
                draft.priority().jsonName(), draft.tags(), DraftRecurrenceView.of(draft.recurrence()), Reminder.of(draft, zone));
    }
}
