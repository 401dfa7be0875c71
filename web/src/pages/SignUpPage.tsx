import { useMemo, useRef, useState, type FormEvent } from 'react';
import { ApiError, errorMessage } from '../api/client';
import { useSession } from '../auth/SessionContext';
import { validateEmail, validateName, validatePassword } from '../auth/validation';
import { Field } from '../components/Field';
import { Logo } from '../components/Logo';
import { PasswordInput } from '../components/PasswordInput';
import { allTimeZones, browserTimeZone } from '../lib/dates';
import { useDocumentTitle } from '../lib/useDocumentTitle';
import { Link, navigate } from '../router';
import styles from './AuthPage.module.css';

type Key = 'name' | 'email' | 'password' | 'timeZone';
type Errors = Partial<Record<Key, string>>;

export function SignUpPage() {
  useDocumentTitle('Create account');
  const { api, signIn } = useSession();
  const detected = useMemo(() => browserTimeZone(), []);
  const zones = useMemo(() => {
    const all = allTimeZones();
    return all.includes(detected) ? all : [detected, ...all];
  }, [detected]);
  const [name, setName] = useState('');
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [timeZone, setTimeZone] = useState(detected);
  const [errors, setErrors] = useState<Errors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [submitting, setSubmitting] = useState(false);
  const refs = {
    name: useRef<HTMLInputElement>(null),
    email: useRef<HTMLInputElement>(null),
    password: useRef<HTMLInputElement>(null),
    timeZone: useRef<HTMLSelectElement>(null),
  };

  const focusFirst = (e: Errors) => {
    for (const k of ['name', 'email', 'password', 'timeZone'] as const) {
      if (e[k]) {
        refs[k].current?.focus();
        return;
      }
    }
  };

  const onSubmit = async (ev: FormEvent) => {
    ev.preventDefault();
    setFormError(null);
    const e: Errors = {};
    const n = validateName(name);
    if (n) e.name = n;
    const em = validateEmail(email);
    if (em) e.email = em;
    const pw = validatePassword(password, true);
    if (pw) e.password = pw;
    setErrors(e);
    if (Object.keys(e).length) return focusFirst(e);

    setSubmitting(true);
    try {
      const auth = await api.signup({ email: email.trim(), password, name: name.trim(), timeZone });
      signIn(auth);
      navigate('/', { replace: true });
    } catch (err) {
      setSubmitting(false);
      if (err instanceof ApiError && err.status === 409) {
        const fe = { email: err.problem.detail || 'An account with this email already exists.' };
        setErrors(fe);
        setFormError('An account with this email already exists. Sign in instead?');
        refs.email.current?.focus();
        return;
      }
      if (err instanceof ApiError) {
        const fe = err.fieldErrors;
        const next: Errors = { name: fe.name, email: fe.email, password: fe.password, timeZone: fe.timeZone };
        setErrors(next);
        focusFirst(next);
      }
      setFormError(errorMessage(err));
    }
  };

  const recheck = (key: Key, value: string) => {
    if (!errors[key]) return;
    const fn = key === 'name' ? validateName : key === 'email' ? validateEmail : (v: string) => validatePassword(v, true);
    setErrors((x) => ({ ...x, [key]: fn(value) ?? undefined }));
  };

  return (
    <main className={styles.page}>
      <div className={styles.card}>
        <div className={styles.brand}>
          <Logo /> Taskstream
        </div>
        <h1 className={styles.heading}>Create your account</h1>
        <p className={styles.sub}>It takes less than a minute.</p>
        <form className={styles.form} onSubmit={onSubmit} noValidate>
          {formError && (
            <p className="alert" role="alert">
              {formError}
            </p>
          )}
          <Field label="Name" error={errors.name}>
            <input
              ref={refs.name}
              className="input"
              name="name"
              autoComplete="name"
              value={name}
              onChange={(e) => {
                setName(e.target.value);
                recheck('name', e.target.value);
              }}
            />
          </Field>
          <Field label="Email" error={errors.email}>
            <input
              ref={refs.email}
              className="input"
              type="email"
              name="email"
              autoComplete="email"
              inputMode="email"
              value={email}
              onChange={(e) => {
                setEmail(e.target.value);
                recheck('email', e.target.value);
              }}
            />
          </Field>
          <Field label="Password" error={errors.password} hint="At least 8 characters.">
            <PasswordInput
              inputRef={refs.password}
              value={password}
              autoComplete="new-password"
              onChange={(v) => {
                setPassword(v);
                recheck('password', v);
              }}
            />
          </Field>
          <Field
            label="Time zone"
            error={errors.timeZone}
            hint={
              <>
                Detected from your browser: <span className={styles.zone}>{detected}</span>
              </>
            }
          >
            <select
              ref={refs.timeZone}
              className="select"
              name="timeZone"
              value={timeZone}
              onChange={(e) => setTimeZone(e.target.value)}
            >
              {zones.map((z) => (
                <option key={z} value={z}>
                  {z.replace(/_/g, ' ')}
                </option>
              ))}
            </select>
          </Field>
          <button type="submit" className={`btn btn-primary ${styles.submit}`} disabled={submitting}>
            {submitting ? 'Creating account…' : 'Create account'}
          </button>
        </form>
        <p className={styles.switch}>
          Already have an account? <Link to="/signin">Sign in</Link>
        </p>
      </div>
    </main>
  );
}
