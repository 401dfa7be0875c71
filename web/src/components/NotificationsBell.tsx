// Reminder notifications: a bell with an unread count and a small popover.
// Renders nothing when the backend has no notifications endpoint yet.
import { useCallback, useEffect, useId, useRef, useState } from 'react';
import { errorMessage, isAbort, type ApiClient } from '../api/client';
import type { AppNotification } from '../api/types';
import { formatInstant } from '../lib/dates';
import { notificationPermission } from '../lib/reminderAlerts';
import { BellIcon } from './icons';
import styles from './NotificationsBell.module.css';

interface NotificationsBellProps {
  api: ApiClient;
  userId: string;
  timeZone: string;
  /** Bump to refetch (e.g. on a stream `notification` event). */
  refreshKey?: number;
  onOpenTask?: (taskId: number) => void;
}

export function NotificationsBell({ api, userId, timeZone, refreshKey = 0, onOpenTask }: NotificationsBellProps) {
  const [items, setItems] = useState<AppNotification[] | null | undefined>(undefined);
  const [open, setOpen] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [permission, setPermission] = useState(notificationPermission);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const panelRef = useRef<HTMLDivElement>(null);
  const id = useId();

  const load = useCallback(
    (signal?: AbortSignal) =>
      api.notifications(userId, signal).then(
        (list) => setItems(list === null ? null : Array.isArray(list) ? list : []),
        (e) => {
          if (!isAbort(e)) setItems((x) => x ?? []);
        },
      ),
    [api, userId],
  );

  useEffect(() => {
    const ctrl = new AbortController();
    void load(ctrl.signal);
    return () => ctrl.abort();
  }, [load, refreshKey]);

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

  const unread = items.filter((n) => !n.read).length;

  const snooze = async (n: AppNotification) => {
    setError(null);
    try {
      await api.snoozeNotification(userId, n.id, 'PT10M');
      setItems((xs) => (xs ?? []).filter((x) => x.id !== n.id));
    } catch (e) {
      setError(errorMessage(e));
    }
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
        <h2 className={styles.heading}>Reminders</h2>
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
                  onClick={() => {
                    setOpen(false);
                    onOpenTask?.(n.taskId);
                  }}
                >
                  {n.title}
                </button>
                <span className={styles.when}>
                  {n.dueAt ? `Due ${formatInstant(n.dueAt, timeZone)}` : `Reminder ${formatInstant(n.remindAt, timeZone)}`}
                </span>
                <button type="button" className="btn btn-sm" onClick={() => snooze(n)}>
                  Snooze 10 min
                </button>
              </li>
            ))}
          </ul>
        )}
      </div>
    </div>
  );
}
