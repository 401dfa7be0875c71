// Account settings: sign out (on the server too), the time zone, change the password, export all data, delete the
// account.
import { useId, useMemo, useState, type FormEvent } from 'react';
import { ApiError, errorMessage } from '../api/client';
import { useSession } from '../auth/SessionContext';
import { validatePassword } from '../auth/validation';
import { Dialog } from '../components/Dialog';
import { Field } from '../components/Field';
import { PasswordInput } from '../components/PasswordInput';
import { allTimeZones, canonicalTimeZone } from '../lib/dates';
import { useDocumentTitle } from '../lib/useDocumentTitle';
import { Link } from '../router';
import styles from './AccountPage.module.css';

export const DELETED_MESSAGE = 'Your account and all its data were deleted.';

export function AccountPage() {
  useDocumentTitle('Account');
  const { user, logout } = useSession();
  return (
    <main id="main" className={styles.page}>
      <div className={styles.top}>
        <h1 className={styles.heading}>Account</h1>
        <Link to="/">Back to tasks</Link>
      </div>
      {user && <p>Signed in as {user.email}</p>}
      <section className={styles.section} aria-labelledby="sign-out-heading">
        <h2 id="sign-out-heading">Sign out</h2>
        <p>Ends this session on the server: the token stops working at once, wherever it was copied to.</p>
        <div className={styles.actions}>
          <button type="button" className="btn" onClick={() => void logout()}>
            Sign out
          </button>
        </div>
      </section>
      {user && <TimeZoneSetting current={user.timeZone} />}
      <ChangePassword />
      <ExportData />
      <DeleteAccount />
    </main>
  );
}

type PasswordErrors = Partial<Record<'currentPassword' | 'newPassword', string>>;

function ChangePassword() {
  const { api, signIn } = useSession();
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [errors, setErrors] = useState<PasswordErrors>({});
  const [status, setStatus] = useState<string | null>(null);
  const [formError, setFormError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const onSubmit = async (ev: FormEvent) => {
    ev.preventDefault();
    setStatus(null);
    setFormError(null);
    const e: PasswordErrors = {};
    const c = validatePassword(current, false);
    if (c) e.currentPassword = c;
    const n = validatePassword(next, true);
    if (n) e.newPassword = n;
    setErrors(e);
    if (e.currentPassword || e.newPassword) return;
    setBusy(true);
    try {
      const changed = await api.changePassword({ currentPassword: current, newPassword: next });
      signIn({ userId: changed.userId, token: changed.token, expiresAt: changed.expiresAt });
      setCurrent('');
      setNext('');
      const tokens = changed.apiTokens.length;
      setStatus(
        'Password changed. Your other sessions are signed out.' +
          (tokens > 0 ? ` Your ${tokens} API token${tokens === 1 ? '' : 's'} still work; revoke any you no longer trust.` : ''),
      );
    } catch (err) {
      if (err instanceof ApiError && err.status === 403) setErrors({ currentPassword: 'The current password is wrong.' });
      else if (err instanceof ApiError && Object.keys(err.fieldErrors).length > 0)
        setErrors({ currentPassword: err.fieldErrors.currentPassword, newPassword: err.fieldErrors.newPassword });
      else setFormError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className={styles.section} aria-labelledby="password-heading">
      <h2 id="password-heading">Change password</h2>
      <p>Signs out every other session. Personal API tokens keep working.</p>
      <form className={styles.form} onSubmit={onSubmit} noValidate>
        {status && (
          <p className="notice" role="status">
            {status}
          </p>
        )}
        {formError && (
          <p className="alert" role="alert">
            {formError}
          </p>
        )}
        <Field label="Current password" error={errors.currentPassword}>
          <PasswordInput name="current-password" autoComplete="current-password" value={current} onChange={setCurrent} />
        </Field>
        <Field label="New password" error={errors.newPassword} hint="At least 8 characters.">
          <PasswordInput name="new-password" autoComplete="new-password" value={next} onChange={setNext} />
        </Field>
        <div>
          <button type="submit" className="btn btn-primary" disabled={busy}>
            {busy ? 'Changing…' : 'Change password'}
          </button>
        </div>
      </form>
    </section>
  );
}

/** The zone dates and times are shown and read in, offered by current names (Asia/Kolkata, not Asia/Calcutta). */
function TimeZoneSetting({ current }: { current: string }) {
  const { api, setUser } = useSession();
  const [zone, setZone] = useState(() => canonicalTimeZone(current));
  const zones = useMemo(() => {
    const all = allTimeZones();
    return all.includes(zone) ? all : [zone, ...all];
  }, [zone]);
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);
  const [busy, setBusy] = useState(false);

  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    setSaved(false);
    setBusy(true);
    try {
      setUser(await api.updateMe({ timeZone: zone }));
      setSaved(true);
    } catch (err) {
      setError(err instanceof ApiError ? (err.fieldErrors.timeZone ?? err.userMessage) : errorMessage(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className={styles.section} aria-labelledby="zone-heading">
      <h2 id="zone-heading">Time zone</h2>
      <p>Due dates, reminders and what counts as today follow it.</p>
      <form className={styles.form} onSubmit={onSubmit}>
        <Field label="Time zone" error={error}>
          <select
            className="select"
            value={zone}
            onChange={(e) => {
              setZone(e.target.value);
              setSaved(false);
            }}
          >
            {zones.map((z) => (
              <option key={z} value={z}>
                {z.replace(/_/g, ' ')}
              </option>
            ))}
          </select>
        </Field>
        <div className={styles.actions}>
          <button type="submit" className="btn" disabled={busy || zone === current}>
            {busy ? 'Saving…' : 'Save time zone'}
          </button>
        </div>
        <p role="status" className={saved ? undefined : 'sr-only'}>
          {saved ? 'Time zone saved.' : ''}
        </p>
      </form>
    </section>
  );
}

function ExportData() {
  const { api, session } = useSession();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const onExport = async () => {
    if (!session) return;
    setError(null);
    setBusy(true);
    try {
      const document_ = await api.exportData(session.userId);
      const blob = new Blob([JSON.stringify(document_, null, 2)], { type: 'application/json' });
      const url = URL.createObjectURL(blob);
      const a = document.createElement('a');
      a.href = url;
      a.download = `taskstream-export-${new Date().toISOString().slice(0, 10)}.json`;
      document.body.appendChild(a);
      a.click();
      a.remove();
      setTimeout(() => URL.revokeObjectURL(url), 0);
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className={styles.section} aria-labelledby="export-heading">
      <h2 id="export-heading">Export your data</h2>
      <p>Profile, tasks, history, reminders, notifications, conversations and API token names, as one JSON file.</p>
      {error && (
        <p className="alert" role="alert">
          {error}
        </p>
      )}
      <div className={styles.actions}>
        <button type="button" className="btn" onClick={() => void onExport()} disabled={busy}>
          {busy ? 'Preparing…' : 'Download my data'}
        </button>
      </div>
    </section>
  );
}

function DeleteAccount() {
  const { api, signOut } = useSession();
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const warningId = useId();

  const onRequest = (ev: FormEvent) => {
    ev.preventDefault();
    const e = validatePassword(password, false);
    setError(e);
    if (!e) setConfirming(true);
  };

  const onConfirm = async () => {
    setBusy(true);
    try {
      await api.deleteAccount(password);
      signOut(DELETED_MESSAGE);
    } catch (err) {
      setBusy(false);
      setConfirming(false);
      setError(err instanceof ApiError && err.status === 403 ? 'The password is wrong.' : errorMessage(err));
    }
  };

  return (
    <section className={`${styles.section} ${styles.danger}`} aria-labelledby="delete-heading">
      <h2 id="delete-heading">Delete account</h2>
      <p>Deletes your account and every task, reminder, notification and conversation at once. This cannot be undone.</p>
      <form className={styles.form} onSubmit={onRequest} noValidate>
        <Field label="Password to delete the account" error={error}>
          <PasswordInput name="password" autoComplete="current-password" value={password} onChange={setPassword} />
        </Field>
        <div>
          <button type="submit" className="btn btn-danger">
            Delete account
          </button>
        </div>
      </form>
      <Dialog
        open={confirming}
        title="Delete your account?"
        onClose={() => setConfirming(false)}
        describedBy={warningId}
        footer={
          <>
            <button type="button" className="btn" onClick={() => setConfirming(false)} data-autofocus>
              Cancel
            </button>
            <button type="button" className="btn btn-danger" onClick={() => void onConfirm()} disabled={busy}>
              {busy ? 'Deleting…' : 'Delete forever'}
            </button>
          </>
        }
      >
        <p id={warningId}>Your account and all its data will be deleted now. This cannot be undone.</p>
      </Dialog>
    </section>
  );
}
