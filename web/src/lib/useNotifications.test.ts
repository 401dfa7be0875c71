import { act, renderHook, waitFor } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import type { ApiClient } from '../api/client';
import type { AppNotification } from '../api/types';
import { useNotifications } from './useNotifications';

const n = (id: number, taskId: number, read = false) =>
  ({ id, taskId, title: `Task ${taskId}`, dueAt: null, remindAt: '2026-05-01T09:00:00Z', read }) as unknown as AppNotification;
const fired = (x: AppNotification) => ({ type: 'taskstream.notification.created', data: x });
const read = (...ids: number[]) => ({ type: 'taskstream.notification.read', data: { ids, read: true } });

async function hook(items: AppNotification[] = []) {
  const api = {
    notifications: vi.fn().mockResolvedValue(items),
    snoozeNotification: vi.fn().mockResolvedValue({}),
    markNotificationRead: vi.fn().mockResolvedValue({}),
    readAllNotifications: vi.fn().mockResolvedValue({ updated: 0 }),
  };
  const r = renderHook(() => useNotifications(api as unknown as ApiClient, 'u1'));
  await waitFor(() => expect(r.result.current.items).toBeDefined());
  return { api, result: r.result };
}

describe('useNotifications', () => {
  it('pops up a fired reminder once per task, the newest replacing the older', async () => {
    const { result } = await hook();

    act(() => void result.current.onStreamEvent(fired(n(1, 10))));
    act(() => void result.current.onStreamEvent(fired(n(2, 20))));
    act(() => void result.current.onStreamEvent(fired(n(3, 10))));
    act(() => void result.current.onStreamEvent(fired(n(3, 10))));

    expect(result.current.popups.map((p) => p.id)).toEqual([2, 3]);
    expect(result.current.unread).toBe(3);
  });

  it('drops the pop-up and the count when another tab or the server reads the notification', async () => {
    const { result } = await hook([n(1, 10)]);
    act(() => void result.current.onStreamEvent(fired(n(2, 20))));

    act(() => void result.current.onStreamEvent(read(2, 1)));

    expect(result.current.popups).toEqual([]);
    expect(result.current.unread).toBe(0);
  });

  it('snoozing reads the snoozed notification and asks for the chosen delay', async () => {
    const { api, result } = await hook();
    act(() => void result.current.onStreamEvent(fired(n(1, 10))));

    await act(() => result.current.snooze(result.current.popups[0], 'PT1H'));

    expect(api.snoozeNotification).toHaveBeenCalledWith('u1', 1, 'PT1H');
    expect(result.current.popups).toEqual([]);
    expect(result.current.unread).toBe(0);
  });

  it('reads the notifications of a task completed on this page', async () => {
    const { result } = await hook([n(1, 10), n(2, 20)]);
    act(() => void result.current.onStreamEvent(fired(n(3, 10))));

    act(() => result.current.taskEnded(10));

    expect(result.current.popups).toEqual([]);
    expect(result.current.unread).toBe(1);
  });

  it('hides a pop-up that timed out but keeps it unread in the bell', async () => {
    const { result } = await hook();
    act(() => void result.current.onStreamEvent(fired(n(1, 10))));

    act(() => result.current.hidePopup(1));

    expect(result.current.popups).toEqual([]);
    expect(result.current.unread).toBe(1);
  });
});
