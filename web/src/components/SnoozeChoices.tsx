// The ways to be reminded again later: ten minutes, an hour, tomorrow morning (on the account's clock).
import { snoozeChoices } from '../lib/notifications';
import styles from './SnoozeChoices.module.css';

interface SnoozeChoicesProps {
  timeZone: string;
  onSnooze: (duration: string) => void;
  disabled?: boolean;
}

export function SnoozeChoices({ timeZone, onSnooze, disabled }: SnoozeChoicesProps) {
  // Computed when shown: "tomorrow morning" is measured from the moment of the click's render.
  const choices = snoozeChoices(new Date(), timeZone);
  return (
    <div role="group" aria-label="Snooze" className={styles.snooze}>
      <span aria-hidden="true">Snooze</span>
      {choices.map((c) => (
        <button
          key={c.label}
          type="button"
          className="btn btn-sm"
          aria-label={c.name}
          title={c.name}
          disabled={disabled}
          onClick={() => onSnooze(c.duration)}
        >
          {c.label}
        </button>
      ))}
    </div>
  );
}
