// The service worker as shipped (web/public/sw.js), run with stand-ins for the browser's
// ServiceWorkerGlobalScope, Clients, WindowClients and the notificationclick event.
import { describe, expect, it, vi } from 'vitest';
import { REMINDER_ACTION_MESSAGE, actionFromAddress, actionFromMessage } from '../lib/reminderActions';

import source from '../../public/sw.js?raw';
const SCOPE = 'https://tasks.example.com/';

interface FakeWindow {
  url: string;
  focused: boolean;
  visibilityState: 'visible' | 'hidden';
  postMessage: ReturnType<typeof vi.fn>;
  focus: ReturnType<typeof vi.fn>;
}

function page(path: string, state: Partial<FakeWindow> = {}): FakeWindow {
  return {
    url: new URL(path, SCOPE).href,
    focused: false,
    visibilityState: 'hidden',
    postMessage: vi.fn(),
    focus: vi.fn(async () => {}),
    ...state,
  };
}

/** Loads the worker; returns its listeners by event type and a way to click one of its notifications. */
function loadWorker(windows: FakeWindow[]) {
  const listeners = new Map<string, ((event: unknown) => void)[]>();
  const clients = {
    matchAll: vi.fn(async () => windows),
    openWindow: vi.fn(async (_url: string) => null),
    claim: vi.fn(async () => {}),
  };
  const self = {
    addEventListener: (type: string, fn: (event: unknown) => void) => listeners.set(type, [...(listeners.get(type) ?? []), fn]),
    clients,
    registration: { scope: SCOPE },
    skipWaiting: vi.fn(),
  };
  // The script as the browser runs it: a classic script whose global is `self`.
  const notificationClicked: unknown = new Function('self', `${source}\nreturn notificationClicked;`)(self);

  async function click(action: string, data: unknown = { notificationId: '7', taskId: 42, title: 'Call the plumber' }) {
    const close = vi.fn();
    let work: Promise<unknown> = Promise.resolve();
    const event = { action, notification: { data, close }, waitUntil: (p: Promise<unknown>) => (work = p) };
    for (const fn of listeners.get('notificationclick') ?? []) fn(event);
    await work;
    return { close };
  }
  return { listeners, clients, click, notificationClicked };
}

describe('the service worker', () => {
  it('hands "Done" to an open task page of the app and brings it to the front', async () => {
    const account = page('/account');
    const today = page('/today');
    const worker = loadWorker([account, today]);

    const { close } = await worker.click('done');

    expect(close).toHaveBeenCalled();
    expect(today.postMessage).toHaveBeenCalledWith({
      type: REMINDER_ACTION_MESSAGE,
      action: 'done',
      notificationId: '7',
      taskId: 42,
      title: 'Call the plumber',
    });
    expect(actionFromMessage(today.postMessage.mock.calls[0][0])).toEqual({
      action: 'done',
      notificationId: '7',
      taskId: 42,
      title: 'Call the plumber',
    });
    expect(today.focus).toHaveBeenCalled();
    expect(account.postMessage).not.toHaveBeenCalled();
    expect(worker.clients.openWindow).not.toHaveBeenCalled();
  });

  it('prefers the page in front when several are open', async () => {
    const back = page('/');
    const front = page('/upcoming', { focused: true, visibilityState: 'visible' });
    const worker = loadWorker([back, front]);

    await worker.click('snooze-10m');

    expect(front.postMessage).toHaveBeenCalledWith(expect.objectContaining({ action: 'snooze-10m' }));
    expect(back.postMessage).not.toHaveBeenCalled();
  });

  it('still acts when the browser will not focus the page', async () => {
    const inbox = page('/', { focus: vi.fn(async () => Promise.reject(new Error('not allowed'))) });
    const worker = loadWorker([inbox]);

    await expect(worker.click('snooze-1h')).resolves.toBeDefined();
    expect(inbox.postMessage).toHaveBeenCalledWith(expect.objectContaining({ action: 'snooze-1h' }));
  });

  it('with no task page open, opens the app at an address that carries the action', async () => {
    const elsewhere = { ...page('/'), url: 'https://other.example.org/' };
    const worker = loadWorker([page('/account'), elsewhere]);

    await worker.click('done');

    expect(worker.clients.openWindow).toHaveBeenCalledWith('https://tasks.example.com/?reminder=7&action=done');
    const opened = new URL(worker.clients.openWindow.mock.calls[0][0]);
    expect(actionFromAddress(opened.search)).toEqual({ action: 'done', notificationId: '7' });
  });

  it('treats a click on the notification itself, or an unknown button, as "open"', async () => {
    const inbox = page('/');
    const worker = loadWorker([inbox]);

    await worker.click('');
    await worker.click('delete-everything');

    expect(inbox.postMessage.mock.calls.map((c) => c[0].action)).toEqual(['open', 'open']);
  });

  it('leaves alone a notification that is not a reminder of the app', async () => {
    const inbox = page('/');
    const worker = loadWorker([inbox]);

    const { close } = await worker.click('done', null);

    expect(close).toHaveBeenCalled();
    expect(inbox.postMessage).not.toHaveBeenCalled();
    expect(worker.clients.openWindow).not.toHaveBeenCalled();
  });

  it('caches nothing: it has no fetch handler, so every page and file still comes from the server', () => {
    const worker = loadWorker([]);

    expect([...worker.listeners.keys()].sort()).toEqual(['activate', 'install', 'notificationclick']);
    expect(source).not.toMatch(/caches\.|addEventListener\(['"]fetch/);
    expect(typeof worker.notificationClicked).toBe('function');
  });
});
