package io.taskstream.assistant.quickadd;

import io.swagger.v3.oas.annotations.media.Schema;
import io.taskstream.assistant.parse.TaskDraft;
import io.taskstream.assistant.tools.Recurrence;
import io.taskstream.assistant.tools.Reminder;
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
        @Schema(nullable = true) Recurrence recurrence,
        List<Reminder> reminders) {

    static DraftView of(TaskDraft draft, ZoneId zone) {
        ZonedDateTime due = draft.dueAt(zone);
        return new DraftView(draft.title(), due == null ? null : due.toOffsetDateTime(), draft.allDay(),
                draft.priority().jsonName(), draft.tags(), Recurrence.of(draft.recurrence()), Reminder.of(draft, zone));
    }
}
