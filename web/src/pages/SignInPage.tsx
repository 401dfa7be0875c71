import { useRef, useState, type FormEvent } from 'react';
import { ApiError, errorMessage } from '../api/client';
import { useSession } from '../auth/SessionContext';
import { validateEmail, validatePassword } from '../auth/validation';
import { Field } from '../components/Field';
import { Logo } from '../components/Logo';
import { PasswordInput } from '../components/PasswordInput';
import { useDocumentTitle } from '../lib/useDocumentTitle';
import { Link, navigate } from '../router';
import styles from './AuthPage.module.css';

type Errors = Partial<Record<'email' | 'password', string>>;

export function SignInPage() {
  useDocumentTitle('Sign in');
  const { api, signIn, notice } = useSession();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [errors, setErrors] = useState<Errors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [submitting, setSubmitting] = useState(false);
  const emailRef = useRef<HTMLInputElement>(null);
  const passwordRef = useRef<HTMLInputElement>(null);

  const validate = (): Errors => {
    const e: Errors = {};
    const em = validateEmail(email);
    if (em) e.email = em;
    const pw = validatePassword(password, false);
    if (pw) e.password = pw;
    return e;
  };

  const onSubmit = async (ev: FormEvent) => {
    ev.preventDefault();
    setFormError(null);
    const e = validate();
    setErrors(e);
    if (e.email) return emailRef.current?.focus();
    if (e.password) return passwordRef.current?.focus();
    setSubmitting(true);
    try {
      const auth = await api.login({ email: email.trim(), password });
      signIn(auth);
      navigate('/', { replace: true });
    } catch (err) {
      setSubmitting(false);
      if (err instanceof ApiError && err.status === 401) {
        setFormError('Email or password is incorrect.');
        passwordRef.current?.focus();
        return;
      }
      if (err instanceof ApiError) {
        const fe = err.fieldErrors;
        setErrors({ email: fe.email, password: fe.password });
      }
      setFormError(errorMessage(err));
    }
  };

  return (
    <main className={styles.page}>
      <div className={styles.card}>
        <div className={styles.brand}>
          <Logo /> Taskstream
        </div>
        <h1 className={styles.heading}>Sign in</h1>
        <p className={styles.sub}>Welcome back. Pick up where you left off.</p>
        <form className={styles.form} onSubmit={onSubmit} noValidate>
          {notice && !formError && (
            <p className="notice" role="status">
              {notice}
            </p>
          )}
          {formError && (
            <p className="alert" role="alert">
              {formError}
            </p>
          )}
          <Field label="Email" error={errors.email}>
            <input
              ref={emailRef}
              className="input"
              type="email"
              name="email"
              autoComplete="email"
              inputMode="email"
              value={email}
              onChange={(e) => {
                setEmail(e.target.value);
                if (errors.email) setErrors((x) => ({ ...x, email: validateEmail(e.target.value) ?? undefined }));
              }}
            />
          </Field>
          <Field label="Password" error={errors.password}>
            <PasswordInput
              inputRef={passwordRef}
              value={password}
              autoComplete="current-password"
              onChange={(v) => {
                setPassword(v);
                if (errors.password) setErrors((x) => ({ ...x, password: validatePassword(v, false) ?? undefined }));
              }}
            />
          </Field>
          <button type="submit" className={`btn btn-primary ${styles.submit}`} disabled={submitting}>
            {submitting ? 'Signing in…' : 'Sign in'}
          </button>
        </form>
        <p className={styles.switch}>
          New to Taskstream? <Link to="/signup">Create an account</Link>
        </p>
      </div>
    </main>
  );
}
