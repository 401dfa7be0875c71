// A task's activity history in the task dialog: who (through which door) changed what, and when.
import { useEffect, useState } from 'react';
import { errorMessage, isAbort, type ApiClient } from '../api/client';
import type { HistoryEntry } from '../api/types';
import { formatInstant } from '../lib/dates';
import { describeChange, describeDoor, newestFirst } from '../lib/history';
import styles from './TaskHistory.module.css';

interface TaskHistoryProps {
  api: ApiClient;
  userId: string;
  taskId: number;
  timeZone: string;
  /** Changes when the task does, to load the history again. */
  version?: string;
  /** Shown from the start rather than behind its "History" button. */
  initiallyOpen?: boolean;
}

type State = { status: 'loading' } | { status: 'done'; entries: HistoryEntry[] } | { status: 'error'; message: string };

export function TaskHistory({ api, userId, taskId, timeZone, version, initiallyOpen = false }: TaskHistoryProps) {
  const [open, setOpen] = useState(initiallyOpen);
  const [state, setState] = useState<State>({ status: 'loading' });
  // Loaded when shown: most visits to a task are to change it, not to read its past.
  useEffect(() => {
    if (!open) return;
    const ctrl = new AbortController();
    setState({ status: 'loading' });
    api.history(userId, taskId, ctrl.signal).then(
      (entries) => setState({ status: 'done', entries: newestFirst(entries) }),
      (e) => !isAbort(e) && setState({ status: 'error', message: errorMessage(e) }),
    );
    return () => ctrl.abort();
  }, [api, userId, taskId, version, open]);

  const headingId = `history-${taskId}`;
  const bodyId = `history-body-${taskId}`;
  return (
    <section className={styles.history} aria-labelledby={headingId}>
      <h3 className={styles.title}>
        <button
          type="button"
          id={headingId}
          className={styles.toggle}
          aria-expanded={open}
          aria-controls={bodyId}
          onClick={() => setOpen((o) => !o)}
        >
          <span aria-hidden="true" className={styles.chevron}>
            {open ? '▾' : '▸'}
          </span>{' '}
          History
        </button>
      </h3>
      <div id={bodyId} hidden={!open}>
        {state.status === 'loading' && <p className="field-hint">Loading…</p>}
        {state.status === 'error' && <p className="field-hint">Could not load the history. {state.message}</p>}
        {state.status === 'done' && state.entries.length === 0 && (
          <p className="field-hint">Nothing recorded yet.</p>
        )}
        {state.status === 'done' && state.entries.length > 0 && (
          <ol className={styles.list} aria-label="Changes, newest first">
            {state.entries.map((entry) => (
              <li key={entry.eventId} className={styles.entry}>
                <span className={styles.what}>
                  <span className={styles.who}>{describeDoor(entry.door)}</span> {describeChange(entry)}
                </span>
                <time className={styles.when} dateTime={entry.occurredAt}>
                  {formatInstant(entry.occurredAt, timeZone)}
                </time>
              </li>
            ))}
          </ol>
        )}
      </div>
    </section>
  );
}
