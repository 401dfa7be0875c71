// Time-zone aware date helpers built on Intl only (no date library).
// A "date key" is a calendar date string "YYYY-MM-DD".

/**
 * Zones IANA renamed, by their old names, which browsers (through ICU and CLDR) still report and list: offered and
 * sent by their current names. The server takes the old names too and stores the current ones (IanaZone.canonical).
 */
export const RENAMED_ZONES: Readonly<Record<string, string>> = {
  'Asia/Calcutta': 'Asia/Kolkata',
  'Europe/Kiev': 'Europe/Kyiv',
  'America/Godthab': 'America/Nuuk',
  'Asia/Saigon': 'Asia/Ho_Chi_Minh',
  'Asia/Katmandu': 'Asia/Kathmandu',
  'Asia/Rangoon': 'Asia/Yangon',
  'Atlantic/Faeroe': 'Atlantic/Faroe',
  'Pacific/Enderbury': 'Pacific/Kanton',
  'Pacific/Truk': 'Pacific/Chuuk',
  'Pacific/Ponape': 'Pacific/Pohnpei',
  'Asia/Ulan_Bator': 'Asia/Ulaanbaatar',
  'Asia/Thimbu': 'Asia/Thimphu',
  'Asia/Dacca': 'Asia/Dhaka',
  'Asia/Macao': 'Asia/Macau',
  'Asia/Ujung_Pandang': 'Asia/Makassar',
  'America/Buenos_Aires': 'America/Argentina/Buenos_Aires',
  'America/Catamarca': 'America/Argentina/Catamarca',
  'America/Cordoba': 'America/Argentina/Cordoba',
  'America/Jujuy': 'America/Argentina/Jujuy',
  'America/Mendoza': 'America/Argentina/Mendoza',
  'America/Indianapolis': 'America/Indiana/Indianapolis',
  'America/Louisville': 'America/Kentucky/Louisville',
};

/** The current IANA name of a zone ("Asia/Calcutta" → "Asia/Kolkata"); other names unchanged. */
export function canonicalTimeZone(tz: string): string {
  return RENAMED_ZONES[tz] ?? tz;
}

export function browserTimeZone(): string {
  try {
    return canonicalTimeZone(Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC');
  } catch {
    return 'UTC';
  }
}

export function isValidTimeZone(tz: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}

/** Every zone the browser knows, by current names, sorted. */
export function allTimeZones(): string[] {
  const withSupported = Intl as typeof Intl & { supportedValuesOf?: (key: string) => string[] };
  try {
    const listed = withSupported.supportedValuesOf?.('timeZone');
    if (listed && listed.length) {
      const zones = [...new Set(listed.map(canonicalTimeZone))].sort();
      return zones.includes('UTC') ? zones : ['UTC', ...zones];
    }
  } catch {
    /* older engines */
  }
  return ['UTC'];
}

const partsCache = new Map<string, Intl.DateTimeFormat>();

function partsFormatter(tz: string): Intl.DateTimeFormat {
  let f = partsCache.get(tz);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone: tz,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    partsCache.set(tz, f);
  }
  return f;
}

export interface WallTime {
  year: number;
  month: number; // 1-12
  day: number;
  hour: number;
  minute: number;
  second: number;
}

/** Wall-clock fields of an instant in a zone. */
export function zonedParts(date: Date, tz: string): WallTime {
  const out: Record<string, number> = {};
  for (const p of partsFormatter(tz).formatToParts(date)) {
    if (p.type !== 'literal') out[p.type] = Number(p.value);
  }
  return {
    year: out.year,
    month: out.month,
    day: out.day,
    hour: out.hour === 24 ? 0 : out.hour,
    minute: out.minute,
    second: out.second,
  };
}

/** Offset of the zone from UTC at the given instant, in minutes (east positive). */
export function tzOffsetMinutes(date: Date, tz: string): number {
  const p = zonedParts(date, tz);
  const asUtc = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second);
  const whole = Math.floor(date.getTime() / 1000) * 1000;
  return Math.round((asUtc - whole) / 60000);
}

const pad = (n: number, w = 2) => String(Math.abs(n)).padStart(w, '0');

export function dateKeyOf(p: Pick<WallTime, 'year' | 'month' | 'day'>): string {
  return `${pad(p.year, 4)}-${pad(p.month)}-${pad(p.day)}`;
}

/** Calendar date of an instant in a zone. */
export function zonedDateKey(date: Date, tz: string): string {
  return dateKeyOf(zonedParts(date, tz));
}

export function isDateKey(s: string | null | undefined): boolean {
  return !!s && /^\d{4}-\d{2}-\d{2}$/.test(s);
}

export function parseDateKey(key: string): { year: number; month: number; day: number } {
  const [y, m, d] = key.split('-').map(Number);
  return { year: y, month: m, day: d };
}

export function addDays(key: string, days: number): string {
  const { year, month, day } = parseDateKey(key);
  const t = new Date(Date.UTC(year, month - 1, day + days));
  return dateKeyOf({ year: t.getUTCFullYear(), month: t.getUTCMonth() + 1, day: t.getUTCDate() });
}

/** 0 = Sunday … 6 = Saturday. */
export function weekdayOf(key: string): number {
  const { year, month, day } = parseDateKey(key);
  return new Date(Date.UTC(year, month - 1, day)).getUTCDay();
}

/** The instant at which the wall clock in `tz` shows `dateKey` `time` ("HH:mm"). */
export function zonedToInstant(dateKey: string, time: string, tz: string): Date {
  const { year, month, day } = parseDateKey(dateKey);
  const [h, mi] = (time || '00:00').split(':').map(Number);
  const guess = Date.UTC(year, month - 1, day, h || 0, mi || 0);
  // Two passes settle DST transitions (a wall time inside a gap moves forward).
  const off1 = tzOffsetMinutes(new Date(guess), tz);
  let utc = guess - off1 * 60000;
  const off2 = tzOffsetMinutes(new Date(utc), tz);
  if (off2 !== off1) utc = guess - off2 * 60000;
  return new Date(utc);
}

function formatOffset(minutes: number): string {
  if (minutes === 0) return 'Z';
  const sign = minutes > 0 ? '+' : '-';
  return `${sign}${pad(Math.trunc(Math.abs(minutes) / 60))}:${pad(Math.abs(minutes) % 60)}`;
}

/** RFC 3339 with the zone's offset, e.g. "2026-03-05T09:00:00+01:00". */
export function toRfc3339InZone(date: Date, tz: string): string {
  const p = zonedParts(date, tz);
  const off = tzOffsetMinutes(date, tz);
  return `${dateKeyOf(p)}T${pad(p.hour)}:${pad(p.minute)}:${pad(p.second)}${formatOffset(off)}`;
}

/** Start of the day (00:00:00) in the zone, as RFC 3339. */
export function startOfDayRfc3339(dateKey: string, tz: string): string {
  return toRfc3339InZone(zonedToInstant(dateKey, '00:00', tz), tz);
}

/** Last second of the day (23:59:59) in the zone, as RFC 3339. */
export function endOfDayRfc3339(dateKey: string, tz: string): string {
  const next = zonedToInstant(addDays(dateKey, 1), '00:00', tz);
  return toRfc3339InZone(new Date(next.getTime() - 1000), tz);
}

/** Split a task's due value into date and time inputs ("YYYY-MM-DD", "HH:mm") in the zone. */
export function splitDue(dueAt: string | null, allDay: boolean, tz: string): { date: string; time: string } {
  if (!dueAt) return { date: '', time: '' };
  if (isDateKey(dueAt)) return { date: dueAt, time: '' };
  const d = new Date(dueAt);
  if (Number.isNaN(d.getTime())) return { date: '', time: '' };
  if (allDay) return { date: dueAt.slice(0, 10), time: '' };
  const p = zonedParts(d, tz);
  return { date: dateKeyOf(p), time: `${pad(p.hour)}:${pad(p.minute)}` };
}

/** Build the dueAt to send: plain date for all-day, RFC 3339 with offset otherwise. */
export function joinDue(date: string, time: string, allDay: boolean, tz: string): string | null {
  if (!date) return null;
  if (allDay || !time) return date;
  return toRfc3339InZone(zonedToInstant(date, time, tz), tz);
}

export interface DueInfo {
  /** Calendar date of the due value in the user's zone. */
  dateKey: string;
  /** Human label, e.g. "Today, 9:00 AM", "Tomorrow", "Thu, Mar 5". */
  label: string;
  /** Full, unambiguous label for tooltips / screen readers. */
  fullLabel: string;
  /** Machine-readable value for <time dateTime>. */
  iso: string;
  overdue: boolean;
  today: boolean;
}

export function dueInfo(
  task: { dueAt: string | null; allDay: boolean; completed: boolean },
  tz: string,
  now: Date = new Date(),
  locale?: string,
): DueInfo | null {
  if (!task.dueAt) return null;
  const todayKey = zonedDateKey(now, tz);
  let dateKey: string;
  let instant: Date | null = null;
  if (isDateKey(task.dueAt)) {
    dateKey = task.dueAt;
  } else {
    const d = new Date(task.dueAt);
    if (Number.isNaN(d.getTime())) return null;
    if (task.allDay) {
      dateKey = task.dueAt.slice(0, 10);
    } else {
      instant = d;
      dateKey = zonedDateKey(d, tz);
    }
  }

  const overdue = !task.completed && (instant ? instant.getTime() < now.getTime() : dateKey < todayKey);
  const today = dateKey === todayKey;

  let day: string;
  if (today) day = 'Today';
  else if (dateKey === addDays(todayKey, 1)) day = 'Tomorrow';
  else if (dateKey === addDays(todayKey, -1)) day = 'Yesterday';
  else day = formatDateKey(dateKey, locale, dateKey.slice(0, 4) !== todayKey.slice(0, 4));

  const fullDate = formatDateKey(dateKey, locale, true, true);
  if (instant) {
    const time = formatTime(instant, tz, locale);
    return { dateKey, label: `${day}, ${time}`, fullLabel: `${fullDate}, ${time}`, iso: task.dueAt, overdue, today };
  }
  return { dateKey, label: day, fullLabel: fullDate, iso: dateKey, overdue, today };
}

// Creating an Intl.DateTimeFormat costs far more than formatting with one (a list of 1,000 tasks
// needs thousands of labels), so formatters are kept per locale and options.
const formatterCache = new Map<string, Intl.DateTimeFormat>();

function formatter(locale: string | undefined, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${locale ?? ''}|${JSON.stringify(options)}`;
  let f = formatterCache.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(locale, options);
    formatterCache.set(key, f);
  }
  return f;
}

/** "Thu, Mar 5" (optionally with year / long weekday) for a calendar date. */
export function formatDateKey(key: string, locale?: string, withYear = false, long = false): string {
  const { year, month, day } = parseDateKey(key);
  const d = new Date(Date.UTC(year, month - 1, day, 12));
  return formatter(locale, {
    timeZone: 'UTC',
    weekday: long ? 'long' : 'short',
    month: long ? 'long' : 'short',
    day: 'numeric',
    ...(withYear ? { year: 'numeric' } : {}),
  }).format(d);
}

export function formatTime(d: Date, tz: string, locale?: string): string {
  return formatter(locale, { timeZone: tz, hour: 'numeric', minute: '2-digit' }).format(d);
}

/** Format an RFC 3339 instant (or plain date) for lists like occurrence previews. */
export function formatInstant(value: string, tz: string, locale?: string): string {
  if (isDateKey(value)) return formatDateKey(value, locale, true);
  const d = new Date(value);
  if (Number.isNaN(d.getTime())) return value;
  return formatter(locale, {
    timeZone: tz,
    weekday: 'short',
    year: 'numeric',
    month: 'short',
    day: 'numeric',
    hour: 'numeric',
    minute: '2-digit',
  }).format(d);
}

/** Value for <input type="datetime-local"> in the zone. */
export function toLocalInputValue(value: string, tz: string): string {
  const d = new Date(value);
  if (Number.isNaN(d.getTime())) return '';
  const p = zonedParts(d, tz);
  return `${dateKeyOf(p)}T${pad(p.hour)}:${pad(p.minute)}`;
}

/** Inverse of toLocalInputValue: "2026-03-05T09:30" in the zone → RFC 3339. */
export function fromLocalInputValue(value: string, tz: string): string | null {
  const m = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})/.exec(value);
  if (!m) return null;
  return toRfc3339InZone(zonedToInstant(m[1], m[2], tz), tz);
}
