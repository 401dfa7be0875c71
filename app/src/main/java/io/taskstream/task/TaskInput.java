package io.taskstream.task;

import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import io.taskstream.platform.problem.FieldViolation;
import io.taskstream.platform.web.SelfValidating;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * The editable fields as a REST client sends them (create, replace, and the result of a merge patch), which
 * {@link TaskInputValidator} reads into a {@link CreateTask}. Kept loosely typed where the client may send several forms
 * (dates), so that every mistake becomes a per-field validation error rather than a parse failure.
 */
@Schema(name = "TaskInput")
record TaskInput(
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, maxLength = 200, example = "Buy milk") String title,
        @Schema(maxLength = 4000, nullable = true) String description,
        @Schema(allowableValues = {"none", "low", "medium", "high"}, defaultValue = "none") String priority,
        @Schema(maxLength = 20, example = "[\"home\", \"errands\"]") List<String> tags,
        @Schema(nullable = true, description = "RFC 3339 date-time with offset, a local date-time (the user's zone) "
                + "or a date (all-day)", example = "2026-03-05T17:00:00+01:00") String dueAt,
        @Schema(description = "true for a task due on a date rather than at a time") Boolean allDay,
        @Schema(nullable = true, implementation = Recurrence.class, description = "how the task recurs (needs dueAt): "
                + "{\"rule\": RFC 5545 RRULE with or without the RRULE: prefix, \"from\": \"due\" (default) or \"completion\"}")
        JsonNode recurrence,
        @ArraySchema(arraySchema = @Schema(types = {"array", "null"}, description = "at most 10 of {\"before\": ISO-8601 "
                + "duration before the due} or {\"at\": RFC 3339 date-time}", example = "[{\"before\": \"PT15M\"}]"),
                schema = @Schema(implementation = TaskView.ReminderView.class)) JsonNode reminders) implements SelfValidating {

    /** Whether each field is valid does not depend on the user's zone, only what a valid one means. */
    @Override
    public List<FieldViolation> violations() {
        return TaskInputValidator.violations(this);
    }
}
