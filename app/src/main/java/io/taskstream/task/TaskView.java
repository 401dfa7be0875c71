package io.taskstream.task;

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
        @Schema(nullable = true, description = "how the task recurs") Recurrence recurrence,
        @Schema(nullable = true, description = "shared by every occurrence of a recurring task") UUID seriesId,
        @Schema(description = "reserved for reminders") List<Object> reminders,
        OffsetDateTime createdAt,
        OffsetDateTime updatedAt,
        @Schema(nullable = true) OffsetDateTime completedAt) {

    static TaskView of(TaskSnapshot task, ZoneId zone) {
        return new TaskView(task.id().value(), task.title(), task.description(), task.completed(), task.priority(),
                task.tags(), at(task.dueAt(), zone), task.allDay(), task.recurrence(), task.seriesId(), List.of(), at(task.createdAt(), zone),
                at(task.updatedAt(), zone), at(task.completedAt(), zone));
    }

    private static OffsetDateTime at(Instant instant, ZoneId zone) {
        return instant == null ? null : OffsetDateTime.ofInstant(instant, zone);
    }
}
