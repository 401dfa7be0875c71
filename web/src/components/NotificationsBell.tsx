// Reminder notifications: a bell with the unread count and a small popover listing them, newest first. Opening one
// reads it; "Mark all read" reads them all; an unread one can be snoozed from here too.
// Renders nothing when the backend has no notifications endpoint.
import { useEffect, useId, useRef, useState } from 'react';
import type { AppNotification } from '../api/types';
import { formatInstant } from '../lib/dates';
import { notificationPermission } from '../lib/reminderAlerts';
import type { Notifications } from '../lib/useNotifications';
import { BellIcon } from './icons';
import { SnoozeChoices } from './SnoozeChoices';
import styles from './NotificationsBell.module.css';

interface NotificationsBellProps {
  notifications: Pick<Notifications, 'items' | 'unread' | 'error' | 'markRead' | 'markAllRead' | 'snooze'>;
  timeZone: string;
  /** Opens the notification's task (the bell reads the notification). */
  onOpenTask?: (taskId: number) => void;
}

export function NotificationsBell({ notifications, timeZone, onOpenTask }: NotificationsBellProps) {
  const { items, unread, error } = notifications;
  const [open, setOpen] = useState(false);
  const [permission, setPermission] = useState(notificationPermission);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const panelRef = useRef<HTMLDivElement>(null);
  const id = useId();

  // Close on outside click.
  useEffect(() => {
    if (!open) return;
    const onDown = (e: MouseEvent) => {
      const t = e.target as Node;
      if (!panelRef.current?.contains(t) && !buttonRef.current?.contains(t)) setOpen(false);
    };
    document.addEventListener('mousedown', onDown);
    return () => document.removeEventListener('mousedown', onDown);
  }, [open]);

  if (items === null || items === undefined) return null;

  // Failures are shown in the panel (notifications.error); the list is reloaded from the server.
  const quietly = (p: Promise<void>) => void p.catch(() => {});
  const openOne = (n: AppNotification) => {
    setOpen(false);
    if (!n.read) quietly(notifications.markRead(n));
    onOpenTask?.(n.taskId);
  };

  return (
    // Escape closes the panel from the bell button too (where focus stays after opening it), not only from inside.
    <div
      className={styles.wrap}
      onKeyDown={(e) => {
        if (e.key === 'Escape' && open) {
          e.stopPropagation();
          setOpen(false);
          buttonRef.current?.focus();
        }
      }}
    >
      <button
        ref={buttonRef}
        type="button"
        className={`btn btn-ghost btn-icon ${styles.button}`}
        aria-label={unread ? `Notifications, ${unread} unread` : 'Notifications'}
        aria-expanded={open}
        aria-controls={`${id}-panel`}
        onClick={() => setOpen((o) => !o)}
      >
        <BellIcon />
        {unread > 0 && (
          <span className={styles.badge} aria-hidden="true">
            {unread > 9 ? '9+' : unread}
          </span>
        )}
      </button>
      <div
        ref={panelRef}
        id={`${id}-panel`}
        className={styles.panel}
        hidden={!open}
        role="region"
        aria-label="Notifications"
      >
        <div className={styles.headingRow}>
          <h2 className={styles.heading}>Reminders</h2>
          {unread > 0 && (
            <button type="button" className="btn btn-sm btn-ghost" onClick={() => quietly(notifications.markAllRead())}>
              Mark all read
            </button>
          )}
        </div>
        {error && <p className="field-error">{error}</p>}
        {permission === 'default' && (
          <div className={styles.permission}>
            <p>Get reminders as desktop notifications too, even when this tab is in the background.</p>
            <button
              type="button"
              className="btn btn-sm"
              onClick={() => {
                void Notification.requestPermission().then(setPermission, () => setPermission(notificationPermission()));
              }}
            >
              Turn on desktop notifications
            </button>
          </div>
        )}
        {items.length === 0 ? (
          <p className={styles.empty}>You’re all caught up.</p>
        ) : (
          <ul className={styles.list}>
            {items.map((n) => (
              <li key={n.id} className={`${styles.item} ${n.read ? '' : styles.unread}`}>
                <button
                  type="button"
                  className={styles.title}
                  aria-label={n.read ? n.title : `${n.title} (unread)`}
                  onClick={() => openOne(n)}
                >
                  {n.title}
                </button>
                <span className={styles.when}>
                  {n.dueAt ? `Due ${formatInstant(n.dueAt, timeZone)}` : `Reminder ${formatInstant(n.remindAt, timeZone)}`}
                </span>
                {!n.read && (
                  <SnoozeChoices
                    timeZone={timeZone}
                    onSnooze={(duration) => quietly(notifications.snooze(n, duration))}
                  />
                )}
              </li>
            ))}
          </ul>
        )}
      </div>
    </div>
  );
}
