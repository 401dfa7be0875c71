// Create / edit a task.
import { useEffect, useId, useMemo, useRef, useState, type FormEvent } from 'react';
import { ApiError, errorMessage, isAbort, type ApiClient } from '../api/client';
import type { Priority, Recurrence, Reminder, Task, TaskInput } from '../api/types';
import { formatInstant, joinDue, splitDue } from '../lib/dates';
import { sameRule, validateRRule } from '../lib/rrule';
import { useRulePreview, type RulePreview } from '../lib/useRulePreview';
import { Dialog } from './Dialog';
import { Field } from './Field';
import { RecurrencePicker } from './RecurrencePicker';
import { DESCRIPTION_MAX, TITLE_MAX } from '../lib/limits';
import { RemindersEditor } from './RemindersEditor';
import { TagInput } from './TagInput';
import { TaskHistory } from './TaskHistory';
import styles from './TaskDialog.module.css';

interface TaskDialogProps {
  open: boolean;
  /** The task to edit; null to create a new one. */
  task: Task | null;
  api: ApiClient;
  userId: string;
  timeZone: string;
  tagSuggestions: string[];
  onClose: () => void;
  onSaved: (task: Task, created: boolean) => void;
  /** False when the backend is known not to have the occurrences endpoint. */
  occurrencesEnabled?: boolean;
}

type FieldKey = 'title' | 'description' | 'dueAt' | 'priority' | 'tags' | 'recurrence' | 'reminders';
type Errors = Partial<Record<FieldKey, string>>;

const FIELD_KEYS: FieldKey[] = ['title', 'description', 'dueAt', 'priority', 'tags', 'recurrence', 'reminders'];

/** Map server field names ("recurrence.rule", "reminders[0].before", "allDay") onto form fields; the messages
 * come worded for people (ApiError.fieldErrors). */
export function mapFieldErrors(fieldErrors: Record<string, string>): { fields: Errors; other: string[] } {
  const fields: Errors = {};
  const other: string[] = [];
  for (const [name, message] of Object.entries(fieldErrors)) {
    const root = name.split(/[.[]/)[0];
    const key: FieldKey | undefined =
      root === 'allDay' ? 'dueAt' : (FIELD_KEYS as string[]).includes(root) ? (root as FieldKey) : undefined;
    if (key) {
      if (!fields[key]) fields[key] = message;
    } else other.push(message);
  }
  return { fields, other };
}

export function TaskDialog(props: TaskDialogProps) {
  if (!props.open) return null;
  // Remount per task so the form starts from the task's values.
  return <TaskDialogForm key={props.task?.id ?? 'new'} {...props} />;
}

function TaskDialogForm({
  open,
  task,
  api,
  userId,
  timeZone,
  tagSuggestions,
  onClose,
  onSaved,
  occurrencesEnabled = true,
}: TaskDialogProps) {
  const initialDue = useMemo(() => splitDue(task?.dueAt ?? null, task?.allDay ?? false, timeZone), [task, timeZone]);
  const [title, setTitle] = useState(task?.title ?? '');
  const [description, setDescription] = useState(task?.description ?? '');
  const [date, setDate] = useState(initialDue.date);
  const [time, setTime] = useState(initialDue.time);
  const [allDay, setAllDay] = useState(task ? task.allDay : false);
  const [priority, setPriority] = useState<Priority>(task?.priority ?? 'none');
  const [tags, setTags] = useState<string[]>(task?.tags ?? []);
  const [recurrence, setRecurrence] = useState<Recurrence | null>(task?.recurrence ?? null);
  const [reminders, setReminders] = useState<Reminder[]>(task?.reminders ?? []);
  // Reminder rows that do not say when yet; saving waits until they do (or are removed).
  const [remindersIncomplete, setRemindersIncomplete] = useState(false);
  const [showReminderGaps, setShowReminderGaps] = useState(false);
  const formRef = useRef<HTMLFormElement>(null);
  const [errors, setErrors] = useState<Errors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const titleRef = useRef<HTMLInputElement>(null);
  const id = useId();

  const recurrenceChanged =
    (recurrence?.rule ?? null) !== (task?.recurrence?.rule ?? null) ||
    (recurrence?.from ?? null) !== (task?.recurrence?.from ?? null);
  // The due as it would be saved, and whether it differs from the saved task's.
  const dueAt = joinDue(date, time, allDay, timeZone);
  const dueChanged = date !== initialDue.date || time !== initialDue.time || allDay !== (task ? task.allDay : false);
  // The saved series previews itself; a rule being edited is asked about (words and dates) once typing pauses.
  const asSaved = task !== null && !recurrenceChanged && !dueChanged;
  const validRule = recurrence && !validateRRule(recurrence.rule) ? recurrence.rule : null;
  const preview = useRulePreview(api, userId, occurrencesEnabled && !asSaved ? validRule : null, dueAt || null);
  // The server's words for the rule in the picker: the saved task's while it is the saved rule, else the preview's
  // once it has answered for this very rule (until then, none).
  const ruleWords =
    validRule === null
      ? null
      : task?.recurrence && sameRule(task.recurrence.rule, validRule)
        ? task.recurrence.description
        : preview.rule !== null && sameRule(preview.rule, validRule)
          ? preview.description
          : null;

  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    setFormError(null);
    const next: Errors = {};
    if (!title.trim()) next.title = 'Enter a title.';
    else if ([...title.trim()].length > TITLE_MAX) next.title = `Title can be at most ${TITLE_MAX} characters.`;
    if (recurrence) {
      const rr = validateRRule(recurrence.rule);
      if (rr) next.recurrence = rr;
    }
    setErrors(next);
    if (next.title) {
      titleRef.current?.focus();
      return;
    }
    if (Object.keys(next).length) return;
    if (remindersIncomplete) {
      setShowReminderGaps(true);
      // The editor marks the rows; focus the first one that needs a time.
      setTimeout(() => {
        const first = formRef.current?.querySelector<HTMLElement>('[data-reminder-incomplete]');
        first?.focus();
        // The message under the row, too, not only the field.
        document.getElementById(first?.getAttribute('aria-describedby') ?? '')?.scrollIntoView?.({ block: 'nearest' });
      }, 0);
      return;
    }

    const body: TaskInput = {
      title: title.trim(),
      description: description.trim() ? description : null,
      priority,
      tags,
      dueAt,
      allDay: !!date && (allDay || !time),
      // the rule in words is the server's, shown but never sent
      recurrence: recurrence ? { rule: recurrence.rule, from: recurrence.from } : null,
      reminders,
    };
    setSaving(true);
    try {
      const saved = task ? await api.updateTask(userId, task.id, body) : await api.createTask(userId, body);
      onSaved(saved, !task);
    } catch (err) {
      setSaving(false);
      if (err instanceof ApiError) {
        const { fields } = mapFieldErrors(err.fieldErrors);
        setErrors(fields);
        setFormError(err.userMessage);
        if (fields.title) titleRef.current?.focus();
      } else {
        setFormError(errorMessage(err));
      }
    }
  };

  const formId = `${id}-form`;
  const footer = (
    <>
      <button type="button" className="btn" onClick={onClose}>
        Cancel
      </button>
      <button type="submit" form={formId} className="btn btn-primary" disabled={saving}>
        {saving ? 'Saving…' : task ? 'Save changes' : 'Create task'}
      </button>
    </>
  );

  return (
    <Dialog open={open} title={task ? 'Edit task' : 'New task'} onClose={onClose} footer={footer} size="lg">
      <form id={formId} ref={formRef} className={styles.form} onSubmit={onSubmit} noValidate>
        {formError && (
          <p className="alert" role="alert">
            {formError}
          </p>
        )}
        <Field label="Title" error={errors.title}>
          <input
            ref={titleRef}
            data-autofocus
            className="input"
            value={title}
            maxLength={TITLE_MAX}
            onChange={(e) => {
              setTitle(e.target.value);
              if (errors.title && e.target.value.trim()) setErrors((x) => ({ ...x, title: undefined }));
            }}
          />
        </Field>
        <Field label="Description" error={errors.description}>
          <textarea
            className="textarea"
            value={description}
            rows={3}
            maxLength={DESCRIPTION_MAX}
            onChange={(e) => setDescription(e.target.value)}
          />
        </Field>

        <fieldset className={styles.group}>
          <legend className={styles.legend}>Due</legend>
          <div className={styles.dueRow}>
            <Field label="Date" className={styles.date}>
              <input className="input" type="date" value={date} onChange={(e) => setDate(e.target.value)} />
            </Field>
            {!allDay && (
              <Field label="Time" className={styles.time}>
                <input
                  className="input"
                  type="time"
                  value={time}
                  disabled={!date}
                  onChange={(e) => setTime(e.target.value)}
                />
              </Field>
            )}
            <label className={`checkbox ${styles.allDay}`}>
              <input type="checkbox" checked={allDay} onChange={(e) => setAllDay(e.target.checked)} />
              All day
            </label>
            {date && (
              <button
                type="button"
                className={`btn btn-ghost btn-sm ${styles.clear}`}
                onClick={() => {
                  setDate('');
                  setTime('');
                }}
              >
                Clear date
              </button>
            )}
          </div>
          <p className="field-hint">
            {date && !allDay && !time ? 'No time set: the task is due all day. ' : ''}Times are in {timeZone.replace(/_/g, ' ')}.
          </p>
          {errors.dueAt && <p className="field-error">{errors.dueAt}</p>}
        </fieldset>

        <div className={styles.twoCol}>
          <Field label="Priority" error={errors.priority}>
            <select className="select" value={priority} onChange={(e) => setPriority(e.target.value as Priority)}>
              <option value="none">None</option>
              <option value="low">Low</option>
              <option value="medium">Medium</option>
              <option value="high">High</option>
            </select>
          </Field>
          <Field label="Tags" error={errors.tags}>
            <TagInput value={tags} onChange={setTags} suggestions={tagSuggestions} />
          </Field>
        </div>

        <fieldset className={styles.group}>
          <legend className={styles.legend}>Repeat</legend>
          <RecurrencePicker
            value={recurrence}
            onChange={(r) => {
              setRecurrence(r);
              if (errors.recurrence) setErrors((x) => ({ ...x, recurrence: undefined }));
            }}
            dueDateKey={date || null}
            description={ruleWords}
            error={errors.recurrence}
          />
          {validRule && dueAt && occurrencesEnabled && (
            <OccurrencePreview
              api={api}
              userId={userId}
              task={task}
              unsaved={asSaved ? null : preview}
              timeZone={timeZone}
            />
          )}
        </fieldset>

        <fieldset className={styles.group}>
          <legend className={styles.legend}>Reminders</legend>
          <RemindersEditor
            value={reminders}
            onChange={(value, incomplete) => {
              setReminders(value);
              setRemindersIncomplete(incomplete);
            }}
            showIncomplete={showReminderGaps}
            timeZone={timeZone}
            hasDue={!!date}
            error={errors.reminders}
          />
        </fieldset>

        {task && <TaskHistory api={api} userId={userId} taskId={task.id} timeZone={timeZone} version={task.updatedAt} />}
      </form>
    </Dialog>
  );
}

/**
 * The next due times of the rule being edited: the saved series' own (which knows how far a counted rule has got)
 * while rule and due are as saved (`unsaved` null), else what the server answered for the rule and due in the form.
 */
function OccurrencePreview({
  api,
  userId,
  task,
  unsaved,
  timeZone,
}: {
  api: ApiClient;
  userId: string;
  task: Task | null;
  unsaved: RulePreview | null;
  timeZone: string;
}) {
  const [series, setSeries] = useState<{ status: RulePreview['status']; dates: string[] }>({
    status: 'loading',
    dates: [],
  });
  const savedId = unsaved === null ? (task?.id ?? null) : null;
  useEffect(() => {
    if (savedId === null) return;
    const ctrl = new AbortController();
    setSeries((s) => (s.status === 'unavailable' ? s : { status: 'loading', dates: [] }));
    api.occurrences(userId, savedId, 5, ctrl.signal).then(
      (dates) => setSeries(dates === null ? { status: 'unavailable', dates: [] } : { status: 'done', dates }),
      (e) => !isAbort(e) && setSeries({ status: 'error', dates: [] }),
    );
    return () => ctrl.abort();
  }, [api, userId, savedId, task?.updatedAt]);

  const state = unsaved ?? series;
  const headingId = `occ-${task?.id ?? 'new'}`;
  if (state.status === 'unavailable') return null;
  return (
    <section className={styles.preview} aria-labelledby={headingId}>
      <h3 id={headingId} className={styles.previewTitle}>
        Next dates
      </h3>
      {(state.status === 'loading' || state.status === 'idle') && <p className="field-hint">Loading…</p>}
      {state.status === 'error' && <p className="field-hint">Could not load the next dates.</p>}
      {state.status === 'done' && state.dates.length === 0 && <p className="field-hint">No upcoming dates.</p>}
      {state.status === 'done' && state.dates.length > 0 && (
        <ol className={styles.previewList}>
          {state.dates.map((d) => (
            <li key={d}>
              <time dateTime={d}>{formatInstant(d, timeZone)}</time>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
