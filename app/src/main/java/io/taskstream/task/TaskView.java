package io.taskstream.task;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

/** A task as the API shows it; date-times in the user's time zone. */
@Schema(name = "Task")
record TaskView(
        long id,
        String title,
        @Schema(nullable = true) String description,
        boolean completed,
        Priority priority,
        List<String> tags,
        @Schema(nullable = true) OffsetDateTime dueAt,
        boolean allDay,
        @Schema(nullable = true, description = "how the task recurs") RecurrenceView recurrence,
        @Schema(nullable = true, description = "shared by every occurrence of a recurring task") UUID seriesId,
        @Schema(description = "when to remind the user, relative to the due or at a moment") List<ReminderView> reminders,
        OffsetDateTime createdAt,
        OffsetDateTime updatedAt,
        @Schema(nullable = true) OffsetDateTime completedAt) {

    static TaskView of(TaskSnapshot task, ZoneId zone) {
        return new TaskView(task.id().value(), task.title(), task.description(), task.completed(), task.priority(),
                task.tags(), at(task.dueAt(), zone), task.allDay(), RecurrenceView.of(task.recurrence()), task.seriesId(),
                task.reminders().stream().map(r -> ReminderView.of(r, zone)).toList(), at(task.createdAt(), zone),
                at(task.updatedAt(), zone), at(task.completedAt(), zone));
    }

    /** How the task recurs, with the rule in the calendar's words (what the chat says too). */
    @Schema(name = "TaskRecurrence")
    record RecurrenceView(
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "FREQ=MONTHLY;BYDAY=3SU") String rule,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, description = "due or completion") Recurrence.From from,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "Monthly on the 3rd Sunday",
                    description = "the rule in words") String description) {

        static RecurrenceView of(Recurrence recurrence) {
            return recurrence == null ? null
                    : new RecurrenceView(recurrence.rule(), recurrence.from(), recurrence.description());
        }
    }

    /** {@code {"before": "PT15M"}} or {@code {"at": "2026-03-05T08:00:00+01:00"}}. */
    @Schema(name = "Reminder")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record ReminderView(@Schema(example = "PT15M", description = "ISO-8601 duration before the due") String before,
            @Schema(description = "an absolute moment") OffsetDateTime at) {

        static ReminderView of(Reminder reminder, ZoneId zone) {
            return reminder.relative() ? new ReminderView(reminder.before().toString(), null)
                    : new ReminderView(null, OffsetDateTime.ofInstant(reminder.at(), zone));
        }
    }

    private static OffsetDateTime at(Instant instant, ZoneId zone) {
        return instant == null ? null : OffsetDateTime.ofInstant(instant, zone);
    }
}
