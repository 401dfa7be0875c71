import { afterEach, describe, expect, it, vi } from 'vitest';
import { reminderFromEvent, showSystemNotification } from './reminderAlerts';

afterEach(() => {
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
});
