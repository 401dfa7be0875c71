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

  it('keeps a snooze sent while a reload was on its way, though the list it brings predates the snooze', async () => {
    const { api, result } = await hook([n(1, 10)]);
    let finishSnooze: (v: unknown) => void = () => {};
    api.snoozeNotification.mockReturnValue(new Promise((resolve) => (finishSnooze = resolve)));
    let sendList: (v: unknown) => void = () => {};
    api.notifications.mockReturnValue(new Promise((resolve) => (sendList = resolve)));

    let snoozed: Promise<void> = Promise.resolve();
    act(() => void (snoozed = result.current.snooze(n(1, 10), 'PT1H')));
    act(() => result.current.reload()); // the live stream opened
    await act(async () => sendList([n(1, 10)])); // answered before the snooze reached the database
    expect(result.current.unread).toBe(0);

    await act(async () => {
      finishSnooze({});
      await snoozed;
    });
    expect(result.current.unread).toBe(0);
  });

  it('keeps a read another tab made while a reload was on its way, and believes a list asked for after it', async () => {
    const { api, result } = await hook([n(1, 10), n(2, 20)]);
    let sendList: (v: unknown) => void = () => {};
    api.notifications.mockReturnValue(new Promise((resolve) => (sendList = resolve)));

    act(() => result.current.reload());
    act(() => void result.current.onStreamEvent(read(1)));
    await act(async () => sendList([n(1, 10), n(2, 20)]));
    expect(result.current.items?.map((x) => x.read)).toEqual([true, false]);

    api.notifications.mockResolvedValue([n(1, 10), n(2, 20)]); // marked unread again elsewhere, say
    await act(async () => result.current.reload());
    expect(result.current.unread).toBe(2);
  });

  it('forgets the read of a snooze the server refused, and shows the list the server has', async () => {
    const { api, result } = await hook([n(1, 10)]);
    api.snoozeNotification.mockRejectedValue(new Error('offline'));

    await act(async () => {
      await result.current.snooze(n(1, 10), 'PT1H').catch(() => {});
    });

    await waitFor(() => expect(result.current.unread).toBe(1));
    expect(result.current.error).toBe('offline');
  });
});
