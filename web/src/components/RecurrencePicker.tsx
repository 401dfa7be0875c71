// Repeat rule editor: presets that produce RRULEs, plus a custom RRULE field.
import { useId, useState } from 'react';
import type { Recurrence, RecurrenceFrom } from '../api/types';
import {
  WEEKDAYS,
  WEEKDAY_NAMES,
  buildRRule,
  defaultSpec,
  ordinal,
  parseRRule,
  validateRRule,
  type RecurrencePreset,
  type RecurrenceSpec,
  type Weekday,
} from '../lib/rrule';
import styles from './RecurrencePicker.module.css';

interface RecurrencePickerProps {
  /** The rule being edited. */
  value: Recurrence | null;
  onChange: (value: Recurrence | null) => void;
  /**
   * The server's words for the rule now in the picker (a saved task's `recurrence.description`, or what the server
   * said of the rule being edited); null while it has not said, and then the rule shows without words.
   */
  description?: string | null;
  /** Due date ("YYYY-MM-DD") used for sensible defaults. */
  dueDateKey: string | null;
  /** Error from the server for this field. */
  error?: string | null;
}

const PRESETS: { value: RecurrencePreset; label: string }[] = [
  { value: 'none', label: 'Does not repeat' },
  { value: 'daily', label: 'Daily' },
  { value: 'weekdays', label: 'Every weekday (Mon–Fri)' },
  { value: 'weekly', label: 'Weekly on chosen days' },
  { value: 'monthlyDay', label: 'Monthly on a day of the month' },
  { value: 'monthlyNth', label: 'Monthly on a weekday (e.g. 3rd Friday)' },
  { value: 'yearly', label: 'Yearly' },
  { value: 'custom', label: 'Custom (RRULE)' },
];

const UNIT: Partial<Record<RecurrencePreset, string>> = {
  daily: 'day',
  weekly: 'week',
  monthlyDay: 'month',
  monthlyNth: 'month',
  yearly: 'year',
};

export function RecurrencePicker({ value, onChange, description = null, dueDateKey, error }: RecurrencePickerProps) {
  const [spec, setSpec] = useState<RecurrenceSpec>(() => parseRRule(value?.rule, dueDateKey));
  const [from, setFrom] = useState<RecurrenceFrom>(value?.from ?? 'due');
  const [customTouched, setCustomTouched] = useState(false);
  // Kept as text so the field can be cleared while typing.
  const [intervalText, setIntervalText] = useState(String(spec.interval));
  const id = useId();

  const emit = (next: RecurrenceSpec, nextFrom: RecurrenceFrom = from) => {
    setSpec(next);
    setFrom(nextFrom);
    const rule = buildRRule(next);
    onChange(rule ? { rule, from: nextFrom } : null);
  };

  const setPreset = (preset: RecurrencePreset) => {
    // Fresh defaults from the due date, keeping what the person already chose.
    const d = defaultSpec(dueDateKey, preset);
    const next: RecurrenceSpec = {
      ...d,
      interval: spec.interval,
      custom: preset === 'custom' ? spec.custom || buildRRule(spec) || '' : spec.custom,
      weekdays: spec.preset === 'weekly' && spec.weekdays.length ? spec.weekdays : d.weekdays,
      monthDay: spec.preset === 'monthlyDay' ? spec.monthDay : d.monthDay,
      nth: spec.preset === 'monthlyNth' ? spec.nth : d.nth,
      nthWeekday: spec.preset === 'monthlyNth' ? spec.nthWeekday : d.nthWeekday,
    };
    emit(next);
  };

  const toggleDay = (day: Weekday, on: boolean) => {
    const days = on ? [...spec.weekdays, day] : spec.weekdays.filter((d) => d !== day);
    emit({ ...spec, weekdays: WEEKDAYS.filter((d) => days.includes(d)) });
  };

  const rule = buildRRule(spec);
  const customError = spec.preset === 'custom' && (customTouched || spec.custom) ? validateRRule(spec.custom) : null;
  const unit = UNIT[spec.preset];

  return (
    <div className={styles.picker}>
      <div className={styles.row}>
        <div className="field">
          <label className="field-label" htmlFor={`${id}-preset`}>
            Pattern
          </label>
          <select
            id={`${id}-preset`}
            className="select"
            value={spec.preset}
            onChange={(e) => setPreset(e.target.value as RecurrencePreset)}
            aria-describedby={error ? `${id}-error` : undefined}
            aria-invalid={error ? true : undefined}
          >
            {PRESETS.map((p) => (
              <option key={p.value} value={p.value}>
                {p.label}
              </option>
            ))}
          </select>
        </div>
        {unit && (
          <div className={`field ${styles.interval}`}>
            <label className="field-label" htmlFor={`${id}-interval`}>
              Every
            </label>
            <div className={styles.inline}>
              <input
                id={`${id}-interval`}
                className={`input ${styles.number}`}
                type="number"
                min={1}
                max={999}
                inputMode="numeric"
                value={intervalText}
                aria-describedby={`${id}-unit`}
                onChange={(e) => {
                  setIntervalText(e.target.value);
                  const n = Number(e.target.value);
                  if (Number.isInteger(n) && n >= 1) emit({ ...spec, interval: n });
                }}
                onBlur={() => setIntervalText(String(spec.interval))}
              />
              <span id={`${id}-unit`}>
                {unit}
                {spec.interval === 1 ? '' : 's'}
              </span>
            </div>
          </div>
        )}
      </div>

      {spec.preset === 'weekly' && (
        <fieldset className={styles.days}>
          <legend className="field-label">On</legend>
          <div className={styles.dayList}>
            {WEEKDAYS.map((d) => (
              <label key={d} className={styles.day}>
                <input type="checkbox" checked={spec.weekdays.includes(d)} onChange={(e) => toggleDay(d, e.target.checked)} />
                <span aria-hidden="true">{WEEKDAY_NAMES[d].slice(0, 2)}</span>
                <span className="sr-only">{WEEKDAY_NAMES[d]}</span>
              </label>
            ))}
          </div>
        </fieldset>
      )}

      {spec.preset === 'monthlyDay' && (
        <div className="field">
          <label className="field-label" htmlFor={`${id}-monthday`}>
            Day of month
          </label>
          <select
            id={`${id}-monthday`}
            className="select"
            value={spec.monthDay}
            onChange={(e) => emit({ ...spec, monthDay: Number(e.target.value) })}
          >
            {Array.from({ length: 31 }, (_, i) => i + 1).map((n) => (
              <option key={n} value={n}>
                {ordinal(n)}
              </option>
            ))}
            <option value={-1}>Last day</option>
          </select>
          {spec.monthDay > 28 && (
            <span className="field-hint">Months without a {ordinal(spec.monthDay)} are skipped.</span>
          )}
        </div>
      )}

      {spec.preset === 'monthlyNth' && (
        <div className={styles.row}>
          <div className="field">
            <label className="field-label" htmlFor={`${id}-nth`}>
              Which
            </label>
            <select
              id={`${id}-nth`}
              className="select"
              value={spec.nth}
              onChange={(e) => emit({ ...spec, nth: Number(e.target.value) })}
            >
              {[1, 2, 3, 4, -1].map((n) => (
                <option key={n} value={n}>
                  {n === -1 ? 'Last' : ordinal(n)}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label className="field-label" htmlFor={`${id}-weekday`}>
              Weekday
            </label>
            <select
              id={`${id}-weekday`}
              className="select"
              value={spec.nthWeekday}
              onChange={(e) => emit({ ...spec, nthWeekday: e.target.value as Weekday })}
            >
              {WEEKDAYS.map((d) => (
                <option key={d} value={d}>
                  {WEEKDAY_NAMES[d]}
                </option>
              ))}
            </select>
          </div>
        </div>
      )}

      {spec.preset === 'custom' && (
        <div className="field">
          <label className="field-label" htmlFor={`${id}-custom`}>
            RRULE
          </label>
          <input
            id={`${id}-custom`}
            className="input mono"
            type="text"
            spellCheck={false}
            autoCapitalize="characters"
            placeholder="FREQ=WEEKLY;INTERVAL=2;BYDAY=MO,TH"
            value={spec.custom}
            aria-invalid={customError ? true : undefined}
            aria-describedby={`${id}-custom-hint${customError ? ` ${id}-custom-error` : ''}`}
            onBlur={() => setCustomTouched(true)}
            onChange={(e) => emit({ ...spec, custom: e.target.value })}
          />
          <span id={`${id}-custom-hint`} className="field-hint">
            An RFC 5545 rule, e.g. FREQ=MONTHLY;BYDAY=-1FR for the last Friday of each month.
          </span>
          {customError && (
            <span id={`${id}-custom-error`} className="field-error">
              {customError}
            </span>
          )}
        </div>
      )}

      {spec.preset !== 'none' && (
        <fieldset className={styles.from}>
          <legend className="field-label">Next date counts from</legend>
          <div className={styles.radios}>
            <label className="checkbox">
              <input type="radio" name={`${id}-from`} value="due" checked={from === 'due'} onChange={() => emit(spec, 'due')} />
              Due date
            </label>
            <label className="checkbox">
              <input
                type="radio"
                name={`${id}-from`}
                value="completion"
                checked={from === 'completion'}
                onChange={() => emit(spec, 'completion')}
              />
              Completion date
            </label>
          </div>
        </fieldset>
      )}

      {rule && !customError && (
        <p className={styles.summary} data-testid="rrule-summary">
          {description && <>{description} · </>}
          <code className="mono">{rule}</code>
        </p>
      )}
      {!dueDateKey && spec.preset !== 'none' && (
        <p className="field-hint">Tip: set a due date so the first occurrence is clear.</p>
      )}
      {error && (
        <p id={`${id}-error`} className="field-error">
          {error}
        </p>
      )}
    </div>
  );
}
