package io.taskstream.task;

import java.util.List;

/**
 * Create a task. Each door (REST, the assistant's tools, MCP) reads its own input into this command, with dates already
 * in the user's zone; the task use cases check the rest (lengths, tags, a recurrence needs a due…) and report every bad
 * field at once, under the names the task API uses ({@code title}, {@code dueAt}, {@code recurrence.rule},
 * {@code reminders[0].before}…).
 *
 * @param description null or blank for none
 * @param priority null for {@link Priority#NONE}
 * @param tags null for none; matched case-insensitively, duplicates collapse
 * @param due null for none
 * @param recurrence null for none (needs a due)
 * @param reminders null for none
 */
public record CreateTask(String title, String description, Priority priority, List<String> tags, Due due,
        Recurrence recurrence, List<Reminder> reminders) {

    /** A task with only a title. */
    public static CreateTask titled(String title) {
        return new CreateTask(title, null, null, null, null, null, null);
    }
}
