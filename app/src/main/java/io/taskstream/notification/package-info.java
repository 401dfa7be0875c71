/**
 * Notifications, the {@code notifier} role: turns each fired reminder ({@code taskstream.reminder.due})
 * into an in-app notification pushed on the live stream, and an email and a webhook call where the user
 * enabled them; reads a task's notifications when the task is completed or deleted, and tells open pages what became
 * read ({@code taskstream.notification.read}); plus the API to list, read and snooze notifications and manage the channels, and the
 * notifications' part of the data export. Public surface: {@link io.taskstream.notification.NotificationProperties}
 * ({@code taskstream.notifications.*}) only.
 */
package io.taskstream.notification;
