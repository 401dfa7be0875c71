// Quick-add: type a sentence, press Enter. When the backend has the parse endpoint,
// the text is parsed (debounced) and the parsed details are shown as chips.
import { useEffect, useId, useRef, useState, type FormEvent, type KeyboardEvent, type ReactNode, type RefObject } from 'react';
import { errorMessage, isAbort, type ApiClient } from '../api/client';
import type { Task, TaskDraft, TaskInput } from '../api/types';
import { dueInfo } from '../lib/dates';
import { QUICK_ADD_MAX, TITLE_MAX } from '../lib/limits';
import { describeBefore } from '../lib/duration';
import { draftToInput, rawTaskInput } from '../lib/taskInput';
import { CalendarIcon, ClockIcon, PlusIcon, RepeatIcon } from './icons';
import styles from './QuickAdd.module.css';
import { PRIORITY_LABEL } from './TaskList';

interface QuickAddProps {
  api: ApiClient;
  userId: string;
  timeZone: string;
  onCreated: (task: Task) => void;
  /** Parse debounce in ms. */
  debounceMs?: number;
  inputRef?: RefObject<HTMLInputElement | null>;
  /** False when the backend is known not to have the parse endpoint. */
  parseEnabled?: boolean;
}

interface ParsedState {
  text: string;
  draft: TaskDraft;
}

export function QuickAdd({ api, userId, timeZone, onCreated, debounceMs = 200, inputRef, parseEnabled = true }: QuickAddProps) {
  const [text, setText] = useState('');
  const [parsed, setParsed] = useState<ParsedState | null>(null);
  const [parseWorks, setParseAvailable] = useState(true);
  const parseAvailable = parseEnabled && parseWorks;
  const [creating, setCreating] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const ctrlRef = useRef<AbortController | null>(null);
  const timerRef = useRef<ReturnType<typeof setTimeout> | null>(null);
  const ownRef = useRef<HTMLInputElement>(null);
  const ref = inputRef ?? ownRef;
  const hintId = useId();
  const chipsId = useId();

  const trimmed = text.trim();

  // Debounced parse of the current text.
  useEffect(() => {
    if (!parseAvailable || !trimmed) return;
    if (parsed?.text === trimmed) return;
    timerRef.current = setTimeout(() => {
      ctrlRef.current?.abort();
      const ctrl = new AbortController();
      ctrlRef.current = ctrl;
      api.parseTask(userId, trimmed, ctrl.signal).then(
        (draft) => {
          if (ctrl.signal.aborted) return;
          if (draft === null) setParseAvailable(false);
          else setParsed({ text: trimmed, draft });
        },
        (e) => {
          if (!isAbort(e) && !ctrl.signal.aborted) setParsed(null);
        },
      );
    }, debounceMs);
    return () => {
      if (timerRef.current) clearTimeout(timerRef.current);
    };
  }, [api, userId, trimmed, parseAvailable, debounceMs, parsed?.text]);

  useEffect(() => () => ctrlRef.current?.abort(), []);

  const currentDraft = parsed && parsed.text === trimmed ? parsed.draft : null;
  // Said before Enter, in the words the server would use after it.
  const titleTooLong = currentDraft !== null && [...(currentDraft.title ?? '')].length > TITLE_MAX;

  const buildInput = async (title: string): Promise<TaskInput> => {
    if (!parseAvailable) return rawTaskInput(title);
    if (currentDraft) return draftToInput(currentDraft, title);
    // Enter pressed before the debounced parse came back: parse now.
    if (timerRef.current) clearTimeout(timerRef.current);
    ctrlRef.current?.abort();
    try {
      const draft = await api.parseTask(userId, title);
      if (draft === null) {
        setParseAvailable(false);
        return rawTaskInput(title);
      }
      return draftToInput(draft, title);
    } catch {
      return rawTaskInput(title);
    }
  };

  const submit = async (e?: FormEvent) => {
    e?.preventDefault();
    if (!trimmed || creating) return;
    if (titleTooLong) {
      // Known before asking: the server would refuse it.
      setError(`Title can be at most ${TITLE_MAX} characters.`);
      return;
    }
    setCreating(true);
    setError(null);
    try {
      const input = await buildInput(trimmed);
      const task = await api.createTask(userId, input, 'quick-add');
      setText('');
      setParsed(null);
      onCreated(task);
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setCreating(false);
      ref.current?.focus();
    }
  };

  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'Escape' && text) {
      e.preventDefault();
      setText('');
      setParsed(null);
      setError(null);
    }
  };

  const chips = currentDraft ? draftChips(currentDraft, timeZone) : [];

  return (
    <form className={styles.form} onSubmit={submit} aria-label="Quick add task">
      <div className={styles.row}>
        <label htmlFor="quick-add" className="sr-only">
          Add a task
        </label>
        <span className={styles.plus} aria-hidden="true">
          <PlusIcon />
        </span>
        <input
          ref={ref}
          id="quick-add"
          className={styles.input}
          type="text"
          autoComplete="off"
          maxLength={QUICK_ADD_MAX}
          placeholder="Add a task…"
          value={text}
          readOnly={creating}
          aria-busy={creating || undefined}
          aria-describedby={`${hintId} ${chipsId}${titleTooLong && !error ? ` ${chipsId}-long` : ''}`}
          aria-invalid={error || titleTooLong ? true : undefined}
          onChange={(e) => {
            setText(e.target.value);
            setError(null);
          }}
          onKeyDown={onKeyDown}
        />
        <button type="submit" className={`btn btn-primary ${styles.add}`} disabled={!trimmed || creating}>
          {creating ? 'Adding…' : 'Add'}
        </button>
      </div>
      {/* Shown whenever the input is empty, not only while it has focus: a line that came and went with
          focus moved the controls below it between mousedown and click, so the click missed them. */}
      <p id={hintId} className={!trimmed && parseAvailable ? styles.hint : 'sr-only'}>
        Press Enter to add.
        {parseAvailable ? ' Dates, repeats, !priority and #tags are recognised — try “Pay rent every 1st at 9am #home !high”.' : ''}
      </p>
      <div id={chipsId} className={styles.chips} aria-live="polite">
        {chips.length > 0 && (
          <>
            <span className="sr-only">Will create: </span>
            {chips.map((c) => (
              <span key={c.key} className={`${styles.chip} ${c.className ?? ''}`} data-chip={c.key}>
                {c.icon}
                {c.label}
              </span>
            ))}
          </>
        )}
      </div>
      {error ? (
        <p className="field-error" role="alert">
          {error}
        </p>
      ) : (
        titleTooLong && (
          <p id={`${chipsId}-long`} className="field-error">
            Title can be at most {TITLE_MAX} characters.
          </p>
        )
      )}
    </form>
  );
}

interface Chip {
  key: string;
  label: string;
  icon?: ReactNode;
  className?: string;
}

function draftChips(d: TaskDraft, tz: string): Chip[] {
  const chips: Chip[] = [];
  if (d.title) chips.push({ key: 'title', label: d.title, className: styles.titleChip });
  const due = dueInfo({ dueAt: d.dueAt, allDay: d.allDay, completed: false }, tz);
  if (due) chips.push({ key: 'due', label: due.label, icon: <CalendarIcon size={13} /> });
  if (d.recurrence?.rule) chips.push({ key: 'recurrence', label: d.recurrence.description, icon: <RepeatIcon size={13} /> });
  if (d.priority && d.priority !== 'none')
    chips.push({ key: 'priority', label: `${PRIORITY_LABEL[d.priority]} priority`, className: styles[d.priority] });
  for (const t of d.tags ?? []) chips.push({ key: `tag-${t}`, label: `#${t}` });
  for (const [i, r] of (d.reminders ?? []).entries()) {
    const label = r.at === undefined ? describeBefore(r.before ?? '') : `Remind at ${r.at}`;
    chips.push({ key: `reminder-${i}`, label, icon: <ClockIcon size={13} /> });
  }
  return chips;
}
