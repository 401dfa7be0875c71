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

/** The service worker that gives browser notifications their buttons (web/public/sw.js), once registered. */
let reminderWorker: ServiceWorkerRegistration | null = null;

/**
 * Registers the app's service worker, which shows reminders as browser notifications with "Done" and "Snooze"
 * buttons; called once signed in. It caches nothing (no fetch handler). Without service workers (an old browser, or
 * plain http on a host other than localhost, where browsers offer none) reminders stay plain notifications without
 * buttons. Resolves to whether the worker is active; never rejects.
 */
export async function registerReminderWorker(): Promise<boolean> {
  if (typeof navigator === 'undefined' || !navigator.serviceWorker) return false;
  try {
    await navigator.serviceWorker.register('/sw.js', { scope: '/' });
    reminderWorker = await navigator.serviceWorker.ready;
    return true;
  } catch {
    return false;
  }
}

/** For tests: forget the registered worker. */
export function forgetReminderWorker(): void {
  reminderWorker = null;
}

/** A browser notification's button (not yet in TypeScript's DOM types). */
export interface NotificationButton {
  action: string;
  title: string;
}

/**
 * The buttons of a reminder's browser notification, most useful first: a browser shows as many as it can (Chromium
 * two, so "Snooze 1 hour" only where there is room). The actions are the worker's (sw.js) and the page's
 * (reminderActions.ts).
 */
export const REMINDER_BUTTONS: NotificationButton[] = [
  { action: 'done', title: 'Done' },
  { action: 'snooze-10m', title: 'Snooze 10 min' },
  { action: 'snooze-1h', title: 'Snooze 1 hour' },
];

const TITLE = 'Taskstream reminder';

/** Tagged by task: a re-fire (a snooze, a second reminder) replaces the earlier system notification of the task. */
const tagOf = (reminder: FiredReminder) => `reminder-task-${reminder.taskId}`;

/**
 * Shows the reminder as a system notification when permission is granted and the page is not in view (the
 * in-page popup covers the visible case). Through the service worker when it is active, with Done and Snooze buttons
 * (a click is handled by the page the worker picks, see reminderActions.ts); otherwise as a plain notification whose
 * click calls `onClick`. Returns whether one was shown; never throws.
 */
export function showSystemNotification(reminder: FiredReminder, onClick: () => void): boolean {
  if (notificationPermission() !== 'granted' || document.visibilityState === 'visible') return false;
  const worker = reminderWorker;
  if (worker?.active) {
    const options = {
      body: reminder.title,
      tag: tagOf(reminder),
      data: { notificationId: reminder.id, taskId: reminder.taskId, title: reminder.title },
      actions: REMINDER_BUTTONS,
    };
    worker.showNotification(TITLE, options as NotificationOptions).catch(() => showPlainNotification(reminder, onClick));
    return true;
  }
  return showPlainNotification(reminder, onClick);
}

function showPlainNotification(reminder: FiredReminder, onClick: () => void): boolean {
  try {
    const n = new Notification(TITLE, { body: reminder.title, tag: tagOf(reminder) });
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
