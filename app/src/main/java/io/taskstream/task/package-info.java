/**
 * Tasks: the use cases to create, change, complete and delete a user's tasks ({@link io.taskstream.task.TaskService},
 * within the account's open-task quota), their queries and search ({@link io.taskstream.task.TaskQuery},
 * {@link io.taskstream.task.TaskPage}), the tasks' part of the data export, and the events
 * ({@link io.taskstream.task.TaskEvent}) that every change publishes in its transaction.
 * <p>
 * The use cases take typed commands, {@link io.taskstream.task.CreateTask}, {@link io.taskstream.task.ReplaceTask} and
 * {@link io.taskstream.task.PatchTask} (each field kept, set or cleared), which every door (the REST API here, the
 * assistant's tools and MCP) builds from its own input with the user's zone already applied: dates as
 * {@link io.taskstream.task.Due}, {@link io.taskstream.task.Priority}, {@link io.taskstream.task.Recurrence} (a
 * {@code calendar} rule and what the next occurrence counts from) and {@link io.taskstream.task.Reminder}. The use
 * cases check every command with the same rules and report every bad field at once (ADR 041). Other modules also see
 * {@link io.taskstream.task.TaskId}, {@link io.taskstream.task.TaskSnapshot}, {@link io.taskstream.task.TagCount} and
 * {@link io.taskstream.task.Door}. The REST body ({@code TaskInput}) and its reading stay inside the module.
 */
package io.taskstream.task;
