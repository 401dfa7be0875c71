// The Upcoming view: the next days, one section per day in the user's zone, with each open task on its due day
// and the next occurrences of repeating tasks on the days they will fall.
import { useEffect, useMemo, useState } from 'react';
import { errorMessage, isAbort, type ApiClient } from '../api/client';
import type { Task, UpcomingDay, UpcomingItem } from '../api/types';
import { addDays, formatDateKey, formatTime, zonedDateKey } from '../lib/dates';
import { useRovingList } from '../lib/useRovingList';
import { UPCOMING_DAYS } from '../lib/views';
import { RepeatIcon } from './icons';
import { TaskItem, TaskListSkeleton } from './TaskList';
import listStyles from './TaskList.module.css';
import styles from './UpcomingView.module.css';

interface UpcomingViewProps {
  api: ApiClient;
  userId: string;
  timeZone: string;
  now: Date;
  /** Changes when tasks may have changed: the days are loaded again. */
  version: number;
  onToggle: (task: Task, completed: boolean) => void;
  onOpen: (task: Task) => void;
  onDelete: (task: Task) => void;
  pendingIds?: ReadonlySet<number>;
}

type State = { status: 'loading' } | { status: 'done'; days: UpcomingDay[] } | { status: 'error'; message: string };

/** "Today", "Tomorrow" or "Wednesday, December 9" for a date key, seen from today in the zone. */
export function dayHeading(dateKey: string, todayKey: string): string {
  if (dateKey === todayKey) return 'Today';
  if (dateKey === addDays(todayKey, 1)) return 'Tomorrow';
  return formatDateKey(dateKey, undefined, false, true);
}

export function UpcomingView(props: UpcomingViewProps) {
  const { api, userId, timeZone, now, version } = props;
  const [state, setState] = useState<State>({ status: 'loading' });
  const [retry, setRetry] = useState(0);
  const todayKey = zonedDateKey(now, timeZone);

  useEffect(() => {
    const ctrl = new AbortController();
    api.upcoming(userId, UPCOMING_DAYS, ctrl.signal).then(
      (days) => setState({ status: 'done', days }),
      (e) => !isAbort(e) && setState((s) => (s.status === 'done' ? s : { status: 'error', message: errorMessage(e) })),
    );
    return () => ctrl.abort();
  }, [api, userId, version, todayKey, retry]);

  const roving = useRovingList<HTMLDivElement>();
  const total = state.status === 'done' ? state.days.reduce((n, d) => n + d.items.length, 0) : 0;

  return (
    <section className={styles.upcoming} aria-labelledby="upcoming-heading" aria-busy={state.status === 'loading'}>
      <h2 id="upcoming-heading" className={styles.heading}>
        {state.status === 'loading'
          ? 'Loading the next days…'
          : `Next ${UPCOMING_DAYS} days: ${total} due`}
      </h2>
      {state.status === 'loading' && <TaskListSkeleton />}
      {state.status === 'error' && (
        <div className="alert" role="alert">
          <p>Could not load the next days. {state.message}</p>
          <button type="button" className="btn btn-sm" onClick={() => setRetry((n) => n + 1)}>
            Try again
          </button>
        </div>
      )}
      {state.status === 'done' && (
        <div
          ref={roving.ref}
          id="task-list"
          className={styles.days}
          onKeyDown={roving.onKeyDown}
          onFocus={roving.onFocus}
          onBlur={roving.onBlur}
        >
          {state.days.map((day) => (
            <Day key={day.date} day={day} todayKey={todayKey} {...props} />
          ))}
        </div>
      )}
    </section>
  );
}

function Day({ day, todayKey, timeZone, now, onToggle, onOpen, onDelete, pendingIds }: UpcomingViewProps & {
  day: UpcomingDay;
  todayKey: string;
}) {
  const heading = dayHeading(day.date, todayKey);
  const headingId = `day-${day.date}`;
  return (
    <section className={styles.day} aria-labelledby={headingId}>
      <h3 id={headingId} className={styles.dayHeading}>
        {heading}
        {heading !== formatDateKey(day.date, undefined, false, true) && (
          <span className={styles.date}> · {formatDateKey(day.date)}</span>
        )}
      </h3>
      {day.items.length === 0 ? (
        <p className={styles.free}>Nothing due.</p>
      ) : (
        <ul className={listStyles.list} aria-label={heading}>
          {day.items.map((item) =>
            item.occurrence ? (
              <Occurrence key={`${item.task.id}@${item.dueAt}`} item={item} timeZone={timeZone} onOpen={onOpen} />
            ) : (
              <TaskItem
                key={item.task.id}
                task={item.task}
                timeZone={timeZone}
                now={now}
                onToggle={onToggle}
                onOpen={onOpen}
                onDelete={onDelete}
                pending={pendingIds?.has(item.task.id) ?? false}
              />
            ),
          )}
        </ul>
      )}
    </section>
  );
}

/** A later occurrence of a repeating task: not a task yet, so it opens the task it will come from. */
function Occurrence({ item, timeZone, onOpen }: { item: UpcomingItem; timeZone: string; onOpen: (task: Task) => void }) {
  const { task } = item;
  const time = useMemo(
    () => (task.allDay ? 'All day' : formatTime(new Date(item.dueAt), timeZone)),
    [task.allDay, item.dueAt, timeZone],
  );
  const rule = task.recurrence ? task.recurrence.description : '';
  return (
    <li className={`${listStyles.item} ${styles.occurrence}`} data-row={`${task.id}@${item.dueAt}`}>
      <span className={styles.repeat} aria-hidden="true">
        <RepeatIcon size={16} />
      </span>
      <div className={listStyles.main}>
        <button type="button" className={listStyles.title} onClick={() => onOpen(task)}>
          <span className={listStyles.titleText}>{task.title}</span>
          <span className="sr-only">, next occurrence, open the repeating task</span>
        </button>
        <div className={listStyles.meta}>
          <span className={listStyles.metaItem}>
            <time dateTime={item.dueAt}>{time}</time>
          </span>
          <span className={listStyles.metaItem}>
            <span className={listStyles.metaText}>Repeats: {rule}</span>
          </span>
        </div>
      </div>
    </li>
  );
}
