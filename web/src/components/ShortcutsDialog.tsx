import { Dialog } from './Dialog';
import styles from './ShortcutsDialog.module.css';

/** The page's keyboard shortcuts and the task list's keys. */
export const SHORTCUTS: { keys: string[]; what: string }[] = [
  { keys: ['q'], what: 'Quick add a task' },
  { keys: ['/'], what: 'Search tasks' },
  { keys: ['?'], what: 'Show these shortcuts' },
  { keys: ['↑', '↓'], what: 'Move between tasks in the list' },
  { keys: ['Home', 'End'], what: 'First or last task' },
  { keys: ['←', '→'], what: 'Move between a task’s buttons' },
  { keys: ['Space'], what: 'Complete a task (on its checkbox)' },
  { keys: ['Enter'], what: 'Open a task (on its checkbox)' },
  { keys: ['Esc'], what: 'Close a dialog or panel' },
];

export function ShortcutsDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  return (
    <Dialog
      open={open}
      title="Keyboard shortcuts"
      onClose={onClose}
      footer={
        <button type="button" className="btn" onClick={onClose} data-autofocus>
          Close
        </button>
      }
    >
      <p className="field-hint">Shortcuts work when you are not typing in a field.</p>
      <dl className={styles.list}>
        {SHORTCUTS.map(({ keys, what }) => (
          <div key={what} className={styles.row}>
            <dt className={styles.keys}>
              {keys.map((k, i) => (
                <span key={k}>
                  {i > 0 && <span className="sr-only"> or </span>}
                  <kbd className={styles.kbd}>{k}</kbd>
                </span>
              ))}
            </dt>
            <dd className={styles.what}>{what}</dd>
          </div>
        ))}
      </dl>
    </Dialog>
  );
}
