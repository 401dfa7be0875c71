// Building and recognising RFC 5545 RRULE values for the recurrence picker. Putting a rule in words is the
// server's job alone (tasks' and drafts' `recurrence.description`, GET /occurrences for a rule being edited).
import { parseDateKey, weekdayOf } from './dates';

export type Weekday = 'MO' | 'TU' | 'WE' | 'TH' | 'FR' | 'SA' | 'SU';
export const WEEKDAYS: readonly Weekday[] = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'];
export const WEEKDAY_NAMES: Record<Weekday, string> = {
  MO: 'Monday',
  TU: 'Tuesday',
  WE: 'Wednesday',
  TH: 'Thursday',
  FR: 'Friday',
  SA: 'Saturday',
  SU: 'Sunday',
};
const JS_DAY_TO_WEEKDAY: Weekday[] = ['SU', 'MO', 'TU', 'WE', 'TH', 'FR', 'SA'];

export type RecurrencePreset =
  | 'none'
  | 'daily'
  | 'weekdays'
  | 'weekly'
  | 'monthlyDay'
  | 'monthlyNth'
  | 'yearly'
  | 'custom';

export interface RecurrenceSpec {
  preset: RecurrencePreset;
  /** Every N days/weeks/months/years (daily, weekly, monthly*, yearly). */
  interval: number;
  /** For weekly. */
  weekdays: Weekday[];
  /** For monthlyDay: 1..31, or -1 for the last day of the month. */
  monthDay: number;
  /** For monthlyNth: 1..4, or -1 for "last". */
  nth: number;
  /** For monthlyNth. */
  nthWeekday: Weekday;
  /** For custom. */
  custom: string;
}

export function weekdayOfKey(dateKey: string): Weekday {
  return JS_DAY_TO_WEEKDAY[weekdayOf(dateKey)];
}

/** Which "nth weekday of the month" a date is: 2026-03-20 → {nth: 3, weekday: 'FR'}; a 5th one → last (-1). */
export function nthWeekdayOfKey(dateKey: string): { nth: number; weekday: Weekday } {
  const { day } = parseDateKey(dateKey);
  const nth = Math.ceil(day / 7);
  return { nth: nth > 4 ? -1 : nth, weekday: weekdayOfKey(dateKey) };
}

/** Sensible defaults derived from the due date (or today's values when there is none). */
export function defaultSpec(dueDateKey: string | null, preset: RecurrencePreset = 'none'): RecurrenceSpec {
  const key = dueDateKey ?? todayKeyLocal();
  const { nth, weekday } = nthWeekdayOfKey(key);
  return {
    preset,
    interval: 1,
    weekdays: [weekdayOfKey(key)],
    monthDay: parseDateKey(key).day,
    nth,
    nthWeekday: weekday,
    custom: '',
  };
}

function todayKeyLocal(): string {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

function withInterval(rule: string, interval: number): string {
  return interval > 1 ? `${rule};INTERVAL=${Math.floor(interval)}` : rule;
}

function sortWeekdays(days: Weekday[]): Weekday[] {
  return WEEKDAYS.filter((d) => days.includes(d));
}

/** The RRULE for a spec, or null for "does not repeat". */
export function buildRRule(spec: RecurrenceSpec): string | null {
  const interval = Number.isFinite(spec.interval) && spec.interval >= 1 ? spec.interval : 1;
  switch (spec.preset) {
    case 'none':
      return null;
    case 'daily':
      return withInterval('FREQ=DAILY', interval);
    case 'weekdays':
      return 'FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR';
    case 'weekly': {
      const days = sortWeekdays(spec.weekdays);
      return withInterval(days.length ? `FREQ=WEEKLY;BYDAY=${days.join(',')}` : 'FREQ=WEEKLY', interval);
    }
    case 'monthlyDay':
      return withInterval(`FREQ=MONTHLY;BYMONTHDAY=${spec.monthDay}`, interval);
    case 'monthlyNth':
      return withInterval(`FREQ=MONTHLY;BYDAY=${spec.nth}${spec.nthWeekday}`, interval);
    case 'yearly':
      return withInterval('FREQ=YEARLY', interval);
    case 'custom': {
      const rule = normaliseRule(spec.custom);
      return rule || null;
    }
  }
}

/** Trim, upper-case and strip a leading "RRULE:". */
export function normaliseRule(rule: string): string {
  return rule
    .trim()
    .replace(/^RRULE:/i, '')
    .replace(/\s+/g, '')
    .replace(/;+$/, '')
    .toUpperCase();
}

function ruleParts(rule: string): Map<string, string> | null {
  const map = new Map<string, string>();
  for (const part of normaliseRule(rule).split(';')) {
    if (!part) continue;
    const eq = part.indexOf('=');
    if (eq <= 0) return null;
    map.set(part.slice(0, eq), part.slice(eq + 1));
  }
  return map;
}

/** The frequencies the server accepts (calendar RecurrenceRule.FREQUENCIES; RecurrenceCapabilitiesTest compares). */
export const FREQUENCIES = ['HOURLY', 'DAILY', 'WEEKLY', 'MONTHLY', 'YEARLY'];
/** The rule parts the server accepts (calendar RecurrenceRule.PARTS; RecurrenceCapabilitiesTest compares). */
export const RULE_PARTS = [
  'FREQ',
  'UNTIL',
  'COUNT',
  'INTERVAL',
  'BYSECOND',
  'BYMINUTE',
  'BYHOUR',
  'BYDAY',
  'BYMONTHDAY',
  'BYYEARDAY',
  'BYWEEKNO',
  'BYMONTH',
  'BYSETPOS',
  'WKST',
];

/** Whether two rules are the same parts, whatever their order and spelling ("RRULE:", case, spaces). */
export function sameRule(a: string, b: string): boolean {
  const parts = (rule: string) => normaliseRule(rule).split(';').filter(Boolean).sort().join(';');
  return parts(a) === parts(b);
}

/** A message when the text is not a plausible RRULE, else null. */
export function validateRRule(rule: string): string | null {
  const text = normaliseRule(rule);
  if (!text) return 'Enter a rule, e.g. FREQ=WEEKLY;BYDAY=MO,TH';
  const parts = ruleParts(text);
  if (!parts) return 'Write the rule as KEY=VALUE pairs separated by semicolons.';
  const freq = parts.get('FREQ');
  if (!freq) return 'The rule needs a FREQ, e.g. FREQ=DAILY.';
  if (!FREQUENCIES.includes(freq)) return `Unknown FREQ "${freq}" (use ${FREQUENCIES.join(', ')}).`;
  for (const key of parts.keys()) {
    if (!RULE_PARTS.includes(key)) return `Unknown rule part "${key}".`;
  }
  if (parts.has('COUNT') && parts.has('UNTIL')) return 'Use either COUNT or UNTIL, not both.';
  const interval = parts.get('INTERVAL');
  if (interval !== undefined && !/^[1-9]\d*$/.test(interval)) return 'INTERVAL must be a positive whole number.';
  const count = parts.get('COUNT');
  if (count !== undefined && !/^[1-9]\d*$/.test(count)) return 'COUNT must be a positive whole number.';
  const byday = parts.get('BYDAY');
  if (byday !== undefined && !byday.split(',').every((d) => /^[+-]?\d{0,2}(MO|TU|WE|TH|FR|SA|SU)$/.test(d)))
    return 'BYDAY takes days like MO,WE or 3FR.';
  return null;
}

/** Recognise a rule as one of the presets; anything else becomes custom. */
export function parseRRule(rule: string | null | undefined, dueDateKey: string | null = null): RecurrenceSpec {
  const base = defaultSpec(dueDateKey);
  if (!rule || !rule.trim()) return base;
  const text = normaliseRule(rule);
  const custom: RecurrenceSpec = { ...base, preset: 'custom', custom: text };
  const parts = ruleParts(text);
  if (!parts) return custom;

  const freq = parts.get('FREQ');
  const intervalText = parts.get('INTERVAL');
  if (intervalText !== undefined && !/^[1-9]\d*$/.test(intervalText)) return custom;
  const interval = intervalText ? Number(intervalText) : 1;
  const keys = [...parts.keys()].filter((k) => k !== 'FREQ' && k !== 'INTERVAL');
  const only = (...allowed: string[]) => keys.every((k) => allowed.includes(k));

  if (freq === 'DAILY' && only()) return { ...base, preset: 'daily', interval };
  if (freq === 'YEARLY' && only()) return { ...base, preset: 'yearly', interval };

  if (freq === 'WEEKLY' && only('BYDAY')) {
    const byday = parts.get('BYDAY');
    if (!byday) return { ...base, preset: 'weekly', interval };
    const days = byday.split(',');
    if (!days.every((d): d is Weekday => (WEEKDAYS as string[]).includes(d))) return custom;
    const sorted = sortWeekdays(days);
    if (interval === 1 && sorted.join(',') === 'MO,TU,WE,TH,FR') return { ...base, preset: 'weekdays' };
    return { ...base, preset: 'weekly', interval, weekdays: sorted };
  }

  if (freq === 'MONTHLY') {
    if (only('BYMONTHDAY')) {
      const md = parts.get('BYMONTHDAY');
      if (md && /^-?\d{1,2}$/.test(md)) {
        const n = Number(md);
        if ((n >= 1 && n <= 31) || n === -1) return { ...base, preset: 'monthlyDay', interval, monthDay: n };
      }
      return custom;
    }
    if (only('BYDAY')) {
      const m = /^([+-]?\d)(MO|TU|WE|TH|FR|SA|SU)$/.exec(parts.get('BYDAY') ?? '');
      if (m) {
        const nth = Number(m[1]);
        if ((nth >= 1 && nth <= 4) || nth === -1)
          return { ...base, preset: 'monthlyNth', interval, nth, nthWeekday: m[2] as Weekday };
      }
      return custom;
    }
    if (only('BYDAY', 'BYSETPOS')) {
      const day = parts.get('BYDAY') ?? '';
      const pos = Number(parts.get('BYSETPOS'));
      if ((WEEKDAYS as string[]).includes(day) && ((pos >= 1 && pos <= 4) || pos === -1))
        return { ...base, preset: 'monthlyNth', interval, nth: pos, nthWeekday: day as Weekday };
    }
  }
  return custom;
}

export function ordinal(n: number): string {
  if (n === -1) return 'last';
  const mod100 = n % 100;
  if (mod100 >= 11 && mod100 <= 13) return `${n}th`;
  return `${n}${['th', 'st', 'nd', 'rd'][n % 10] ?? 'th'}`;
}
