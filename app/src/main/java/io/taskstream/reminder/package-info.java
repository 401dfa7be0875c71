/**
 * Reminders, the {@code reminders} role: every task change (re)schedules the task's reminders in its own transaction,
 * as persistent, cluster-safe db-scheduler executions (the default) or as Dapr Jobs sent to the sidecar after commit
 * ({@code taskstream.reminders.scheduler=dapr}); either way each one fires once, at its moment, by appending
 * {@code taskstream.reminder.due} to the outbox, with due reminders of a burst fired in bulk. It also cancels a deleted
 * account's pending reminders and contributes them to the data export. Public surface:
 * {@link io.taskstream.reminder.Snoozes}, to fire a reminder again later, and
 * {@link io.taskstream.reminder.ReminderProperties} ({@code taskstream.reminders.*}).
 */
package io.taskstream.reminder;
