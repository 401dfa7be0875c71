/**
 * Reminders, the {@code reminders} role: every task change (re)schedules the task's reminders as
 * persistent, cluster-safe db-scheduler executions in its own transaction; the executor fires each one
 * once, at its minute, by appending {@code taskstream.reminder.due} to the outbox. Public surface:
 * {@link io.taskstream.reminder.Snoozes}, to fire a reminder again later.
 */
package io.taskstream.reminder;
