// List of reminders: "N minutes/hours/days before" the due time, or at an absolute time.
import { useId, useRef, useState } from 'react';
import type { Reminder } from '../api/types';
import { fromLocalInputValue, toLocalInputValue } from '../lib/dates';
import { durationToMinutes, splitMinutes, toIsoDuration, type DurationUnit } from '../lib/duration';
import { CloseIcon, PlusIcon } from './icons';
import styles from './RemindersEditor.module.css';

interface Row {
  key: number;
  kind: 'before' | 'at';
  amount: string;
  unit: DurationUnit;
  at: string;
}

interface RemindersEditorProps {
  value: Reminder[];
  /** The complete reminders, and whether some row does not yet say when (such a row is not in the value). */
  onChange: (value: Reminder[], incomplete: boolean) => void;
  /** Mark the rows that do not say when (after an attempt to save). */
  showIncomplete?: boolean;
  timeZone: string;
  hasDue: boolean;
  error?: string | null;
}

function toRows(value: Reminder[], tz: string, nextKey: () => number): Row[] {
  return value.map((r) => {
    if (r.at === undefined) {
      const { amount, unit } = splitMinutes(durationToMinutes(r.before ?? '') ?? 15);
      return { key: nextKey(), kind: 'before', amount: String(amount), unit, at: '' };
    }
    return { key: nextKey(), kind: 'at', amount: '15', unit: 'minutes', at: toLocalInputValue(r.at, tz) };
  });
}

/** What a row still lacks before it is a reminder, in words; null when it is complete. */
export function missingInRow(row: Row, tz: string): string | null {
  if (row.kind === 'before') {
    const n = Number(row.amount);
    return row.amount.trim() !== '' && Number.isFinite(n) && n >= 0 ? null : 'Enter how long before the due time.';
  }
  return fromLocalInputValue(row.at, tz) ? null : 'Choose the date and time to be reminded at.';
}

export function rowsToReminders(rows: Row[], tz: string): Reminder[] {
  const out: Reminder[] = [];
  for (const r of rows) {
    if (r.kind === 'before') {
      const n = Number(r.amount);
      if (r.amount.trim() !== '' && Number.isFinite(n) && n >= 0) out.push({ before: toIsoDuration(n, r.unit) });
    } else {
      const at = fromLocalInputValue(r.at, tz);
      if (at) out.push({ at });
    }
  }
  return out;
}

export function RemindersEditor({ value, onChange, showIncomplete = false, timeZone, hasDue, error }: RemindersEditorProps) {
  const keyRef = useRef(0);
  const nextKey = () => ++keyRef.current;
  const [rows, setRows] = useState<Row[]>(() => toRows(value, timeZone, nextKey));
  const id = useId();
  const listRef = useRef<HTMLUListElement>(null);

  const update = (next: Row[]) => {
    setRows(next);
    onChange(rowsToReminders(next, timeZone), next.some((r) => missingInRow(r, timeZone) !== null));
  };

  const patch = (key: number, p: Partial<Row>) => update(rows.map((r) => (r.key === key ? { ...r, ...p } : r)));

  const add = () => {
    const row: Row = { key: nextKey(), kind: hasDue ? 'before' : 'at', amount: '15', unit: 'minutes', at: '' };
    update([...rows, row]);
    // Focus the new row's first control.
    setTimeout(() => listRef.current?.querySelector<HTMLElement>(`[data-row="${row.key}"] select`)?.focus(), 0);
  };

  const remove = (key: number, index: number) => {
    const next = rows.filter((r) => r.key !== key);
    update(next);
    setTimeout(() => {
      const rowsEls = listRef.current?.querySelectorAll<HTMLElement>('[data-row] select');
      const target = rowsEls?.[Math.min(index, (rowsEls?.length ?? 1) - 1)];
      (target ?? document.getElementById(`${id}-add`))?.focus();
    }, 0);
  };

  return (
    <div className={styles.editor}>
      {rows.length > 0 && (
        <ul className={styles.list} ref={listRef}>
          {rows.map((r, i) => {
            const missing = showIncomplete ? missingInRow(r, timeZone) : null;
            const missingId = `${id}-missing-${r.key}`;
            const invalid = missing
              ? { 'aria-invalid': true, 'aria-describedby': missingId, 'data-reminder-incomplete': true }
              : {};
            return (
              <li key={r.key} className={styles.row} data-row={r.key}>
                <label className="sr-only" htmlFor={`${id}-kind-${r.key}`}>
                  Reminder {i + 1} type
                </label>
                <select
                  id={`${id}-kind-${r.key}`}
                  className={`select ${styles.kind}`}
                  value={r.kind}
                  onChange={(e) => patch(r.key, { kind: e.target.value as Row['kind'] })}
                >
                  <option value="before">Before due</option>
                  <option value="at">At a time</option>
                </select>
                {r.kind === 'before' ? (
                  <>
                    <label className="sr-only" htmlFor={`${id}-amount-${r.key}`}>
                      Reminder {i + 1} amount
                    </label>
                    <input
                      id={`${id}-amount-${r.key}`}
                      className={`input ${styles.amount}`}
                      type="number"
                      min={0}
                      inputMode="numeric"
                      value={r.amount}
                      {...invalid}
                      onChange={(e) => patch(r.key, { amount: e.target.value })}
                    />
                    <label className="sr-only" htmlFor={`${id}-unit-${r.key}`}>
                      Reminder {i + 1} unit
                    </label>
                    <select
                      id={`${id}-unit-${r.key}`}
                      className={`select ${styles.unit}`}
                      value={r.unit}
                      onChange={(e) => patch(r.key, { unit: e.target.value as DurationUnit })}
                    >
                      <option value="minutes">minutes before</option>
                      <option value="hours">hours before</option>
                      <option value="days">days before</option>
                    </select>
                  </>
                ) : (
                  <>
                    <label className="sr-only" htmlFor={`${id}-at-${r.key}`}>
                      Reminder {i + 1} time
                    </label>
                    <input
                      id={`${id}-at-${r.key}`}
                      className={`input ${styles.at}`}
                      type="datetime-local"
                      value={r.at}
                      {...invalid}
                      onChange={(e) => patch(r.key, { at: e.target.value })}
                    />
                  </>
                )}
                <button
                  type="button"
                  className="btn btn-ghost btn-icon"
                  aria-label={`Remove reminder ${i + 1}`}
                  onClick={() => remove(r.key, i)}
                >
                  <CloseIcon size={16} />
                </button>
                {missing && (
                  <p id={missingId} className={`field-error ${styles.missing}`}>
                    {missing}
                  </p>
                )}
              </li>
            );
          })}
        </ul>
      )}
      <div>
        <button id={`${id}-add`} type="button" className="btn btn-sm" onClick={add}>
          <PlusIcon size={14} /> Add reminder
        </button>
      </div>
      {!hasDue && rows.some((r) => r.kind === 'before') && (
        <p className="field-hint">Reminders “before due” need a due date.</p>
      )}
      {error && <p className="field-error">{error}</p>}
    </div>
  );
}
