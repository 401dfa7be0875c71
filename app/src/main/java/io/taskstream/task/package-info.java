/**
 * Tasks: the use cases to create, change, complete and delete a user's tasks, their queries, and the
 * events ({@link io.taskstream.task.TaskEvent}) that every change publishes in its transaction.
 */
package io.taskstream.task;
