package io.taskstream.task;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;

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
        @Schema(nullable = true, description = "reserved for recurring tasks") Object recurrence,
        @Schema(description = "reserved for reminders") List<Object> reminders,
        OffsetDateTime createdAt,
        OffsetDateTime updatedAt,
        @Schema(nullable = true) OffsetDateTime completedAt) {

    static TaskView of(TaskSnapshot task, ZoneId zone) {
        return new TaskView(task.id().value(), task.title(), task.description(), task.completed(), task.priority(),
                task.tags(), at(task.dueAt(), zone), task.allDay(), null, List.of(), at(task.createdAt(), zone),
                at(task.updatedAt(), zone), at(task.completedAt(), zone));
    }

    private static OffsetDateTime at(Instant instant, ZoneId zone) {
        return instant == null ? null : OffsetDateTime.ofInstant(instant, zone);
    }
}
