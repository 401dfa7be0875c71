import { describe, expect, it } from 'vitest';
import { makeTask } from '../test/fixtures';
import { overdueFirst, todayQuery, viewAt } from './views';

describe('views', () => {
  it('each view has its own address; other addresses are none', () => {
    expect(viewAt('/')).toBe('inbox');
    expect(viewAt('/today')).toBe('today');
    expect(viewAt('/upcoming')).toBe('upcoming');
    expect(viewAt('/nope')).toBeNull();
    expect(viewAt('/tasks/xyz')).toBeNull();
  });

  it('Today asks for the open tasks due by the end of today in the user’s zone', () => {
    // 23:30 UTC on March 5 is already March 6 in Tokyo.
    const now = new Date('2026-03-05T23:30:00Z');
    expect(todayQuery('Asia/Tokyo', now)).toEqual({
      status: 'pending',
      dueTo: '2026-03-06T23:59:59+09:00',
      sort: 'due',
      order: 'asc',
    });
    expect(todayQuery('America/New_York', now).dueTo).toBe('2026-03-05T23:59:59-05:00');
  });

  it('puts overdue tasks first, keeping the due order within each part', () => {
    const now = new Date('2026-03-05T12:00:00Z');
    const allDayToday = makeTask({ id: 1, dueAt: '2026-03-05', allDay: true });
    const thisMorning = makeTask({ id: 2, dueAt: '2026-03-05T09:00:00Z' });
    const tonight = makeTask({ id: 3, dueAt: '2026-03-05T20:00:00Z' });
    const lastWeek = makeTask({ id: 4, dueAt: '2026-02-26', allDay: true });

    const ordered = overdueFirst([lastWeek, allDayToday, thisMorning, tonight], 'UTC', now);

    expect(ordered.map((t) => t.id)).toEqual([4, 2, 1, 3]);
  });
});
