package io.taskstream.task;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.taskstream.account.UserDirectory;
import io.taskstream.account.UserId;
import io.taskstream.calendar.InvalidRecurrenceRuleException;
import io.taskstream.calendar.RecurrenceRule;
import io.taskstream.platform.problem.ClientErrorException;
import io.taskstream.platform.problem.FieldViolation;
import io.taskstream.platform.problem.ProblemType;
import io.taskstream.platform.web.JsonErrors;
import io.taskstream.platform.web.JsonMergePatch;
import io.taskstream.platform.web.SupportedDates;
import java.net.URI;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** HTTP adapter of the task use cases: maps requests to commands and results to {@link TaskView}s. */
@RestController
@RequestMapping(path = "/api/{userId}", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Tasks")
class TaskController {

    static final int DEFAULT_OCCURRENCES = 5;
    static final int MAX_OCCURRENCES = 100;

    private final TaskService tasks;
    private final UserDirectory users;
    private final JsonMapper json;

    TaskController(TaskService tasks, UserDirectory users, JsonMapper json) {
        this.tasks = tasks;
        this.users = users;
        this.json = json;
    }

    @GetMapping("/tasks")
    @Operation(summary = "List, filter, search, sort and page the user's tasks", responses = @ApiResponse(
            responseCode = "200", description = "A JSON array of tasks", headers = {
                    @Header(name = "X-Total-Count", description = "number of matching tasks over all pages; absent when "
                            + "more than 10000 tasks match and no search (q) is given"),
                    @Header(name = "Link", description = "RFC 8288 links to the first, previous, next and (when "
                            + "X-Total-Count is present) last page")}))
    ResponseEntity<List<TaskView>> list(@PathVariable UUID userId,
            @Parameter(description = "all (default), pending or completed",
                    schema = @Schema(allowableValues = {"all", "pending", "completed"})) @RequestParam(required = false) String status,
            @Parameter(description = "none, low, medium or high; repeatable",
                    array = @ArraySchema(schema = @Schema(allowableValues = {"none", "low", "medium", "high"}))) @RequestParam(required = false) List<String> priority,
            @Parameter(description = "repeatable; a task must have all of them") @RequestParam(required = false) List<String> tag,
            @Parameter(description = "full-text search over title and description") @RequestParam(required = false) String q,
            @Parameter(description = "RFC 3339 date-time or date") @RequestParam(required = false) String dueFrom,
            @Parameter(description = "RFC 3339 date-time or date (inclusive)") @RequestParam(required = false) String dueTo,
            @RequestParam(required = false) Boolean overdue,
            @Parameter(description = "due, priority, title, created (default) or updated; relevance when q is given",
                    schema = @Schema(allowableValues = {"due", "priority", "title", "created", "updated", "relevance"}))
            @RequestParam(required = false) String sort,
            @Parameter(description = "asc (default) or desc; relevance is always best first",
                    schema = @Schema(allowableValues = {"asc", "desc"})) @RequestParam(required = false) String order,
            @RequestParam(required = false) Integer page,
            @Parameter(description = "1-200, default 50") @RequestParam(required = false) Integer size) {
        UserId user = new UserId(userId);
        ZoneId zone = users.zoneOf(user);
        TaskQuery query = TaskQueryParams.parse(new TaskQueryParams(status, priority, tag, q, dueFrom, dueTo, overdue,
                sort, order, page, size), zone);
        TaskPage result = tasks.list(user, zone, query);
        HttpHeaders headers = new HttpHeaders();
        ServletUriComponentsBuilder current = ServletUriComponentsBuilder.fromCurrentRequest();
        String links;
        if (result.total().isPresent()) {
            headers.add("X-Total-Count", Long.toString(result.total().getAsLong()));
            links = PageLinks.of(current, query.page(), query.size(), result.total().getAsLong());
        } else {
            links = PageLinks.of(current, query.page(), result.hasNext());
        }
        if (!links.isEmpty()) {
            headers.add(HttpHeaders.LINK, links);
        }
        return ResponseEntity.ok().headers(headers).body(result.tasks().stream().map(t -> TaskView.of(t, zone)).toList());
    }

    @PostMapping(path = "/tasks", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Create a task", responses = @ApiResponse(responseCode = "201", description = "Created",
            headers = @Header(name = "Location", description = "the new task's URL")))
    ResponseEntity<TaskView> create(@PathVariable UUID userId, @RequestBody TaskInput input,
            @Parameter(description = "quick-add: the task was written as one phrase in the quick-add field (read by "
                    + "POST /tasks/parse); its history and the door metrics name quick add instead of the API.",
                    schema = @Schema(allowableValues = {"quick-add"}))
            @RequestParam(required = false) String via) {
        UserId user = new UserId(userId);
        Door door = Door.REST;
        if (via != null) {
            if (!via.equals("quick-add")) {
                throw ClientErrorException.invalid("via", "must be quick-add");
            }
            door = Door.QUICK_ADD;
        }
        ZoneId zone = users.zoneOf(user);
        TaskSnapshot task = tasks.create(user, TaskInputValidator.read(input, zone), door);
        URI location = ServletUriComponentsBuilder.fromCurrentRequest().path("/{id}").buildAndExpand(task.id().value()).toUri();
        return ResponseEntity.created(location).body(TaskView.of(task, zone));
    }

    @GetMapping("/tasks/{id}")
    @Operation(summary = "One task")
    TaskView get(@PathVariable UUID userId, @PathVariable long id) {
        UserId user = new UserId(userId);
        return TaskView.of(tasks.get(user, new TaskId(id)), users.zoneOf(user));
    }

    @PutMapping(path = "/tasks/{id}", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Replace the editable fields of a task (absent fields take their defaults)")
    TaskView replace(@PathVariable UUID userId, @PathVariable long id, @RequestBody TaskInput input) {
        UserId user = new UserId(userId);
        ZoneId zone = users.zoneOf(user);
        ReplaceTask command = new ReplaceTask(new TaskId(id), TaskInputValidator.read(input, zone));
        return TaskView.of(tasks.replace(user, command, Door.REST), zone);
    }

    @PatchMapping(path = "/tasks/{id}", consumes = {JsonMergePatch.MEDIA_TYPE, MediaType.APPLICATION_JSON_VALUE})
    @Operation(summary = "Change some fields of a task (JSON Merge Patch, RFC 7396)")
    TaskView patch(@PathVariable UUID userId, @PathVariable long id, @RequestBody JsonNode patch) {
        if (!patch.isObject()) {
            // A non-object merge patch replaces the whole document (RFC 7396), which can never be a task.
            throw new ClientErrorException(ProblemType.WRONG_TYPE, "The request body must be an object",
                    List.of(new FieldViolation("body", "must be an object")));
        }
        UserId user = new UserId(userId);
        ZoneId zone = users.zoneOf(user);
        TaskId task = new TaskId(id);
        TaskInput merged = merge(TaskInputs.of(tasks.get(user, task), zone), patch);
        return TaskView.of(tasks.patch(user, TaskInputs.patch(task, patch, TaskInputValidator.read(merged, zone)), Door.REST),
                zone);
    }

    @PatchMapping(path = "/tasks/{id}/complete")
    @Operation(summary = "Toggle completion, or set it with {\"completed\": true|false} (safe to retry)")
    TaskView complete(@PathVariable UUID userId, @PathVariable long id,
            @RequestBody(required = false) CompletionRequest request) {
        UserId user = new UserId(userId);
        TaskSnapshot task = tasks.complete(user, new TaskId(id), request == null ? null : request.completed(), Door.REST);
        return TaskView.of(task, users.zoneOf(user));
    }

    @DeleteMapping("/tasks/{id}")
    @Operation(summary = "Delete a task, or part of a recurring task's series",
            responses = @ApiResponse(responseCode = "204", description = "Deleted (or, for scope=occurrence, skipped)"))
    ResponseEntity<Void> delete(@PathVariable UUID userId, @PathVariable long id,
            @Parameter(description = "For a recurring task: occurrence (just this one: an open occurrence moves to the "
                    + "series' next one, deleted when the series has ended), following (this one and every later one; "
                    + "the completed ones before stay), series (every occurrence, completed ones included). Without it "
                    + "just this task is deleted, which ends its series. Ignored for a task that does not recur.",
                    schema = @Schema(allowableValues = {"occurrence", "following", "series"}))
            @RequestParam(required = false) String scope) {
        UserId user = new UserId(userId);
        if (scope == null) {
            tasks.delete(user, new TaskId(id), Door.REST);
        } else {
            DeleteScope chosen = DeleteScope.fromJson(scope).orElseThrow(
                    () -> ClientErrorException.invalid("scope", "must be one of occurrence, following, series"));
            tasks.delete(user, new TaskId(id), chosen, Door.REST);
        }
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/tasks/{id}/series")
    @Operation(summary = "Every occurrence of the task's series (completed ones included), oldest due first")
    List<TaskView> series(@PathVariable UUID userId, @PathVariable long id) {
        UserId user = new UserId(userId);
        ZoneId zone = users.zoneOf(user);
        return tasks.series(user, new TaskId(id)).stream().map(t -> TaskView.of(t, zone)).toList();
    }

    @GetMapping("/tasks/{id}/occurrences")
    @Operation(summary = "Preview the due times of the task's series from its current due on (RFC 3339, the user's zone)")
    List<OffsetDateTime> occurrences(@PathVariable UUID userId, @PathVariable long id,
            @Parameter(description = "how many, 1-100 (default 5)") @RequestParam(required = false) Integer count) {
        int n = count == null ? DEFAULT_OCCURRENCES : count;
        if (n < 1 || n > MAX_OCCURRENCES) {
            throw ClientErrorException.invalid("count", "must be between 1 and " + MAX_OCCURRENCES);
        }
        return tasks.occurrences(new UserId(userId), new TaskId(id), n).stream().map(ZonedDateTime::toOffsetDateTime).toList();
    }

    @GetMapping("/occurrences")
    @Operation(summary = "Preview a recurrence rule before the task is saved: the rule in the words tasks show it in, "
            + "and the due times it gives from a first due (RFC 3339, the user's zone): what the task dialog shows "
            + "while a rule is being edited")
    RulePreview previewOccurrences(@PathVariable UUID userId,
            @Parameter(description = "an RFC 5545 rule, e.g. FREQ=WEEKLY;BYDAY=MO") @RequestParam(required = false) String rule,
            @Parameter(description = "the first due: an RFC 3339 date-time, a local date-time in the user's zone, or a "
                    + "date (all day); without it, no dates (a rule alone has no first one)")
            @RequestParam(required = false) String dueAt,
            @Parameter(description = "how many, 1-100 (default 5)") @RequestParam(required = false) Integer count) {
        UserId user = new UserId(userId);
        ZoneId zone = users.zoneOf(user);
        List<FieldViolation> violations = new ArrayList<>();
        RecurrenceRule parsed = null;
        if (rule == null || rule.isBlank()) {
            violations.add(new FieldViolation("rule", "is required"));
        } else {
            try {
                parsed = RecurrenceRule.parse(rule);
            } catch (InvalidRecurrenceRuleException e) {
                violations.add(new FieldViolation("rule", e.getMessage()));
            }
        }
        boolean dated = dueAt != null && !dueAt.isBlank();
        Due due = dated ? Due.parse(dueAt, zone, false).orElse(null) : null;
        if (dated && due == null) {
            violations.add(new FieldViolation("dueAt", Due.FORMS));
        } else if (due != null && !SupportedDates.contains(due.at())) {
            violations.add(new FieldViolation("dueAt", SupportedDates.OUT_OF_RANGE));
        }
        int n = count == null ? DEFAULT_OCCURRENCES : count;
        if (n < 1 || n > MAX_OCCURRENCES) {
            violations.add(new FieldViolation("count", "must be between 1 and " + MAX_OCCURRENCES));
        }
        if (!violations.isEmpty()) {
            throw ClientErrorException.invalid(violations);
        }
        List<OffsetDateTime> dates = due == null ? List.of()
                : parsed.occurrences(due.at().atZone(zone), 0).limit(n).map(o -> o.at().toOffsetDateTime()).toList();
        return new RulePreview(parsed.describe(), dates);
    }

    /** A rule being edited, in the calendar's words (as a saved task's {@code recurrence.description}), and its dates. */
    @Schema(name = "RecurrencePreview")
    record RulePreview(
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "Weekly on Mon, Wed",
                    description = "the rule in words, as tasks show it once saved") String description,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED,
                    description = "the next due times from the first due, that due first; empty without a first due")
            List<OffsetDateTime> dates) {
    }

    @GetMapping("/tags")
    @Operation(summary = "The user's tags with the number of tasks carrying each")
    List<TagCount> tags(@PathVariable UUID userId) {
        return tasks.tags(new UserId(userId));
    }

    private TaskInput merge(TaskInput current, JsonNode patch) {
        JsonNode merged = JsonMergePatch.apply(json.valueToTree(current), patch);
        try {
            return json.treeToValue(merged, TaskInput.class);
        } catch (JacksonException e) {
            throw JsonErrors.clientError(e, merged, TaskInput.class, json);
        }
    }

    /** Body of the completion call; {@code completed} absent or null means toggle. */
    record CompletionRequest(Boolean completed) {
    }
}
