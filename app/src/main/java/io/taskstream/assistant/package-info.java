/**
 * The assistant: natural-language quick-add ({@code parse}, {@code quickadd}), the stateless chat endpoint with its
 * engines (offline, OpenAI-compatible model) and its stored conversations ({@code chat}, also part of the data
 * export), and the MCP server ({@code mcp}). Both doors act through one set of task tools ({@code tools}) that read
 * their arguments into the task use cases' commands ({@code task.CreateTask}, {@code task.PatchTask}) for the
 * authenticated user only; the parser yields the task module's and the calendar's types ({@code task.Priority},
 * {@code task.Recurrence} over a {@code calendar.RecurrenceRule}, {@code task.Reminder}). Moving a task to a day keeps
 * its time of day unless a new time is given. No public surface: no other module depends on it.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Assistant")
package io.taskstream.assistant;
