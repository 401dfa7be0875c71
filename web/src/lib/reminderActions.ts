// What a click on a reminder's browser notification asks of the page: the service worker (web/public/sw.js) cannot act
// on a task itself (the session is the page's), so it posts the click to an open task page, or opens the app at an
// address carrying it (/?reminder=<notification id>&action=done). The page then does exactly what the pop-up's button
// does, with its own session; the live stream tells the other tabs.
import { useEffect, useRef, useState } from 'react';
import type { AppNotification } from '../api/types';

/** The message type the worker posts (sw.js: REMINDER_ACTION_MESSAGE). */
export const REMINDER_ACTION_MESSAGE = 'taskstream-reminder-action';

/** "open" is a click on the notification itself; the others are its buttons (reminderAlerts.ts: REMINDER_BUTTONS). */
export type ReminderAction = 'open' | 'done' | 'snooze-10m' | 'snooze-1h';

const SNOOZES: Partial<Record<ReminderAction, string>> = { 'snooze-10m': 'PT10M', 'snooze-1h': 'PT1H' };
const ACTIONS: ReminderAction[] = ['open', 'done', 'snooze-10m', 'snooze-1h'];

/** A click to act on: which notification, and what the worker knew of it. */
export interface ReminderActionRequest {
  action: ReminderAction;
  notificationId: string;
  taskId?: number;
  title?: string;
}

/** The reminder an action applies to (the notification as the bell lists it, or what the worker knew of it). */
export type ReminderRef = Pick<AppNotification, 'id' | 'taskId' | 'title'>;

export interface ReminderActionHandlers {
  open(n: ReminderRef): void;
  done(n: ReminderRef): void;
  snooze(n: ReminderRef, duration: string): void;
}

const isAction = (a: unknown): a is ReminderAction => ACTIONS.includes(a as ReminderAction);

/** The action in a message from the service worker, or null for any other message. */
export function actionFromMessage(data: unknown): ReminderActionRequest | null {
  if (!data || typeof data !== 'object') return null;
  const m = data as Record<string, unknown>;
  if (m.type !== REMINDER_ACTION_MESSAGE || !isAction(m.action) || m.notificationId == null) return null;
  const taskId = Number(m.taskId);
  return {
    action: m.action,
    notificationId: String(m.notificationId),
    taskId: m.taskId != null && Number.isFinite(taskId) ? taskId : undefined,
    title: typeof m.title === 'string' ? m.title : undefined,
  };
}

/** The action an address carries (`?reminder=<id>&action=<action>`), or null. */
export function actionFromAddress(search: string): ReminderActionRequest | null {
  const params = new URLSearchParams(search);
  const id = params.get('reminder');
  const action = params.get('action');
  if (!id || !isAction(action)) return null;
  return { action, notificationId: id };
}

/** The address without the action's parameters (the rest of the query and the hash kept). */
export function addressWithoutAction(location: Pick<Location, 'pathname' | 'search' | 'hash'>): string {
  const params = new URLSearchParams(location.search);
  params.delete('reminder');
  params.delete('action');
  const query = params.toString();
  return location.pathname + (query ? `?${query}` : '') + location.hash;
}

/** Does the action to the reminder with the handler the pop-up's button uses. */
export function perform(request: ReminderActionRequest, n: ReminderRef, handlers: ReminderActionHandlers): void {
  const duration = SNOOZES[request.action];
  if (duration) handlers.snooze(n, duration);
  else if (request.action === 'done') handlers.done(n);
  else handlers.open(n);
}

/**
 * Performs the actions clicked in the reminders' browser notifications: each message the service worker posts, and,
 * once, the action in the address the page was opened at (which leaves the address bar at once, so a reload or a
 * bookmark does not repeat it). An action in the address is taken only for a notification of the signed-in user that
 * the bell lists (its task comes from there, never from the address), and Done and Snooze only while it is unread: a
 * link made elsewhere cannot complete or snooze anything else.
 */
export function useReminderActions(items: AppNotification[] | null | undefined, handlers: ReminderActionHandlers): void {
  const latest = useRef({ items, handlers });
  latest.current = { items, handlers };

  // Read once, when the page opens.
  const [fromAddress] = useState(() => actionFromAddress(window.location.search));
  const addressDone = useRef(false);

  useEffect(() => {
    if (fromAddress && window.location.search) {
      window.history.replaceState(window.history.state, '', addressWithoutAction(window.location));
    }
  }, [fromAddress]);

  useEffect(() => {
    if (!fromAddress || addressDone.current || items === undefined) return; // waiting for the list
    addressDone.current = true;
    const n = items?.find((x) => String(x.id) === fromAddress.notificationId);
    if (!n || (n.read && fromAddress.action !== 'open')) return;
    perform(fromAddress, n, latest.current.handlers);
  }, [fromAddress, items]);

  useEffect(() => {
    const container = typeof navigator === 'undefined' ? undefined : navigator.serviceWorker;
    if (!container) return;
    const onMessage = (event: MessageEvent) => {
      const request = actionFromMessage(event.data);
      if (!request) return;
      const { items: known, handlers: current } = latest.current;
      const listed = known?.find((x) => String(x.id) === request.notificationId);
      const n: ReminderRef | undefined =
        listed ??
        (request.taskId !== undefined
          ? { id: Number(request.notificationId), taskId: request.taskId, title: request.title ?? 'the task' }
          : undefined);
      if (n) perform(request, n, current);
    };
    container.addEventListener('message', onMessage);
    container.startMessages?.();
    return () => container.removeEventListener('message', onMessage);
  }, []);
}
