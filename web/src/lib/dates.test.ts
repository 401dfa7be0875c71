import { describe, expect, it } from 'vitest';
import {
  addDays,
  allTimeZones,
  canonicalTimeZone,
  isValidTimeZone,
  dueInfo,
  endOfDayRfc3339,
  fromLocalInputValue,
  joinDue,
  splitDue,
  startOfDayRfc3339,
  toLocalInputValue,
  toRfc3339InZone,
  tzOffsetMinutes,
  zonedDateKey,
  zonedToInstant,
} from './dates';

describe('zone conversions', () => {
  it('computes offsets across DST', () => {
    expect(tzOffsetMinutes(new Date('2026-01-15T12:00:00Z'), 'Europe/Berlin')).toBe(60);
    expect(tzOffsetMinutes(new Date('2026-07-15T12:00:00Z'), 'Europe/Berlin')).toBe(120);
    expect(tzOffsetMinutes(new Date('2026-07-15T12:00:00Z'), 'America/New_York')).toBe(-240);
    expect(tzOffsetMinutes(new Date('2026-07-15T12:00:00Z'), 'Asia/Kolkata')).toBe(330);
  });

  it('turns wall time in a zone into RFC 3339 with offset', () => {
    expect(toRfc3339InZone(zonedToInstant('2026-03-05', '09:00', 'Europe/Berlin'), 'Europe/Berlin')).toBe(
      '2026-03-05T09:00:00+01:00',
    );
    expect(toRfc3339InZone(zonedToInstant('2026-07-01', '18:30', 'America/New_York'), 'America/New_York')).toBe(
      '2026-07-01T18:30:00-04:00',
    );
    expect(toRfc3339InZone(zonedToInstant('2026-07-01', '08:00', 'UTC'), 'UTC')).toBe('2026-07-01T08:00:00Z');
  });

  it('moves a time inside a spring-forward gap forward', () => {
    // 02:30 does not exist in Berlin on 2026-03-29.
    const d = zonedToInstant('2026-03-29', '02:30', 'Europe/Berlin');
    expect(toRfc3339InZone(d, 'Europe/Berlin')).toBe('2026-03-29T03:30:00+02:00');
  });

  it('finds the calendar date of an instant in a zone', () => {
    const d = new Date('2026-03-05T23:30:00Z');
    expect(zonedDateKey(d, 'UTC')).toBe('2026-03-05');
    expect(zonedDateKey(d, 'Europe/Berlin')).toBe('2026-03-06');
    expect(zonedDateKey(d, 'America/Los_Angeles')).toBe('2026-03-05');
  });

  it('builds day bounds for due range filters', () => {
    expect(startOfDayRfc3339('2026-03-05', 'Europe/Berlin')).toBe('2026-03-05T00:00:00+01:00');
    expect(endOfDayRfc3339('2026-03-05', 'Europe/Berlin')).toBe('2026-03-05T23:59:59+01:00');
    expect(addDays('2026-02-28', 1)).toBe('2026-03-01');
    expect(addDays('2026-01-01', -1)).toBe('2025-12-31');
  });

  it('splits and joins due values for the form', () => {
    expect(splitDue('2026-03-05T09:15:00+01:00', false, 'Europe/Berlin')).toEqual({ date: '2026-03-05', time: '09:15' });
    expect(splitDue('2026-03-05T09:15:00+01:00', false, 'America/New_York')).toEqual({ date: '2026-03-05', time: '03:15' });
    expect(splitDue('2026-03-05', true, 'Europe/Berlin')).toEqual({ date: '2026-03-05', time: '' });
    expect(splitDue(null, false, 'UTC')).toEqual({ date: '', time: '' });
    expect(joinDue('2026-03-05', '', false, 'Europe/Berlin')).toBe('2026-03-05');
    expect(joinDue('2026-03-05', '09:00', true, 'Europe/Berlin')).toBe('2026-03-05');
    expect(joinDue('2026-03-05', '09:00', false, 'Europe/Berlin')).toBe('2026-03-05T09:00:00+01:00');
    expect(joinDue('', '09:00', false, 'Europe/Berlin')).toBeNull();
  });

  it('round-trips datetime-local values', () => {
    expect(toLocalInputValue('2026-03-05T08:00:00Z', 'Europe/Berlin')).toBe('2026-03-05T09:00');
    expect(fromLocalInputValue('2026-03-05T09:00', 'Europe/Berlin')).toBe('2026-03-05T09:00:00+01:00');
    expect(fromLocalInputValue('', 'Europe/Berlin')).toBeNull();
  });
});

describe('dueInfo', () => {
  const tz = 'Europe/Berlin';
  const now = new Date('2026-03-05T12:00:00+01:00');

  it('flags overdue timed tasks and labels today', () => {
    const info = dueInfo({ dueAt: '2026-03-05T09:00:00+01:00', allDay: false, completed: false }, tz, now, 'en-US')!;
    expect(info.overdue).toBe(true);
    expect(info.today).toBe(true);
    expect(info.label).toBe('Today, 9:00 AM');
  });

  it('does not flag completed tasks as overdue', () => {
    expect(dueInfo({ dueAt: '2026-03-01', allDay: true, completed: true }, tz, now)!.overdue).toBe(false);
  });

  it('treats all-day tasks as due until the end of the day', () => {
    const today = dueInfo({ dueAt: '2026-03-05', allDay: true, completed: false }, tz, now, 'en-US')!;
    expect(today).toMatchObject({ overdue: false, today: true, label: 'Today', iso: '2026-03-05' });
    expect(dueInfo({ dueAt: '2026-03-04', allDay: true, completed: false }, tz, now, 'en-US')).toMatchObject({
      overdue: true,
      label: 'Yesterday',
    });
    expect(dueInfo({ dueAt: '2026-03-06', allDay: true, completed: false }, tz, now, 'en-US')!.label).toBe('Tomorrow');
    expect(dueInfo({ dueAt: '2026-03-20', allDay: true, completed: false }, tz, now, 'en-US')!.label).toBe('Fri, Mar 20');
    expect(dueInfo({ dueAt: '2027-01-02', allDay: true, completed: false }, tz, now, 'en-US')!.label).toBe(
      'Sat, Jan 2, 2027',
    );
  });

  it('uses the user zone, not the instant’s offset, for the calendar day', () => {
    // 23:30 UTC on the 4th is already the 5th in Berlin.
    const info = dueInfo({ dueAt: '2026-03-04T23:30:00Z', allDay: false, completed: false }, tz, now, 'en-US')!;
    expect(info.today).toBe(true);
    expect(info.label).toBe('Today, 12:30 AM');
  });

  it('returns null without a due date', () => {
    expect(dueInfo({ dueAt: null, allDay: false, completed: false }, tz, now)).toBeNull();
  });
});

describe('renamed time zones', () => {
  it('offers and reports zones by their current names', () => {
    const zones = allTimeZones();
    for (const [old, current] of [
      ['Asia/Calcutta', 'Asia/Kolkata'],
      ['Europe/Kiev', 'Europe/Kyiv'],
      ['America/Godthab', 'America/Nuuk'],
      ['Asia/Saigon', 'Asia/Ho_Chi_Minh'],
    ]) {
      expect(zones).not.toContain(old);
      expect(zones).toContain(current);
      expect(canonicalTimeZone(old)).toBe(current);
      expect(isValidTimeZone(current)).toBe(true);
    }
    const named = zones.filter((z) => z !== 'UTC');
    expect(named).toEqual([...named].sort());
    expect(canonicalTimeZone('Europe/Berlin')).toBe('Europe/Berlin');
  });
});
