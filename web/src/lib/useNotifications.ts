// The user's reminder notifications on this page: the bell's list, the pop-ups of reminders that fired while the
// page was open, and the actions that read or snooze them. Live-stream events keep every open tab in step.
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { errorMessage, isAbort, type ApiClient } from '../api/client';
import type { AppNotification } from '../api/types';
import {
  applyChange,
  keepReads,
  notificationChange,
  readTask,
  unreadPopups,
  withPopup,
  type NotificationChange,
  type ReadMark,
} from './notifications';

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
  const itemsRef = useRef(items);
  itemsRef.current = items;

  // A list the server sent may predate a read this page made or heard of while the list was on its way (the live
  // stream's opening reloads the list while an action from a notification is being sent): each read is remembered
  // with the moment it was known to the server, and a list asked for before that moment gets it laid over.
  const clock = useRef(0);
  const marks = useRef<ReadMark[]>([]);
  const applied = useRef(0);
  const remember = useCallback((ids: number[] | null, taskId: number | null, settled: boolean): ReadMark => {
    const mark: ReadMark = { ids: ids && new Set(ids), taskId, at: settled ? ++clock.current : Infinity };
    marks.current.push(mark);
    return mark;
  }, []);

  const load = useCallback(
    (signal?: AbortSignal) => {
      const asked = ++clock.current;
      return api.notifications(userId, signal).then(
        (list) => {
          if (asked < applied.current) return; // a newer list is already shown
          applied.current = asked;
          marks.current = marks.current.filter((m) => m.at > asked);
          setItems(list === null ? null : keepReads(Array.isArray(list) ? list : [], marks.current));
        },
        (e) => {
          if (!isAbort(e)) setItems((x) => x ?? []);
        },
      );
    },
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
      if (c?.kind === 'read') {
        if (c.read) remember(c.ids, null, true);
        else marks.current = marks.current.filter((m) => !c.ids.some((id) => m.ids?.has(id)));
      }
      if (c) change(c);
      return c;
    },
    [change, remember],
  );

  /** Sends a read made here at once; on failure forgets it, says why and reloads what the server has. */
  const send = useCallback(
    async (ids: number[], request: () => Promise<unknown>) => {
      const mark = remember(ids, null, false);
      setError(null);
      try {
        await request();
        mark.at = ++clock.current;
      } catch (e) {
        marks.current = marks.current.filter((m) => m !== mark);
        setError(errorMessage(e));
        void load();
        throw e;
      }
    },
    [load, remember],
  );

  const markRead = useCallback(
    async (n: Pick<AppNotification, 'id'>) => {
      change({ kind: 'read', ids: [n.id], read: true });
      await send([n.id], () => api.markNotificationRead(userId, n.id, true));
    },
    [api, userId, change, send],
  );

  const markAllRead = useCallback(async () => {
    const unreadIds = (itemsRef.current ?? []).filter((n) => !n.read).map((n) => n.id);
    setItems((xs) => xs?.map((n) => (n.read ? n : { ...n, read: true })));
    setPopups([]);
    await send(unreadIds, () => api.readAllNotifications(userId));
  }, [api, userId, send]);

  const snooze = useCallback(
    async (n: Pick<AppNotification, 'id'>, duration: string) => {
      change({ kind: 'read', ids: [n.id], read: true });
      await send([n.id], () => api.snoozeNotification(userId, n.id, duration));
    },
    [api, userId, change, send],
  );

  const taskEnded = useCallback(
    (taskId: number) => {
      remember(null, taskId, true); // the server read them when it completed or deleted the task
      setItems((xs) => (xs ? readTask(xs, taskId) : xs));
      setPopups((ps) => ps.filter((p) => p.taskId !== taskId));
    },
    [remember],
  );

  const hidePopup = useCallback((id: number) => setPopups((ps) => ps.filter((p) => p.id !== id)), []);

  const unread = items ? items.filter((n) => !n.read).length : 0;
  const shown = useMemo(() => unreadPopups(popups, items ?? []), [popups, items]);

  const reload = useCallback(() => void load(), [load]);

  return { items, unread, popups: shown, error, onStreamEvent, markRead, markAllRead, snooze, taskEnded, hidePopup, reload };
}
