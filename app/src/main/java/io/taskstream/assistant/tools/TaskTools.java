package io.taskstream.assistant.tools;

import io.taskstream.account.UserDirectory;
import io.taskstream.assistant.tools.TaskTool.ToolContext;
import io.taskstream.audit.ActivityHistory;
import io.taskstream.platform.problem.ClientErrorException;
import io.taskstream.platform.problem.NotFoundException;
import io.taskstream.platform.web.JsonText;
import io.taskstream.task.TaskService;
import java.time.Clock;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/**
 * The task tools, implemented once and served through every door (chat engines, MCP): add_task,
 * list_tasks, complete_task, delete_task, update_task and task_history (reads the activity history). Each call acts for the given actor only,
 * through the task use cases, so the activity history records the door. A call never throws for a
 * caller's mistake: bad arguments, unknown or ambiguous tasks come back as results a model or a
 * person can act on.
 */
@Component
public class TaskTools {

    private final Map<String, TaskTool> tools = new LinkedHashMap<>();
    private final UserDirectory users;
    private final Clock clock;

    TaskTools(TaskService tasks, ActivityHistory history, UserDirectory users, Clock clock) {
        this.users = users;
        this.clock = clock;
        TaskReferences references = new TaskReferences(tasks);
        List.of(new AddTaskTool(tasks), new ListTasksTool(tasks), new CompleteTaskTool(tasks, references),
                        new DeleteTaskTool(tasks, references), new UpdateTaskTool(tasks, references),
                        new TaskHistoryTool(history, references))
                .forEach(tool -> tools.put(tool.spec().name(), tool));
    }

    public List<ToolSpec> specs() {
        return tools.values().stream().map(TaskTool::spec).toList();
    }

    public ToolCall call(ToolActor actor, String name, JsonNode arguments) {
        return call(actor, users.zoneOf(actor.user()), name, arguments);
    }

    /** As {@link #call(ToolActor, String, JsonNode)}, for a caller that already knows the user's zone. */
    public ToolCall call(ToolActor actor, ZoneId zone, String name, JsonNode arguments) {
        TaskTool tool = tools.get(name);
        if (tool == null) {
            return new ToolCall(name, arguments, ToolResults.error("Unknown tool '" + name + "'; the tools are "
                    + String.join(", ", tools.keySet()), List.of()));
        }
        ToolContext context = new ToolContext(actor, zone, ZonedDateTime.now(clock.withZone(zone)));
        return new ToolCall(name, arguments, run(tool, context, arguments));
    }

    private static JsonNode run(TaskTool tool, ToolContext context, JsonNode arguments) {
        List<String> unstorable = arguments == null ? List.of()
                : JsonText.violations(arguments).stream().map(v -> v.field() + " " + v.message()).toList();
        if (!unstorable.isEmpty()) {
            return ToolResults.error("Invalid arguments: " + String.join("; ", unstorable), unstorable);
        }
        try {
            return tool.call(context, ToolArguments.of(arguments));
        } catch (ToolArgumentException e) {
            return ToolResults.error("Invalid arguments: " + e.getMessage(), e.problems());
        } catch (NotFoundException e) {
            return ToolResults.notFound(e.getMessage());
        } catch (ClientErrorException e) {
            return ToolResults.error(e.getMessage(),
                    e.violations().stream().map(v -> v.field() + ": " + v.message()).toList());
        }
    }
}
