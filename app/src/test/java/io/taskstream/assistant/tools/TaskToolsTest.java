package io.taskstream.assistant.tools;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.taskstream.account.UserDirectory;
import io.taskstream.account.UserId;
import io.taskstream.audit.ActivityHistory;
import io.taskstream.task.Door;
import io.taskstream.task.Priority;
import io.taskstream.task.TaskId;
import io.taskstream.task.TaskInput;
import io.taskstream.task.TaskService;
import io.taskstream.task.TaskSnapshot;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The tools hand repetition and reminders to the task use cases in exactly the shapes tasks take
 * ({@code {"rule", "from"}}, {@code [{"before"} | {"at"}]}), and read arguments leniently.
 */
class TaskToolsTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final UserId ANN = UserId.random();
    private static final ToolActor ACTOR = new ToolActor(ANN, Door.MCP);

    private final TaskService tasks = mock(TaskService.class);
    private final TaskTools tools = new TaskTools(tasks, mock(ActivityHistory.class), mock(UserDirectory.class),
            Clock.fixed(Instant.parse("2026-03-04T09:00:00Z"), BERLIN));

    private static TaskSnapshot task(long id, String title) {
        Instant now = Instant.parse("2026-03-04T09:00:00Z");
        return new TaskSnapshot(new TaskId(id), ANN, title, null, false, Priority.NONE, List.of(), null, false, null, null, 1,
                List.of(), now, now, null);
    }

    private ToolCall call(String tool, String arguments) {
        return tools.call(ACTOR, BERLIN, tool, JSON.readTree(arguments));
    }

    @Test
    void addTaskPassesRecurrenceAndRemindersThroughUnchanged() {
        when(tasks.create(eq(ANN), any(), eq(Door.MCP))).thenReturn(task(5, "Pay rent"));
        String recurrence = "{\"rule\":\"FREQ=MONTHLY;BYMONTHDAY=1\",\"from\":\"due\"}";
        String reminders = "[{\"before\":\"P1D\"},{\"at\":\"2026-03-31T09:00:00+02:00\"}]";

        ToolCall call = call("add_task", "{\"title\":\"Pay rent\",\"due\":\"2026-04-01\",\"tags\":[\"#finance\"],"
                + "\"recurrence\":" + recurrence + ",\"reminders\":" + reminders + "}");

        ArgumentCaptor<TaskInput> input = ArgumentCaptor.forClass(TaskInput.class);
        verify(tasks).create(eq(ANN), input.capture(), eq(Door.MCP));
        assertThat(input.getValue().recurrence().toString()).isEqualTo(recurrence);
        assertThat(input.getValue().reminders().toString()).isEqualTo(reminders);
        assertThat(input.getValue().dueAt()).isEqualTo("2026-04-01");
        assertThat(input.getValue().allDay()).isTrue();
        assertThat(input.getValue().tags()).containsExactly("finance");
        assertThat(call.result().toString()).isEqualTo("{\"task_id\":5,\"status\":\"created\",\"title\":\"Pay rent\"}");
    }

    @Test
    @SuppressWarnings("unchecked")
    void updateTaskChangesOnlyTheGivenFieldsAndCanClearTheRepetition() {
        when(tasks.get(ANN, new TaskId(7))).thenReturn(task(7, "Stand-up"));
        when(tasks.patch(eq(ANN), eq(new TaskId(7)), any(), eq(Door.MCP))).thenReturn(task(7, "Stand-up"));
        TaskInput current = new TaskInput("Stand-up", "daily sync", "high", List.of("work"), "2026-03-05T09:30:00+01:00",
                false, JSON.readTree("{\"rule\":\"FREQ=DAILY\",\"from\":\"due\"}"), JSON.readTree("[{\"before\":\"PT5M\"}]"));

        call("update_task", "{\"task_id\":\"#7\",\"due_time\":\"10:15\",\"add_tags\":[\"team\"],\"recurrence\":null}");

        ArgumentCaptor<UnaryOperator<TaskInput>> change = ArgumentCaptor.forClass(UnaryOperator.class);
        verify(tasks).patch(eq(ANN), eq(new TaskId(7)), change.capture(), eq(Door.MCP));
        TaskInput changed = change.getValue().apply(current);
        assertThat(changed.title()).isEqualTo("Stand-up");
        assertThat(changed.description()).isEqualTo("daily sync");
        assertThat(changed.priority()).isEqualTo("high");
        assertThat(changed.dueAt()).isEqualTo("2026-03-05T10:15");
        assertThat(changed.allDay()).isFalse();
        assertThat(changed.tags()).containsExactly("work", "team");
        assertThat(changed.recurrence()).isNull();
        assertThat(changed.reminders().toString()).isEqualTo("[{\"before\":\"PT5M\"}]");
    }

    @Test
    void badArgumentsAreReportedTogetherAndNothingIsCalled() {
        ToolCall call = call("add_task", "{\"title\":42,\"tags\":{\"a\":1},\"priority\":\"high\"}");

        assertThat(call.status()).isEqualTo("error");
        assertThat(call.result().get("details").valueStream().map(JsonNode::asString))
                .containsExactly("title must be a string", "tags must be a list of strings");
        verify(tasks, never()).create(any(), any(), any());
    }

    @Test
    void aTargetedToolNeedsAnIdOrAReference() {
        ToolCall call = call("delete_task", "{}");

        assertThat(call.result().get("error").asString()).contains("task_id or reference is required");
    }

    @Test
    void anUnknownToolIsAnErrorResultNamingTheRealOnes() {
        ToolCall call = call("drop_tables", "{}");

        assertThat(call.failed()).isTrue();
        assertThat(call.result().get("error").asString())
                .contains("add_task, list_tasks, complete_task, delete_task, update_task, task_history");
    }

    @Test
    void everyToolAdvertisesAnObjectSchemaWithoutAUserArgument() {
        assertThat(tools.specs()).allSatisfy(spec -> {
            assertThat(spec.inputSchema().get("type").asString()).isEqualTo("object");
            assertThat(spec.inputSchema().get("properties").has("user_id")).isFalse();
        });
    }
}
