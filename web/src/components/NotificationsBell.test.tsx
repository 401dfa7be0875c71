import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ApiClient } from '../api/client';
import type { AppNotification } from '../api/types';
import { NotificationsBell } from './NotificationsBell';

afterEach(() => vi.unstubAllGlobals());

const reminder = {
  id: 1,
  taskId: 42,
  title: 'Call the plumber',
  dueAt: null,
  remindAt: '2026-05-01T09:00:00Z',
  read: false,
} as unknown as AppNotification;

function bell(items: AppNotification[]) {
  const api = { notifications: vi.fn().mockResolvedValue(items), snoozeNotification: vi.fn() } as unknown as ApiClient;
  render(<NotificationsBell api={api} userId="u1" timeZone="UTC" />);
}

describe('NotificationsBell', () => {
  it('shows the unread count and closes its panel on Escape from the bell itself', async () => {
    const user = userEvent.setup();
    bell([reminder]);
    const button = await screen.findByRole('button', { name: 'Notifications, 1 unread' });
    await user.click(button);
    expect(screen.getByRole('region', { name: 'Notifications' })).toBeVisible();
    expect(screen.getByRole('button', { name: 'Call the plumber' })).toBeInTheDocument();

    await user.keyboard('{Escape}');

    expect(screen.queryByRole('region', { name: 'Notifications' })).toBeNull();
    expect(button).toHaveFocus();
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
