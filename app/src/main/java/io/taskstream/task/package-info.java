/**
 * Tasks: the use cases to create, change, complete and delete a user's tasks ({@link io.taskstream.task.TaskService},
 * within the account's open-task quota), their queries and search ({@link io.taskstream.task.TaskQuery},
 * {@link io.taskstream.task.TaskPage}), the tasks' part of the data export, and the events
 * ({@link io.taskstream.task.TaskEvent}) that every change publishes in its transaction. Other modules see those types
 * and the values they carry: {@link io.taskstream.task.TaskId}, {@link io.taskstream.task.TaskInput},
 * {@link io.taskstream.task.TaskSnapshot}, {@link io.taskstream.task.Priority}, {@link io.taskstream.task.Recurrence},
 * {@link io.taskstream.task.Reminder}, {@link io.taskstream.task.TagCount} and {@link io.taskstream.task.Door}.
 */
package io.taskstream.task;
