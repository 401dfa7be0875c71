// Live updates: POST /stream/ticket, then EventSource(/stream?ticket=…).
// Any task event triggers onTasksChanged; `notification` events trigger onNotification.
// Without the endpoint (404/405) or without EventSource it does nothing.
import { useEffect, useRef } from 'react';
import type { ApiClient } from '../api/client';

/** Named SSE events treated as task changes (besides unnamed "message" events). */
export const TASK_EVENT_NAMES = [
  'task',
  'tasks',
  'task.created',
  'task.updated',
  'task.deleted',
  'task.completed',
  'task-created',
  'task-updated',
  'task-deleted',
  'task-completed',
  'task_changed',
  'taskChanged',
];

interface Handlers {
  onTasksChanged: () => void;
  onNotification: (data: unknown) => void;
  /**
   * The stream is open, first or again after a break. It replays nothing from before it opened (a change made between
   * the page's first load and the stream's opening, or during a break): reload what it would have changed.
   */
  onReconnected?: () => void;
}

export function useEventStream(api: ApiClient, userId: string | null, handlers: Handlers): void {
  const ref = useRef(handlers);
  ref.current = handlers;

  useEffect(() => {
    if (!userId || typeof EventSource === 'undefined') return;
    let closed = false;
    let source: EventSource | null = null;
    let retry: ReturnType<typeof setTimeout> | undefined;
    let attempt = 0;

    const onTask = () => ref.current.onTasksChanged();
    const onNotification = (e: MessageEvent) => {
      let data: unknown = e.data;
      try {
        data = JSON.parse(e.data as string);
      } catch {
        /* plain text */
      }
      ref.current.onNotification(data);
    };

    const connect = async () => {
      let ticket;
      try {
        ticket = await api.streamTicket(userId);
      } catch {
        ticket = undefined; // transient failure: retry below
      }
      if (closed) return;
      if (ticket === null) return; // no streaming on this backend
      if (!ticket) return scheduleRetry();
      source = new EventSource(api.streamUrl(userId, ticket.ticket));
      source.onopen = () => {
        attempt = 0;
        // Events may have been missed before the stream opened: while connecting, or while disconnected.
        ref.current.onTasksChanged();
        ref.current.onReconnected?.();
      };
      source.onmessage = onTask;
      for (const name of TASK_EVENT_NAMES) source.addEventListener(name, onTask);
      source.addEventListener('notification', onNotification as EventListener);
      source.onerror = () => {
        // Tickets are single-use: close and reconnect with a fresh one.
        source?.close();
        source = null;
        if (!closed) scheduleRetry();
      };
    };

    const scheduleRetry = () => {
      attempt += 1;
      const delay = Math.min(60_000, 2_000 * 2 ** Math.min(attempt, 5));
      retry = setTimeout(connect, delay);
    };

    void connect();
    return () => {
      closed = true;
      clearTimeout(retry);
      source?.close();
    };
  }, [api, userId]);
}
