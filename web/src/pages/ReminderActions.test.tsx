// A click on a reminder's browser notification reaches the task page as a message from the service worker, or as the
// address the worker opened the app at: the page then does what the pop-up's button does, with the same API calls.
import { act, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { AppNotification } from '../api/types';
import { forgetReminderWorker } from '../lib/reminderAlerts';
import { REMINDER_ACTION_MESSAGE } from '../lib/reminderActions';
import { makeTask } from '../test/fixtures';
import { jsonResponse, mockFetch, type Call } from '../test/http';
import { TEST_SESSION, renderApp } from '../test/renderApp';
import { findStatus } from '../test/status';

const me = { userId: 'u1', email: 'ada@example.com', name: 'Ada Lovelace', timeZone: 'UTC', createdAt: '2026-01-01T00:00:00Z' };

const reminder = (p: Partial<AppNotification> = {}): AppNotification => ({
  id: 7,
  taskId: 42,
  title: 'Call the plumber',
  dueAt: null,
  remindAt: '2026-05-01T09:00:00Z',
  firedAt: '2026-05-01T09:00:00Z',
  late: false,
  read: false,
  ...p,
});

function backend(notifications: AppNotification[]) {
  const task = makeTask({ id: 42, title: 'Call the plumber' });
  return mockFetch([
    ['GET', '/api/auth/me', () => jsonResponse(me)],
    ['GET', '/api/u1/tasks', () => jsonResponse([task], 200, { 'X-Total-Count': '1' })],
    ['GET', '/api/u1/tasks/42', () => jsonResponse(task)],
    ['GET', '/api/u1/tags', () => jsonResponse([])],
    ['GET', '/api/u1/notifications', () => jsonResponse(notifications)],
    ['PATCH', '/api/u1/tasks/42/complete', (c) => jsonResponse({ ...task, ...(c.body as object) })],
    ['POST', '/api/u1/notifications/7/snooze', () => new Response(null, { status: 204 })],
    ['PATCH', '/api/u1/notifications/7', (c) => jsonResponse({ ...reminder(), ...(c.body as object) })],
  ]);
}

/** The browser's ServiceWorkerContainer, as far as the page uses it: a message target that registers a worker. */
class FakeServiceWorkers extends EventTarget {
  register = vi.fn(async () => ({}));
  ready = Promise.resolve({ active: null });
  startMessages = vi.fn();

  /** What the worker's `client.postMessage(...)` makes the page receive. */
  post(data: unknown) {
    act(() => {
      this.dispatchEvent(new MessageEvent('message', { data }));
    });
  }
}

let workers: FakeServiceWorkers;
beforeEach(() => {
  workers = new FakeServiceWorkers();
  Object.defineProperty(navigator, 'serviceWorker', { configurable: true, value: workers });
});
afterEach(() => {
  delete (navigator as { serviceWorker?: unknown }).serviceWorker;
  forgetReminderWorker();
});

const actions = (calls: Call[]) =>
  calls.filter((c) => c.method !== 'GET').map((c) => `${c.method} ${c.path} ${JSON.stringify(c.body ?? null)}`);

async function pageReady(b: ReturnType<typeof backend>) {
  await screen.findByRole('checkbox', { name: 'Mark “Call the plumber” as completed' });
  await waitFor(() => expect(b.calls.some((c) => c.path === '/api/u1/notifications')).toBe(true));
}

const message = (action: string) => ({ type: REMINDER_ACTION_MESSAGE, action, notificationId: '7', taskId: 42, title: 'Call the plumber' });

describe('a click on a reminder’s browser notification, posted by the service worker', () => {
  it('registers the worker at the root once signed in', async () => {
    const b = backend([reminder()]);
    renderApp('/', b.fetch, TEST_SESSION);
    await pageReady(b);
    expect(workers.register).toHaveBeenCalledWith('/sw.js', { scope: '/' });
    expect(workers.startMessages).toHaveBeenCalled();
  });

  it('"Done" completes the task as the pop-up does, with an Undo', async () => {
    const b = backend([reminder()]);
    renderApp('/', b.fetch, TEST_SESSION);
    await pageReady(b);

    workers.post(message('done'));

    await waitFor(() => expect(actions(b.calls)).toEqual(['PATCH /api/u1/tasks/42/complete {"completed":true}']));
    const status = await findStatus('Completed “Call the plumber”');
    expect(within(status).getByRole('button', { name: 'Undo' })).toBeInTheDocument();
  });

  it.each([
    ['snooze-10m', 'PT10M'],
    ['snooze-1h', 'PT1H'],
  ])('"%s" snoozes the notification for %s', async (action, duration) => {
    const b = backend([reminder()]);
    renderApp('/', b.fetch, TEST_SESSION);
    await pageReady(b);

    workers.post(message(action));

    await waitFor(() => expect(actions(b.calls)).toEqual([`POST /api/u1/notifications/7/snooze {"for":"${duration}"}`]));
    expect(await screen.findByText('Snoozed “Call the plumber”')).toBeInTheDocument();
  });

  it('a click on the notification itself reads it and opens the task', async () => {
    const b = backend([reminder()]);
    renderApp('/', b.fetch, TEST_SESSION);
    await pageReady(b);

    workers.post(message('open'));

    expect(await screen.findByRole('dialog')).toBeInTheDocument();
    expect(actions(b.calls)).toEqual(['PATCH /api/u1/notifications/7 {"read":true}']);
  });

  it('ignores messages that are not a reminder action', async () => {
    const b = backend([reminder()]);
    renderApp('/', b.fetch, TEST_SESSION);
    await pageReady(b);

    workers.post({ type: 'something-else', action: 'done', notificationId: '7', taskId: 42 });
    workers.post({ type: REMINDER_ACTION_MESSAGE, action: 'delete', notificationId: '7', taskId: 42 });
    workers.post('done');

    await act(() => new Promise((r) => setTimeout(r, 50)));
    expect(actions(b.calls)).toEqual([]);
  });
});

describe('a click carried by the address the worker opened the app at', () => {
  it('is done once the notifications are loaded, and leaves the address bar at once', async () => {
    const b = backend([reminder()]);
    renderApp('/today?reminder=7&action=done', b.fetch, TEST_SESSION);

    await waitFor(() => expect(actions(b.calls)).toEqual(['PATCH /api/u1/tasks/42/complete {"completed":true}']));
    expect(window.location.pathname + window.location.search).toBe('/today');
  });

  it('snoozes from the address too', async () => {
    const b = backend([reminder()]);
    renderApp('/?reminder=7&action=snooze-1h', b.fetch, TEST_SESSION);

    await waitFor(() => expect(actions(b.calls)).toEqual(['POST /api/u1/notifications/7/snooze {"for":"PT1H"}']));
    expect(window.location.search).toBe('');
  });

  it('is done once, though the notifications change after it', async () => {
    const b = backend([reminder()]);
    renderApp('/?reminder=7&action=open', b.fetch, TEST_SESSION);

    expect(await screen.findByRole('dialog')).toBeInTheDocument();
    // Opening read the notification: the list changed, and the page rendered again since.
    await act(() => new Promise((r) => setTimeout(r, 300)));
    expect(actions(b.calls)).toEqual(['PATCH /api/u1/notifications/7 {"read":true}']);
  });

  it('does nothing for a notification the user does not have', async () => {
    const unknown = backend([reminder()]);
    renderApp('/?reminder=999&action=done', unknown.fetch, TEST_SESSION);
    await pageReady(unknown);
    expect(window.location.search).toBe('');

    await act(() => new Promise((r) => setTimeout(r, 50)));
    expect(actions(unknown.calls)).toEqual([]);
  });

  it('does not complete the task of a notification already read', async () => {
    const read = backend([reminder({ read: true })]);
    renderApp('/?reminder=7&action=done', read.fetch, TEST_SESSION);
    await pageReady(read);

    await act(() => new Promise((r) => setTimeout(r, 50)));
    expect(actions(read.calls)).toEqual([]);
    expect(window.location.search).toBe('');
  });
});
