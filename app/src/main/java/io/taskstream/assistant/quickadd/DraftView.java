package io.taskstream.assistant.quickadd;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.media.Schema;
import io.taskstream.assistant.parse.TaskDraft;
import io.taskstream.task.Recurrence;
import java.util.ArrayList;
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
        List<ReminderView> reminders) {

    /** The repetition as tasks take it ({@code rule}, {@code from}), with the rule in the calendar's words. */
    @Schema(name = "TaskDraftRecurrence")
    record DraftRecurrenceView(
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "FREQ=HOURLY;INTERVAL=2") String rule,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, allowableValues = {"due", "completion"}) String from,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "Every 2 hours",
                    description = "the rule in words (not part of a task input)") String description) {

        static DraftRecurrenceView of(Recurrence draft) {
            return draft == null ? null : new DraftRecurrenceView(draft.rule(), draft.from().json(), draft.description());
        }
    }

    /** {@code {"before": "P2D"}} (whole days as days) or {@code {"at": "2026-03-05T08:00:00+01:00"}}, as tasks take it. */
    @Schema(name = "Reminder")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record ReminderView(@Schema(example = "PT15M", description = "ISO-8601 duration before the due") String before,
            @Schema(description = "an absolute moment") OffsetDateTime at) {

        /** The draft's reminders, relative ones first, absolute ones in the given zone. */
        static List<ReminderView> of(TaskDraft draft, ZoneId zone) {
            List<ReminderView> reminders = new ArrayList<>();
            draft.remindersBefore().forEach(before -> reminders.add(new ReminderView(TaskDraft.iso(before), null)));
            draft.remindersAt().forEach(at -> reminders.add(new ReminderView(null, at.withZoneSameInstant(zone).toOffsetDateTime())));
            return List.copyOf(reminders);
        }
    }

    static DraftView of(TaskDraft draft, ZoneId zone) {
        ZonedDateTime due = draft.dueAt(zone);
        return new DraftView(draft.title(), due == null ? null : due.toOffsetDateTime(), draft.allDay(),
                draft.priority().json(), draft.tags(), DraftRecurrenceView.of(draft.recurrence()),
                ReminderView.of(draft, zone));
    }
}
