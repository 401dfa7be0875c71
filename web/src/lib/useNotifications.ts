// The user's reminder notifications on this page: the bell's list, the pop-ups of reminders that fired while the
// page was open, and the actions that read or snooze them. Live-stream events keep every open tab in step.
import { useCallback, useEffect, useMemo, useState } from 'react';
import { errorMessage, isAbort, type ApiClient } from '../api/client';
import type { AppNotification } from '../api/types';
import { applyChange, notificationChange, readTask, unreadPopups, withPopup, type NotificationChange } from './notifications';

export interface Notifications {
  /** Newest first; undefined while loading, null where the backend has no notifications. */
  items: AppNotification[] | null | undefined;
  unread: number;
  /** Reminders that fired while the page was open and are still unread: one per task, newest last. */
  popups: AppNotification[];
  error: string | null;
  /** Applies a `notification` event of the live stream; returns what it changed. */
  onStreamEvent(event: unknown): NotificationChange | null;
  /** Reads one (opened or dismissed). */
  markRead(n: Pick<AppNotification, 'id'>): Promise<void>;
  markAllRead(): Promise<void>;
  /** Reminds again after `duration` (ISO-8601); the snoozed notification is read. */
  snooze(n: Pick<AppNotification, 'id'>, duration: string): Promise<void>;
  /** The task was completed or deleted on this page: its notifications are read (the server reads them too). */
  taskEnded(taskId: number): void;
  /** Hides a pop-up without reading its notification (it timed out; the bell still has it). */
  hidePopup(id: number): void;
  /** Loads the list again (e.g. after the live stream was interrupted). */
  reload(): void;
}

export function useNotifications(api: ApiClient, userId: string): Notifications {
  const [items, setItems] = useState<AppNotification[] | null | undefined>(undefined);
  const [popups, setPopups] = useState<AppNotification[]>([]);
  const [error, setError] = useState<string | null>(null);

  const load = useCallback(
    (signal?: AbortSignal) =>
      api.notifications(userId, signal).then(
        (list) => setItems(list === null ? null : Array.isArray(list) ? list : []),
        (e) => {
          if (!isAbort(e)) setItems((x) => x ?? []);
        },
      ),
    [api, userId],
  );

  useEffect(() => {
    const ctrl = new AbortController();
    void load(ctrl.signal);
    return () => ctrl.abort();
  }, [load]);

  const change = useCallback((c: NotificationChange) => {
    setItems((xs) => (xs ? applyChange(xs, c) : xs));
    if (c.kind === 'fired') setPopups((ps) => withPopup(ps, c.notification));
    else if (c.read) setPopups((ps) => ps.filter((p) => !c.ids.includes(p.id)));
  }, []);

  const onStreamEvent = useCallback(
    (event: unknown) => {
      const c = notificationChange(event);
      if (c) change(c);
      return c;
    },
    [change],
  );

  /** Runs a request after an optimistic change; on failure says why and reloads what the server has. */
  const attempt = useCallback(
    async (request: () => Promise<unknown>) => {
      setError(null);
      try {
        await request();
      } catch (e) {
        setError(errorMessage(e));
        void load();
        throw e;
      }
    },
    [load],
  );

  const markRead = useCallback(
    async (n: Pick<AppNotification, 'id'>) => {
      change({ kind: 'read', ids: [n.id], read: true });
      await attempt(() => api.markNotificationRead(userId, n.id, true));
    },
    [api, userId, change, attempt],
  );

  const markAllRead = useCallback(async () => {
    setItems((xs) => xs?.map((n) => (n.read ? n : { ...n, read: true })));
    setPopups([]);
    await attempt(() => api.readAllNotifications(userId));
  }, [api, userId, attempt]);

  const snooze = useCallback(
    async (n: Pick<AppNotification, 'id'>, duration: string) => {
      change({ kind: 'read', ids: [n.id], read: true });
      await attempt(() => api.snoozeNotification(userId, n.id, duration));
    },
    [api, userId, change, attempt],
  );

  const taskEnded = useCallback((taskId: number) => {
    setItems((xs) => (xs ? readTask(xs, taskId) : xs));
    setPopups((ps) => ps.filter((p) => p.taskId !== taskId));
  }, []);

  const hidePopup = useCallback((id: number) => setPopups((ps) => ps.filter((p) => p.id !== id)), []);

  const unread = items ? items.filter((n) => !n.read).length : 0;
  const shown = useMemo(() => unreadPopups(popups, items ?? []), [popups, items]);

  const reload = useCallback(() => void load(), [load]);

  return { items, unread, popups: shown, error, onStreamEvent, markRead, markAllRead, snooze, taskEnded, hidePopup, reload };
}
