/**
 * Recurring tasks, the {@code recurrence} role: consumes {@code taskstream.task.completed} and creates the
 * next occurrence of a completed recurring task through the task module's use case. No public surface.
 */
package io.taskstream.recurrence;
