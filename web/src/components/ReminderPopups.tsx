// Pop-ups of reminders that fired while the page is open: one per task (a re-fire replaces it), each with Done,
// Snooze and Open, and a close button that reads it. A pop-up leaves by itself after a while (its notification
// stays unread in the bell), waiting while the pointer or focus is on it, and at once when its notification is read
// anywhere (on another tab too, or because its task was completed).
import { useEffect, useRef, useState } from 'react';
import type { AppNotification } from '../api/types';
import { formatInstant } from '../lib/dates';
import { BellIcon, CloseIcon } from './icons';
import { SnoozeChoices } from './SnoozeChoices';
import styles from './ReminderPopups.module.css';

/** How long a pop-up stays when left alone: long enough to read, short enough not to pile up. */
export const POPUP_TIMEOUT_MS = 30_000;

interface ReminderPopupsProps {
  popups: AppNotification[];
  timeZone: string;
  onOpen: (n: AppNotification) => void;
  onDone: (n: AppNotification) => void;
  onSnooze: (n: AppNotification, duration: string) => void;
  onDismiss: (n: AppNotification) => void;
  /** It timed out: hide it, the notification stays unread. */
  onExpire: (n: AppNotification) => void;
  timeout?: number;
}

export function ReminderPopups({ popups, ...props }: ReminderPopupsProps) {
  const latest = popups.at(-1);
  return (
    <>
      {/* Screen readers hear of a new reminder once, in a word, rather than the whole pop-up read out. */}
      <p className="sr-only" aria-live="polite">
        {latest ? `Reminder: ${latest.title}` : ''}
      </p>
      <div className={styles.region} role="region" aria-label="Reminders" data-focus-outside-ok hidden={popups.length === 0}>
        {popups.map((n) => (
          <ReminderPopup key={n.id} notification={n} {...props} />
        ))}
      </div>
    </>
  );
}

function ReminderPopup({
  notification: n,
  timeZone,
  onOpen,
  onDone,
  onSnooze,
  onDismiss,
  onExpire,
  timeout = POPUP_TIMEOUT_MS,
}: Omit<ReminderPopupsProps, 'popups'> & { notification: AppNotification }) {
  const [hovered, setHovered] = useState(false);
  const [focused, setFocused] = useState(false);
  const paused = hovered || focused;
  // The latest callback, so that the page's re-renders do not restart the countdown.
  const expire = useRef(() => onExpire(n));
  expire.current = () => onExpire(n);

  useEffect(() => {
    if (!timeout || paused) return;
    const id = setTimeout(() => expire.current(), timeout);
    return () => clearTimeout(id);
  }, [timeout, paused]);

  const titleId = `reminder-popup-${n.id}`;
  return (
    <section
      className={styles.popup}
      aria-labelledby={titleId}
      onMouseEnter={() => setHovered(true)}
      onMouseLeave={() => setHovered(false)}
      onFocus={() => setFocused(true)}
      onBlur={(e) => {
        if (!e.currentTarget.contains(e.relatedTarget as Node | null)) setFocused(false);
      }}
    >
      <div className={styles.head}>
        <BellIcon size={16} />
        <span className={styles.kicker}>Reminder</span>
        <button type="button" className={styles.close} aria-label={`Dismiss reminder: ${n.title}`} onClick={() => onDismiss(n)}>
          <CloseIcon size={14} />
        </button>
      </div>
      <h2 id={titleId} className={styles.title}>
        {n.title}
      </h2>
      <p className={styles.when}>
        {n.dueAt ? `Due ${formatInstant(n.dueAt, timeZone)}` : `Reminder ${formatInstant(n.remindAt, timeZone)}`}
      </p>
      <div className={styles.actions}>
        <button type="button" className="btn btn-sm btn-primary" onClick={() => onDone(n)}>
          Done
        </button>
        <button type="button" className="btn btn-sm" onClick={() => onOpen(n)}>
          Open
        </button>
      </div>
      <SnoozeChoices timeZone={timeZone} onSnooze={(d) => onSnooze(n, d)} />
    </section>
  );
}
