// The ways to be reminded again later: ten minutes, an hour, tomorrow morning (on the account's clock).
import { snoozeChoices } from '../lib/notifications';

interface SnoozeChoicesProps {
  timeZone: string;
  onSnooze: (duration: string) => void;
  disabled?: boolean;
  className?: string;
}

export function SnoozeChoices({ timeZone, onSnooze, disabled, className }: SnoozeChoicesProps) {
  // Computed when shown: "tomorrow morning" is measured from the moment of the click's render.
  const choices = snoozeChoices(new Date(), timeZone);
  return (
    <div role="group" aria-label="Snooze" className={className}>
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
