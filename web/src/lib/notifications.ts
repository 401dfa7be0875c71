// The life cycle of in-app reminder notifications, as pure functions the page's hook applies: what a live-stream
// event changes, which pop-ups show, and when the snooze choices remind again.
import type { AppNotification } from '../api/types';
import { addDays, zonedDateKey, zonedParts, zonedToInstant } from './dates';

/** What a `notification` event on the live stream says. */
export type NotificationChange =
  | { kind: 'fired'; notification: AppNotification }
  | { kind: 'read'; ids: number[]; read: boolean };

/** The change in a stream event (the CloudEvent), or null for anything else. */
export function notificationChange(event: unknown): NotificationChange | null {
  if (!event || typeof event !== 'object') return null;
  const e = event as { type?: unknown; data?: unknown };
  const data = e.data && typeof e.data === 'object' ? (e.data as Record<string, unknown>) : null;
  if (!data) return null;
  if (e.type === 'taskstream.notification.read') {
    if (!Array.isArray(data.ids)) return null;
    return { kind: 'read', ids: data.ids.map(Number).filter(Number.isFinite), read: data.read !== false };
  }
  if (typeof data.id === 'number' && typeof data.taskId === 'number' && typeof data.title === 'string') {
    return { kind: 'fired', notification: { ...(data as unknown as AppNotification), read: false } };
  }
  return null;
}

/** The list after a change: a fired notification goes first (once), read ones change their flag. */
export function applyChange(items: AppNotification[], change: NotificationChange): AppNotification[] {
  if (change.kind === 'fired') {
    return [change.notification, ...items.filter((n) => n.id !== change.notification.id)];
  }
  const ids = new Set(change.ids);
  return items.map((n) => (ids.has(n.id) && n.read !== change.read ? { ...n, read: change.read } : n));
}

/** The list with every notification of the task read (its task was completed or deleted here). */
export function readTask(items: AppNotification[], taskId: number): AppNotification[] {
  return items.map((n) => (n.taskId === taskId && !n.read ? { ...n, read: true } : n));
}

/**
 * A read a list from the server may not show yet: the notifications it read (by id, or every one of a task), and the
 * moment the server had it (Infinity while the request is on its way).
 */
export interface ReadMark {
  ids: Set<number> | null;
  taskId: number | null;
  at: number;
}

/** The list with the reads it may predate laid over it. */
export function keepReads(items: AppNotification[], marks: ReadMark[]): AppNotification[] {
  if (marks.length === 0) return items;
  const reads = (n: AppNotification) => marks.some((m) => m.ids?.has(n.id) || m.taskId === n.taskId);
  return items.map((n) => (!n.read && reads(n) ? { ...n, read: true } : n));
}

/**
 * The pop-ups after a notification fired: one per task, the newest replacing an older one (a snooze or a second
 * reminder of the same task re-fires), newest last.
 */
export function withPopup(popups: AppNotification[], fired: AppNotification): AppNotification[] {
  return [...popups.filter((p) => p.taskId !== fired.taskId), fired];
}

/** The pop-ups still worth showing: those of notifications not read since. */
export function unreadPopups(popups: AppNotification[], items: AppNotification[]): AppNotification[] {
  const read = new Set(items.filter((n) => n.read).map((n) => n.id));
  return popups.filter((p) => !read.has(p.id) && !p.read);
}

export interface SnoozeChoice {
  /** What the button says. */
  label: string;
  /** Its accessible name, which contains the label. */
  name: string;
  /** ISO-8601 duration for the API. */
  duration: string;
}

/** The hour "tomorrow morning" means, on the account's wall clock. */
export const MORNING = '09:00';

/** Snooze for 10 minutes, an hour, or until tomorrow morning (09:00 in the account's zone). */
export function snoozeChoices(now: Date, timeZone: string): SnoozeChoice[] {
  return [
    { label: '10 min', name: 'Snooze 10 min', duration: 'PT10M' },
    { label: '1 hour', name: 'Snooze 1 hour', duration: 'PT1H' },
    { label: 'Tomorrow', name: 'Snooze until tomorrow morning', duration: untilTomorrowMorning(now, timeZone) },
  ];
}

/**
 * The duration from now to 09:00 tomorrow in the zone, in whole minutes (at least one), e.g. "PT14H30M". In the small
 * hours (before 05:00) "tomorrow morning" is the coming one, on the same date.
 */
export function untilTomorrowMorning(now: Date, timeZone: string): string {
  const today = zonedDateKey(now, timeZone);
  const tomorrow = zonedParts(now, timeZone).hour < 5 ? today : addDays(today, 1);
  const at = zonedToInstant(tomorrow, MORNING, timeZone);
  const minutes = Math.max(1, Math.round((at.getTime() - now.getTime()) / 60_000));
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  return `PT${h ? `${h}H` : ''}${m ? `${m}M` : ''}`;
}

