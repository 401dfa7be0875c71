import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ApiClient } from '../api/client';
import type { AppNotification } from '../api/types';
import { useNotifications } from '../lib/useNotifications';
import { NotificationsBell } from './NotificationsBell';

afterEach(() => vi.unstubAllGlobals());

const reminder = (id: number, title: string, read = false) =>
  ({ id, taskId: 40 + id, title, dueAt: null, remindAt: '2026-05-01T09:00:00Z', read }) as unknown as AppNotification;

function fakeApi(items: AppNotification[]) {
  return {
    notifications: vi.fn().mockResolvedValue(items),
    snoozeNotification: vi.fn().mockResolvedValue({ remindAt: '2026-05-01T09:10:00Z' }),
    markNotificationRead: vi.fn((_u: string, id: number) => Promise.resolve({ ...items.find((n) => n.id === id), read: true })),
    readAllNotifications: vi.fn().mockResolvedValue({ updated: 2 }),
  };
}

function Bell({ api, onOpenTask }: { api: ApiClient; onOpenTask?: (taskId: number) => void }) {
  return <NotificationsBell notifications={useNotifications(api, 'u1')} timeZone="UTC" onOpenTask={onOpenTask} />;
}

function bell(items: AppNotification[], onOpenTask?: (taskId: number) => void) {
  const api = fakeApi(items);
  render(<Bell api={api as unknown as ApiClient} onOpenTask={onOpenTask} />);
  return api;
}

describe('NotificationsBell', () => {
  it('shows the unread count and closes its panel on Escape from the bell itself', async () => {
    const user = userEvent.setup();
    bell([reminder(1, 'Call the plumber')]);
    const button = await screen.findByRole('button', { name: 'Notifications, 1 unread' });
    await user.click(button);
    expect(screen.getByRole('region', { name: 'Notifications' })).toBeVisible();
    expect(screen.getByRole('button', { name: 'Call the plumber (unread)' })).toBeInTheDocument();

    await user.keyboard('{Escape}');

    expect(screen.queryByRole('region', { name: 'Notifications' })).toBeNull();
    expect(button).toHaveFocus();
  });

  it('reads a notification when it is opened, and opens its task', async () => {
    const user = userEvent.setup();
    const onOpenTask = vi.fn();
    const api = bell([reminder(2, 'Water the plants'), reminder(1, 'Call the plumber')], onOpenTask);
    await user.click(await screen.findByRole('button', { name: 'Notifications, 2 unread' }));

    await user.click(screen.getByRole('button', { name: 'Call the plumber (unread)' }));

    expect(api.markNotificationRead).toHaveBeenCalledWith('u1', 1, true);
    expect(onOpenTask).toHaveBeenCalledWith(41);
    expect(screen.getByRole('button', { name: 'Notifications, 1 unread' })).toBeInTheDocument();
  });

  it('marks all read at once, and then offers it no more', async () => {
    const user = userEvent.setup();
    const api = bell([reminder(2, 'Water the plants'), reminder(1, 'Call the plumber', true)]);
    await user.click(await screen.findByRole('button', { name: 'Notifications, 1 unread' }));

    await user.click(screen.getByRole('button', { name: 'Mark all read' }));

    expect(api.readAllNotifications).toHaveBeenCalledWith('u1');
    expect(screen.getByRole('button', { name: 'Notifications' })).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Mark all read' })).toBeNull();
    expect(screen.getByRole('button', { name: 'Water the plants' })).toBeInTheDocument();
  });

  it('snoozes an unread notification for the chosen time, which reads it', async () => {
    const user = userEvent.setup();
    const api = bell([reminder(1, 'Call the plumber')]);
    await user.click(await screen.findByRole('button', { name: 'Notifications, 1 unread' }));

    await user.click(screen.getByRole('button', { name: 'Snooze 1 hour' }));

    expect(api.snoozeNotification).toHaveBeenCalledWith('u1', 1, 'PT1H');
    await waitFor(() => expect(screen.getByRole('button', { name: 'Notifications' })).toBeInTheDocument());
    expect(screen.queryByRole('group', { name: 'Snooze' })).toBeNull();
  });

  it('says why when reading fails, and shows what the server has', async () => {
    const user = userEvent.setup();
    const api = bell([reminder(1, 'Call the plumber')]);
    api.readAllNotifications.mockRejectedValueOnce(new Error('The server is unreachable'));
    await user.click(await screen.findByRole('button', { name: 'Notifications, 1 unread' }));

    await user.click(screen.getByRole('button', { name: 'Mark all read' }));

    expect(await screen.findByText(/unreachable/)).toBeVisible();
    expect(await screen.findByRole('button', { name: 'Notifications, 1 unread' })).toBeInTheDocument();
  });

  it('explains and asks for desktop notifications only when the browser has not been asked yet', async () => {
    const requestPermission = vi.fn().mockResolvedValue('granted');
    vi.stubGlobal('Notification', { permission: 'default', requestPermission });
    const user = userEvent.setup();
    bell([]);
    await user.click(await screen.findByRole('button', { name: 'Notifications' }));
    expect(screen.getByText(/even when this tab is in the background/)).toBeVisible();

    await user.click(screen.getByRole('button', { name: 'Turn on desktop notifications' }));

    expect(requestPermission).toHaveBeenCalledOnce();
    expect(screen.queryByRole('button', { name: 'Turn on desktop notifications' })).toBeNull();
  });
});
