// A fired reminder arrives on the live stream as a `notification` event: a CloudEvent whose `data` is the
// in-app notification ({id, taskId, title, dueAt, remindAt, …}). The page shows it at once (a toast) and,
// when the person allowed it, as a system notification while the tab is in the background.

export interface FiredReminder {
  id: string;
  taskId: number;
  title: string;
}

/** The reminder in a stream event (the CloudEvent, or its bare data), or null for anything else. */
export function reminderFromEvent(event: unknown): FiredReminder | null {
  if (!event || typeof event !== 'object') return null;
  const e = event as Record<string, unknown>;
  const data = (e.data && typeof e.data === 'object' ? e.data : e) as Record<string, unknown>;
  if (typeof data.title !== 'string' || data.taskId == null) return null;
  const taskId = Number(data.taskId);
  if (!Number.isFinite(taskId)) return null;
  return { id: String(data.id ?? `${taskId}`), taskId, title: data.title };
}

/** Whether this browser can show system notifications and their current permission. */
export function notificationPermission(): NotificationPermission | 'unsupported' {
  return typeof Notification === 'undefined' ? 'unsupported' : Notification.permission;
}

/**
 * Shows the reminder as a system notification when permission is granted and the page is not in view (the
 * in-page popup covers the visible case). Returns whether one was shown; never throws.
 */
export function showSystemNotification(reminder: FiredReminder, onClick: () => void): boolean {
  if (notificationPermission() !== 'granted' || document.visibilityState === 'visible') return false;
  try {
    // Tagged by task: a re-fire (a snooze, a second reminder) replaces the earlier system notification of the task.
    const n = new Notification('Taskstream reminder', { body: reminder.title, tag: `reminder-task-${reminder.taskId}` });
    n.onclick = () => {
      window.focus();
      onClick();
      n.close();
    };
    return true;
  } catch {
    return false; // e.g. browsers that only allow notifications from a service worker
  }
}
