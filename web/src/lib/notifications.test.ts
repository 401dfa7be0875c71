import { describe, expect, it } from 'vitest';
import type { AppNotification } from '../api/types';
import {
  applyChange,
  notificationChange,
  readTask,
  snoozeChoices,
  unreadPopups,
  untilTomorrowMorning,
  withPopup,
} from './notifications';

const n = (id: number, taskId: number, read = false) =>
  ({ id, taskId, title: `Task ${taskId}`, dueAt: null, remindAt: '2026-05-01T09:00:00Z', read }) as unknown as AppNotification;

describe('notificationChange', () => {
  it('reads a fired notification out of its CloudEvent, unread', () => {
    const change = notificationChange({ type: 'taskstream.notification.created', data: { id: 7, taskId: 42, title: 'Plumber', read: false } });
    expect(change).toMatchObject({ kind: 'fired', notification: { id: 7, taskId: 42, title: 'Plumber', read: false } });
  });

  it('reads which notifications became read or unread', () => {
    expect(notificationChange({ type: 'taskstream.notification.read', data: { ids: [3, 4], read: true } })).toEqual({
      kind: 'read',
      ids: [3, 4],
      read: true,
    });
    expect(notificationChange({ type: 'taskstream.notification.read', data: { ids: [3], read: false } })).toMatchObject({ read: false });
  });

  it('ignores anything else', () => {
    expect(notificationChange('ping')).toBeNull();
    expect(notificationChange({ type: 'taskstream.task.created', data: { reason: 'x' } })).toBeNull();
    expect(notificationChange(null)).toBeNull();
  });
});

describe('applyChange', () => {
  it('puts a fired notification first, once, however often it arrives', () => {
    const once = applyChange([n(1, 10)], { kind: 'fired', notification: n(2, 20) });
    const twice = applyChange(once, { kind: 'fired', notification: n(2, 20) });
    expect(twice.map((x) => x.id)).toEqual([2, 1]);
  });

  it('marks the named notifications read and leaves the others', () => {
    const after = applyChange([n(1, 10), n(2, 20), n(3, 30)], { kind: 'read', ids: [1, 3], read: true });
    expect(after.map((x) => x.read)).toEqual([true, false, true]);
  });

  it('reads every notification of a completed task', () => {
    expect(readTask([n(1, 10), n(2, 20), n(3, 10)], 10).map((x) => x.read)).toEqual([true, false, true]);
  });
});

describe('pop-ups', () => {
  it('keep one per task: a re-fire replaces the older pop-up', () => {
    const popups = withPopup(withPopup(withPopup([], n(1, 10)), n(2, 20)), n(3, 10));
    expect(popups.map((p) => p.id)).toEqual([2, 3]);
  });

  it('leave once their notification is read', () => {
    const popups = [n(1, 10), n(2, 20)];
    expect(unreadPopups(popups, [n(1, 10, true), n(2, 20)]).map((p) => p.id)).toEqual([2]);
  });
});

describe('snooze choices', () => {
  it('offer ten minutes, an hour and tomorrow morning', () => {
    const choices = snoozeChoices(new Date('2026-05-01T18:30:00Z'), 'UTC');
    expect(choices.map((c) => c.name)).toEqual(['Snooze 10 min', 'Snooze 1 hour', 'Snooze until tomorrow morning']);
    expect(choices.map((c) => c.duration)).toEqual(['PT10M', 'PT1H', 'PT14H30M']);
    for (const c of choices) expect(c.name.toLowerCase()).toContain(c.label.toLowerCase());
  });

  it('mean nine o’clock tomorrow on the account’s wall clock, across a time change', () => {
    // 23:00 in Berlin on the last Saturday of March: the clocks go forward that night, so 9:00 is 9 hours away.
    expect(untilTomorrowMorning(new Date('2026-03-28T22:00:00Z'), 'Europe/Berlin')).toBe('PT9H');
    // In the small hours, tomorrow morning is the coming one.
    expect(untilTomorrowMorning(new Date('2026-05-01T00:10:00Z'), 'UTC')).toBe('PT8H50M');
    expect(untilTomorrowMorning(new Date('2026-05-01T05:00:00Z'), 'UTC')).toBe('PT28H');
  });
});
