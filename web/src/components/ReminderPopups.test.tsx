import { act, fireEvent, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { AppNotification } from '../api/types';
import { ReminderPopups } from './ReminderPopups';

afterEach(() => vi.useRealTimers());

const fired = { id: 7, taskId: 42, title: 'Call the plumber', dueAt: '2026-05-01T09:30:00Z', remindAt: '2026-05-01T09:00:00Z', read: false } as unknown as AppNotification;

function popups(timeout?: number) {
  const handlers = { onOpen: vi.fn(), onDone: vi.fn(), onSnooze: vi.fn(), onDismiss: vi.fn(), onExpire: vi.fn() };
  render(<ReminderPopups popups={[fired]} timeZone="UTC" timeout={timeout} {...handlers} />);
  return handlers;
}

describe('ReminderPopups', () => {
  it('offers Done, Open, three snooze choices and a dismiss button', async () => {
    const user = userEvent.setup();
    const h = popups();
    const popup = screen.getByRole('region', { name: 'Call the plumber' });
    expect(within(popup).getByText(/^Due /)).toBeVisible();
    expect(screen.getByText('Reminder: Call the plumber')).toHaveAttribute('aria-live', 'polite');

    await user.click(within(popup).getByRole('button', { name: 'Done' }));
    await user.click(within(popup).getByRole('button', { name: 'Open' }));
    await user.click(within(popup).getByRole('button', { name: 'Snooze 10 min' }));
    await user.click(within(popup).getByRole('button', { name: 'Snooze until tomorrow morning' }));
    await user.click(within(popup).getByRole('button', { name: 'Dismiss reminder: Call the plumber' }));

    expect(h.onDone).toHaveBeenCalledWith(fired);
    expect(h.onOpen).toHaveBeenCalledWith(fired);
    expect(h.onSnooze).toHaveBeenNthCalledWith(1, fired, 'PT10M');
    expect(h.onSnooze).toHaveBeenLastCalledWith(fired, expect.stringMatching(/^PT(\d+H)?(\d+M)?$/));
    expect(h.onDismiss).toHaveBeenCalledWith(fired);
  });

  it('leaves by itself after a while, but not while the pointer rests on it', () => {
    vi.useFakeTimers();
    const h = popups(30_000);
    const popup = screen.getByRole('region', { name: 'Call the plumber' });

    fireEvent.mouseEnter(popup);
    act(() => vi.advanceTimersByTime(60_000));
    expect(h.onExpire).not.toHaveBeenCalled();

    fireEvent.mouseLeave(popup);
    act(() => vi.advanceTimersByTime(29_000));
    expect(h.onExpire).not.toHaveBeenCalled();
    act(() => vi.advanceTimersByTime(1_000));
    expect(h.onExpire).toHaveBeenCalledWith(fired);
  });

  it('waits while focus is inside it', () => {
    vi.useFakeTimers();
    const h = popups(30_000);
    act(() => screen.getByRole('button', { name: 'Done' }).focus());

    act(() => vi.advanceTimersByTime(60_000));

    expect(h.onExpire).not.toHaveBeenCalled();
  });
});
