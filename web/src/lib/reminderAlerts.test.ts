import { afterEach, describe, expect, it, vi } from 'vitest';
import { REMINDER_BUTTONS, forgetReminderWorker, registerReminderWorker, reminderFromEvent, showSystemNotification } from './reminderAlerts';

afterEach(() => {
  forgetReminderWorker();
  delete (navigator as { serviceWorker?: unknown }).serviceWorker;
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

const cloudEvent = {
  specversion: '1.0',
  type: 'taskstream.notification.created',
  data: { id: 7, taskId: 42, title: 'Call the plumber', remindAt: '2026-05-01T09:00:00Z', read: false },
};

describe('reminderFromEvent', () => {
  it('reads the notification out of the CloudEvent the stream sends', () => {
    expect(reminderFromEvent(cloudEvent)).toEqual({ id: '7', taskId: 42, title: 'Call the plumber' });
  });

  it('accepts the bare notification too', () => {
    expect(reminderFromEvent(cloudEvent.data)).toEqual({ id: '7', taskId: 42, title: 'Call the plumber' });
  });

  it('ignores events that are not reminders', () => {
    expect(reminderFromEvent('ping')).toBeNull();
    expect(reminderFromEvent({ data: { reason: 'resync' } })).toBeNull();
    expect(reminderFromEvent(null)).toBeNull();
  });
});

describe('showSystemNotification', () => {
  function stubNotification(permission: NotificationPermission) {
    const shown: { title: string; options?: NotificationOptions }[] = [];
    class FakeNotification {
      static permission = permission;
      onclick: (() => void) | null = null;
      constructor(title: string, options?: NotificationOptions) {
        shown.push({ title, options });
      }
      close() {}
    }
    vi.stubGlobal('Notification', FakeNotification);
    return shown;
  }

  function pageHidden(hidden: boolean) {
    vi.spyOn(document, 'visibilityState', 'get').mockReturnValue(hidden ? 'hidden' : 'visible');
  }

  const reminder = { id: '7', taskId: 42, title: 'Call the plumber' };

  it('notifies the system while the tab is in the background, once per task (a re-fire replaces it)', () => {
    const shown = stubNotification('granted');
    pageHidden(true);
    expect(showSystemNotification(reminder, () => {})).toBe(true);
    expect(shown).toEqual([{ title: 'Taskstream reminder', options: { body: 'Call the plumber', tag: 'reminder-task-42' } }]);
  });

  it('leaves a visible page to its in-page popup', () => {
    const shown = stubNotification('granted');
    pageHidden(false);
    expect(showSystemNotification(reminder, () => {})).toBe(false);
    expect(shown).toEqual([]);
  });

  it('never notifies without permission', () => {
    const shown = stubNotification('default');
    pageHidden(true);
    expect(showSystemNotification(reminder, () => {})).toBe(false);
    expect(shown).toEqual([]);
  });

  /** An active service worker registration whose notifications are recorded (or refused). */
  async function activeWorker(refuse = false) {
    const shown: { title: string; options: Record<string, unknown> }[] = [];
    const registration = {
      active: {},
      showNotification: vi.fn(async (title: string, options: Record<string, unknown>) => {
        if (refuse) throw new TypeError('no permission for the worker');
        shown.push({ title, options });
      }),
    };
    const register = vi.fn(async () => registration);
    Object.defineProperty(navigator, 'serviceWorker', {
      configurable: true,
      value: { register, ready: Promise.resolve(registration) },
    });
    expect(await registerReminderWorker()).toBe(true);
    expect(register).toHaveBeenCalledWith('/sw.js', { scope: '/' });
    return { shown, registration };
  }

  it('through the service worker, offers Done and Snooze, tagged by task, carrying what a click needs', async () => {
    const plain = stubNotification('granted');
    pageHidden(true);
    const { shown } = await activeWorker();

    expect(showSystemNotification(reminder, () => {})).toBe(true);

    expect(plain).toEqual([]);
    expect(shown).toEqual([
      {
        title: 'Taskstream reminder',
        options: {
          body: 'Call the plumber',
          tag: 'reminder-task-42',
          data: { notificationId: '7', taskId: 42, title: 'Call the plumber' },
          actions: REMINDER_BUTTONS,
        },
      },
    ]);
    expect(REMINDER_BUTTONS.map((b) => b.title)).toEqual(['Done', 'Snooze 10 min', 'Snooze 1 hour']);
  });

  it('falls back to a plain notification when the worker may not show one', async () => {
    const plain = stubNotification('granted');
    pageHidden(true);
    await activeWorker(true);

    expect(showSystemNotification(reminder, () => {})).toBe(true);

    await vi.waitFor(() => expect(plain).toEqual([{ title: 'Taskstream reminder', options: { body: 'Call the plumber', tag: 'reminder-task-42' } }]));
  });

  it('without service workers (e.g. plain http away from localhost) registers nothing and stays a plain notification', async () => {
    const plain = stubNotification('granted');
    pageHidden(true);

    expect(await registerReminderWorker()).toBe(false);
    expect(showSystemNotification(reminder, () => {})).toBe(true);
    expect(plain).toHaveLength(1);
  });
});
