// ISO 8601 durations as used by reminders ("PT15M", "PT2H", "P1D").

export type DurationUnit = 'minutes' | 'hours' | 'days';

const MINUTES: Record<DurationUnit, number> = { minutes: 1, hours: 60, days: 1440 };

/** Total minutes of an ISO 8601 duration (weeks, days, hours, minutes, seconds), or null. */
export function durationToMinutes(iso: string): number | null {
  const m = /^P(?:(\d+)W)?(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+(?:\.\d+)?)S)?)?$/i.exec(iso.trim());
  if (!m || iso.trim().toUpperCase() === 'P' || /T$/i.test(iso.trim())) return null;
  const [, w, d, h, mi, s] = m;
  return (
    Number(w ?? 0) * 10080 + Number(d ?? 0) * 1440 + Number(h ?? 0) * 60 + Number(mi ?? 0) + Number(s ?? 0) / 60
  );
}

/** Pick the largest unit that expresses the minutes exactly. */
export function splitMinutes(total: number): { amount: number; unit: DurationUnit } {
  if (total > 0 && total % 1440 === 0) return { amount: total / 1440, unit: 'days' };
  if (total > 0 && total % 60 === 0) return { amount: total / 60, unit: 'hours' };
  return { amount: Math.round(total), unit: 'minutes' };
}

export function toIsoDuration(amount: number, unit: DurationUnit): string {
  const n = Math.max(0, Math.floor(amount));
  if (unit === 'days') return `P${n}D`;
  if (unit === 'hours') return `PT${n}H`;
  return `PT${n}M`;
}

export function minutesOf(amount: number, unit: DurationUnit): number {
  return amount * MINUTES[unit];
}

/** "15 minutes before", "1 day before". */
export function describeBefore(iso: string): string {
  const total = durationToMinutes(iso);
  if (total == null) return `${iso} before`;
  if (total === 0) return 'At due time';
  const { amount, unit } = splitMinutes(total);
  const label = amount === 1 ? unit.slice(0, -1) : unit;
  return `${amount} ${label} before`;
}
