import { memo, useId, useLayoutEffect, useMemo, useRef } from 'react';
import type { Priority, Task } from '../api/types';
import { dueInfo } from '../lib/dates';
import { useRovingList } from '../lib/useRovingList';
import { ClockIcon, RepeatIcon, TrashIcon } from './icons';
import styles from './TaskList.module.css';

export const PRIORITY_LABEL: Record<Priority, string> = {
  high: 'High',
  medium: 'Medium',
  low: 'Low',
  none: 'None',
};

export function PriorityBadge({ priority }: { priority: Priority }) {
  if (priority === 'none') return null;
  return (
    <span className={`${styles.badge} ${styles[priority]}`} data-priority={priority}>
      {PRIORITY_LABEL[priority]}
      <span className="sr-only"> priority</span>
    </span>
  );
}

interface TaskListProps {
  tasks: Task[];
  timeZone: string;
  now?: Date;
  onToggle: (task: Task, completed: boolean) => void;
  onOpen: (task: Task) => void;
  onDelete: (task: Task) => void;
  onTagClick?: (tag: string) => void;
  /** Tasks with a request in flight. */
  pendingIds?: ReadonlySet<number>;
}

export function TaskList({ tasks, timeZone, now, onToggle, onOpen, onDelete, onTagClick, pendingIds }: TaskListProps) {
  // Rows are memoised, so that toggling one task of a long list renders that row only. The handlers reach
  // them through a ref (the page passes new closures on every render), and "now" moves once a minute.
  const handlers = useRef({ onToggle, onOpen, onDelete, onTagClick });
  useLayoutEffect(() => {
    handlers.current = { onToggle, onOpen, onDelete, onTagClick };
  });
  const hasTagClick = onTagClick !== undefined;
  const stable = useMemo(
    () => ({
      onToggle: (task: Task, completed: boolean) => handlers.current.onToggle(task, completed),
      onOpen: (task: Task) => handlers.current.onOpen(task),
      onDelete: (task: Task) => handlers.current.onDelete(task),
      onTagClick: hasTagClick ? (tag: string) => handlers.current.onTagClick?.(tag) : undefined,
    }),
    [hasTagClick],
  );
  const minute = Math.floor(Date.now() / 60_000);
  const at = useMemo(() => now ?? new Date(), [now, minute]);
  const roving = useRovingList<HTMLUListElement>();
  const keysId = useId();
  return (
    <>
      <p id={keysId} className="sr-only">
        Up and Down arrows move between tasks, Left and Right between a task’s buttons; Space completes a task, Enter
        opens it.
      </p>
      <ul
        id="task-list"
        className={styles.list}
        aria-label="Tasks"
        aria-describedby={keysId}
        ref={roving.ref}
        onKeyDown={roving.onKeyDown}
        onFocus={roving.onFocus}
        onBlur={roving.onBlur}
      >
        {tasks.map((t) => (
          <MemoTaskItem
            key={t.id}
            task={t}
            timeZone={timeZone}
            now={at}
            onToggle={stable.onToggle}
            onOpen={stable.onOpen}
            onDelete={stable.onDelete}
            onTagClick={stable.onTagClick}
            pending={pendingIds?.has(t.id) ?? false}
          />
        ))}
      </ul>
    </>
  );
}

interface TaskItemProps {
  task: Task;
  timeZone: string;
  now: Date;
  onToggle: (task: Task, completed: boolean) => void;
  onOpen: (task: Task) => void;
  onDelete: (task: Task) => void;
  onTagClick?: (tag: string) => void;
  pending: boolean;
}

export function TaskItem({ task, timeZone, now, onToggle, onOpen, onDelete, onTagClick, pending }: TaskItemProps) {
  const due = dueInfo(task, timeZone, now);
  const checkboxId = `task-done-${task.id}`;
  const reminders = task.reminders?.length ?? 0;
  const classes = [styles.item];
  if (task.completed) classes.push(styles.completed);
  if (due?.overdue) classes.push(styles.itemOverdue);

  return (
    <li className={classes.join(' ')} data-testid={`task-${task.id}`} data-row={task.id} aria-busy={pending || undefined}>
      <div className={styles.check}>
        {/* Never disabled while saving: a disabled checkbox drops the keyboard focus to the page. */}
        <input
          id={checkboxId}
          type="checkbox"
          checked={task.completed}
          aria-disabled={pending || undefined}
          onChange={(e) => {
            if (!pending) onToggle(task, e.target.checked);
          }}
          onKeyDown={(e) => {
            if (e.key === 'Enter') {
              e.preventDefault();
              onOpen(task);
            }
          }}
          aria-label={`Mark “${task.title}” as ${task.completed ? 'not completed' : 'completed'}`}
        />
      </div>
      <div className={styles.main}>
        <button type="button" id={`task-title-${task.id}`} className={styles.title} onClick={() => onOpen(task)}>
          <span className={styles.titleText}>{task.title}</span>
          <span className="sr-only">, edit task</span>
        </button>
        {task.description && <p className={styles.description}>{task.description}</p>}
        <div className={styles.meta}>
          {due && (
            <span
              className={`${styles.due} ${due.overdue ? styles.overdue : ''} ${due.today && !due.overdue ? styles.today : ''}`}
              data-overdue={due.overdue || undefined}
              data-today={due.today || undefined}
            >
              {due.overdue && <span className={styles.dueFlag}>Overdue</span>}
              {!due.overdue && due.today && !task.completed && <span className="sr-only">Due today: </span>}
              <time dateTime={due.iso} title={due.fullLabel}>
                {due.label}
              </time>
            </span>
          )}
          {task.recurrence && (
            <span className={styles.metaItem} title={task.recurrence.description}>
              <RepeatIcon size={14} />
              <span className="sr-only">Repeats: </span>
              <span className={styles.metaText}>{task.recurrence.description}</span>
            </span>
          )}
          {reminders > 0 && (
            <span className={styles.metaItem}>
              <ClockIcon size={14} />
              <span className={styles.metaText}>
                {reminders} reminder{reminders === 1 ? '' : 's'}
              </span>
            </span>
          )}
          <PriorityBadge priority={task.priority} />
          {task.tags.length > 0 && (
            <ul className={styles.tags} aria-label="Tags">
              {task.tags.map((tag) => (
                <li key={tag}>
                  {onTagClick ? (
                    <button
                      type="button"
                      className={`chip ${styles.tag}`}
                      onClick={() => onTagClick(tag)}
                      aria-label={`Filter by tag ${tag}`}
                    >
                      #{tag}
                    </button>
                  ) : (
                    <span className="chip">#{tag}</span>
                  )}
                </li>
              ))}
            </ul>
          )}
        </div>
      </div>
      <button
        type="button"
        className={`btn btn-ghost btn-icon ${styles.delete}`}
        aria-label={`Delete “${task.title}”`}
        aria-disabled={pending || undefined}
        onClick={() => {
          if (!pending) onDelete(task);
        }}
      >
        <TrashIcon size={17} />
      </button>
    </li>
  );
}

const MemoTaskItem = memo(TaskItem);

export function TaskListSkeleton({ rows = 4 }: { rows?: number }) {
  return (
    <div className={styles.skeleton} aria-hidden="true">
      {Array.from({ length: rows }, (_, i) => (
        <div key={i} className={styles.skeletonRow}>
          <span className={styles.skeletonBox} />
          <span className={styles.skeletonLines}>
            <span style={{ width: `${55 + ((i * 17) % 35)}%` }} />
            <span style={{ width: `${25 + ((i * 11) % 20)}%` }} />
          </span>
        </div>
      ))}
    </div>
  );
}
