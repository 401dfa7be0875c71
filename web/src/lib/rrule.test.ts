import { describe, expect, it } from 'vitest';
import * as rrule from './rrule';
import { buildRRule, defaultSpec, nthWeekdayOfKey, parseRRule, validateRRule, type RecurrenceSpec } from './rrule';

const spec = (p: Partial<RecurrenceSpec>): RecurrenceSpec => ({ ...defaultSpec('2026-03-20'), ...p });

describe('buildRRule', () => {
  it.each<[string, Partial<RecurrenceSpec>, string | null]>([
    ['none', { preset: 'none' }, null],
    ['daily', { preset: 'daily' }, 'FREQ=DAILY'],
    ['every 3 days', { preset: 'daily', interval: 3 }, 'FREQ=DAILY;INTERVAL=3'],
    ['weekdays', { preset: 'weekdays', interval: 4 }, 'FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR'],
    ['weekly on chosen days (sorted)', { preset: 'weekly', weekdays: ['FR', 'MO', 'WE'] }, 'FREQ=WEEKLY;BYDAY=MO,WE,FR'],
    ['every 2 weeks', { preset: 'weekly', weekdays: ['TU'], interval: 2 }, 'FREQ=WEEKLY;BYDAY=TU;INTERVAL=2'],
    ['monthly on day N', { preset: 'monthlyDay', monthDay: 15 }, 'FREQ=MONTHLY;BYMONTHDAY=15'],
    ['monthly on last day', { preset: 'monthlyDay', monthDay: -1 }, 'FREQ=MONTHLY;BYMONTHDAY=-1'],
    ['monthly 3rd Friday', { preset: 'monthlyNth', nth: 3, nthWeekday: 'FR' }, 'FREQ=MONTHLY;BYDAY=3FR'],
    ['monthly last Monday', { preset: 'monthlyNth', nth: -1, nthWeekday: 'MO' }, 'FREQ=MONTHLY;BYDAY=-1MO'],
    ['yearly', { preset: 'yearly' }, 'FREQ=YEARLY'],
    ['custom', { preset: 'custom', custom: ' rrule:freq=weekly;byday=mo,th; ' }, 'FREQ=WEEKLY;BYDAY=MO,TH'],
    ['empty custom', { preset: 'custom', custom: '  ' }, null],
  ])('%s', (_name, p, expected) => {
    expect(buildRRule(spec(p))).toBe(expected);
  });
});

describe('parseRRule', () => {
  it.each([
    ['FREQ=DAILY', 'daily'],
    ['FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR', 'weekdays'],
    ['FREQ=WEEKLY;BYDAY=MO,WE', 'weekly'],
    ['FREQ=MONTHLY;BYMONTHDAY=1', 'monthlyDay'],
    ['FREQ=MONTHLY;BYDAY=3FR', 'monthlyNth'],
    ['FREQ=MONTHLY;BYDAY=FR;BYSETPOS=3', 'monthlyNth'],
    ['RRULE:FREQ=YEARLY', 'yearly'],
    ['FREQ=DAILY;COUNT=5', 'custom'],
    ['FREQ=WEEKLY;BYDAY=XX', 'custom'],
    ['nonsense', 'custom'],
  ])('%s → %s', (rule, preset) => {
    expect(parseRRule(rule).preset).toBe(preset);
  });

  it('round-trips every preset', () => {
    for (const r of [
      'FREQ=DAILY;INTERVAL=2',
      'FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR',
      'FREQ=WEEKLY;BYDAY=SA,SU',
      'FREQ=MONTHLY;BYMONTHDAY=31',
      'FREQ=MONTHLY;BYDAY=-1SU',
      'FREQ=YEARLY;INTERVAL=2',
    ]) {
      expect(buildRRule(parseRRule(r))).toBe(r);
    }
  });
});

describe('helpers', () => {
  it('finds the nth weekday of a date', () => {
    expect(nthWeekdayOfKey('2026-03-20')).toEqual({ nth: 3, weekday: 'FR' });
    expect(nthWeekdayOfKey('2026-03-01')).toEqual({ nth: 1, weekday: 'SU' });
    expect(nthWeekdayOfKey('2026-03-30')).toEqual({ nth: -1, weekday: 'MO' });
  });

  it('derives defaults from the due date', () => {
    expect(defaultSpec('2026-03-20')).toMatchObject({ weekdays: ['FR'], monthDay: 20, nth: 3, nthWeekday: 'FR' });
  });

  it('validates custom rules', () => {
    expect(validateRRule('FREQ=WEEKLY;BYDAY=MO,TH')).toBeNull();
    expect(validateRRule('FREQ=MONTHLY;BYDAY=-1FR;COUNT=3')).toBeNull();
    expect(validateRRule('')).toMatch(/enter a rule/i);
    expect(validateRRule('BYDAY=MO')).toMatch(/FREQ/);
    expect(validateRRule('FREQ=SOMETIMES')).toMatch(/unknown FREQ/i);
    expect(validateRRule('FREQ=HOURLY;INTERVAL=2')).toBeNull();
    expect(validateRRule('FREQ=MINUTELY')).toMatch(/unknown FREQ/i);
    expect(validateRRule('FREQ=DAILY;FOO=1')).toMatch(/unknown rule part/i);
    expect(validateRRule('FREQ=DAILY;INTERVAL=0')).toMatch(/INTERVAL/);
    expect(validateRRule('FREQ=DAILY;COUNT=2;UNTIL=20260101T000000Z')).toMatch(/COUNT or UNTIL/);
    expect(validateRRule('FREQ=DAILY;')).toBeNull();
  });
});

describe('rules in words', () => {
  // The server describes rules (tasks' and drafts' recurrence.description, GET /occurrences for a rule being edited);
  // a second describer here would drift from it, and the page would say one rule two ways.
  it('are not put in words by the web app', () => {
    expect(Object.keys(rrule).filter((name) => /describ|words|summar|label/i.test(name))).toEqual([]);
    const sources = import.meta.glob(['../**/*.{ts,tsx}', '!../**/*.test.{ts,tsx}'], {
      query: '?raw',
      import: 'default',
      eager: true,
    }) as Record<string, string>;
    expect(Object.keys(sources).length).toBeGreaterThan(20);
    expect(Object.entries(sources).filter(([, text]) => /describeR?Rule|describeRecurrence/.test(text)).map(([path]) => path)).toEqual([]);
  });
});
