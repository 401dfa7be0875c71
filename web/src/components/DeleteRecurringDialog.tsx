// Asks how much of a recurring task's series to delete, as calendars do.
import { useId } from 'react';
import type { DeleteScope, Task } from '../api/types';
import { Dialog } from './Dialog';
import styles from './DeleteRecurringDialog.module.css';

const CHOICES: { scope: DeleteScope; label: string; detail: string }[] = [
  { scope: 'occurrence', label: 'This one', detail: 'Skips to its next date; the task keeps repeating.' },
  { scope: 'following', label: 'This and following', detail: 'It stops repeating; what you completed before stays.' },
  { scope: 'series', label: 'The whole series', detail: 'Every occurrence, completed ones included.' },
];

interface DeleteRecurringDialogProps {
  /** The recurring task being deleted; null when closed. */
  task: Task | null;
  onChoose: (task: Task, scope: DeleteScope) => void;
  onClose: () => void;
}

export function DeleteRecurringDialog({ task, onChoose, onClose }: DeleteRecurringDialogProps) {
  const id = useId();
  const repeats = task?.recurrence?.description;
  return (
    <Dialog
      open={task != null}
      title={task ? `Delete “${task.title}”?` : ''}
      onClose={onClose}
      describedBy={`${id}-lead`}
      footer={
        <button type="button" className="btn" onClick={onClose}>
          Cancel
        </button>
      }
    >
      <p id={`${id}-lead`} className={styles.lead}>
        {repeats ? `It repeats: ${repeats}. ` : 'It repeats. '}Which occurrences should go?
      </p>
      <ul className={styles.choices}>
        {CHOICES.map((c, i) => (
          <li key={c.scope} className={styles.choice}>
            <button
              type="button"
              className={c.scope === 'occurrence' ? 'btn' : 'btn btn-danger'}
              aria-describedby={`${id}-${c.scope}`}
              data-autofocus={i === 0 ? true : undefined}
              onClick={() => task && onChoose(task, c.scope)}
            >
              {c.label}
            </button>
            <p id={`${id}-${c.scope}`} className={styles.detail}>
              {c.detail}
            </p>
          </li>
        ))}
      </ul>
    </Dialog>
  );
}
