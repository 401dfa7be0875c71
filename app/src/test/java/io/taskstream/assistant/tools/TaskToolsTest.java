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
import io.taskstream.task.CreateTask;
import io.taskstream.task.Door;
import io.taskstream.task.Due;
import io.taskstream.task.PatchTask.Change;
import io.taskstream.task.PatchTask;
import io.taskstream.task.Priority;
import io.taskstream.task.Recurrence;
import io.taskstream.task.Reminder;
import io.taskstream.task.TaskId;
import io.taskstream.task.TaskService;
import io.taskstream.task.TaskSnapshot;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The tools read their arguments leniently into the task use cases' commands: repetition, reminders and dues in the
 * task module's types, in the user's zone.
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
    void addTaskReadsRecurrenceRemindersAndDueIntoTheTaskTypes() {
        when(tasks.create(eq(ANN), any(), eq(Door.MCP))).thenReturn(task(5, "Pay rent"));
        String recurrence = "{\"rule\":\"FREQ=MONTHLY;BYMONTHDAY=1\",\"from\":\"completion\"}";
        String reminders = "[{\"before\":\"P1D\"},{\"at\":\"2026-03-31T09:00:00+02:00\"}]";

        ToolCall call = call("add_task", "{\"title\":\"Pay rent\",\"due\":\"2026-04-01\",\"tags\":[\"#finance\"],"
                + "\"priority\":\"high\",\"recurrence\":" + recurrence + ",\"reminders\":" + reminders + "}");

        ArgumentCaptor<CreateTask> command = ArgumentCaptor.forClass(CreateTask.class);
        verify(tasks).create(eq(ANN), command.capture(), eq(Door.MCP));
        assertThat(command.getValue().recurrence()).isEqualTo(new Recurrence("FREQ=MONTHLY;BYMONTHDAY=1", Recurrence.From.COMPLETION));
        assertThat(command.getValue().reminders()).containsExactly(Reminder.before(Duration.ofDays(1)),
                Reminder.at(Instant.parse("2026-03-31T07:00:00Z")));
        assertThat(command.getValue().due()).isEqualTo(Due.on(LocalDate.parse("2026-04-01"), BERLIN));
        assertThat(command.getValue().priority()).isEqualTo(Priority.HIGH);
        assertThat(command.getValue().tags()).containsExactly("finance");
        assertThat(call.result().toString()).isEqualTo("{\"task_id\":5,\"status\":\"created\",\"title\":\"Pay rent\"}");
    }

    @Test
    void updateTaskChangesOnlyTheGivenFieldsAndCanClearTheRepetition() {
        TaskSnapshot standUp = new TaskSnapshot(new TaskId(7), ANN, "Stand-up", "daily sync", false, Priority.HIGH,
                List.of("work"), Instant.parse("2026-03-05T08:30:00Z"), false, new Recurrence("FREQ=DAILY", Recurrence.From.DUE),
                null, 1, List.of(Reminder.before(Duration.ofMinutes(5))), Instant.EPOCH, Instant.EPOCH, null);
        when(tasks.get(ANN, new TaskId(7))).thenReturn(standUp);
        when(tasks.patch(eq(ANN), any(), eq(Door.MCP))).thenReturn(standUp);

        call("update_task", "{\"task_id\":\"#7\",\"due_time\":\"10:15\",\"add_tags\":[\"team\"],\"recurrence\":null}");

        ArgumentCaptor<PatchTask> patch = ArgumentCaptor.forClass(PatchTask.class);
        verify(tasks).patch(eq(ANN), patch.capture(), eq(Door.MCP));
        assertThat(patch.getValue()).isEqualTo(PatchTask.of(new TaskId(7))
                .withDue(Change.to(Due.at(Instant.parse("2026-03-05T09:15:00Z"))))
                .withTags(Change.to(List.of("work", "team")))
                .withRecurrence(Change.clear()));
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
