import { useState, type Ref } from 'react';
import styles from './PasswordInput.module.css';

interface PasswordInputProps {
  inputRef?: Ref<HTMLInputElement>;
  value: string;
  onChange: (value: string) => void;
  /** `current-password` or `new-password`, so that password managers fill or offer the right one. */
  autoComplete: 'current-password' | 'new-password';
  name?: string;
  id?: string;
  'aria-invalid'?: boolean;
  'aria-describedby'?: string;
}

/** A password box with a Show/Hide button; as the child of a {@link Field} it receives its id and aria props. */
export function PasswordInput({ inputRef, value, onChange, autoComplete, name = 'password', ...aria }: PasswordInputProps) {
  const [show, setShow] = useState(false);
  return (
    <div className={styles.row}>
      <input
        ref={inputRef}
        className="input"
        type={show ? 'text' : 'password'}
        name={name}
        autoComplete={autoComplete}
        value={value}
        onChange={(e) => onChange(e.target.value)}
        {...aria}
      />
      <button
        type="button"
        className={`btn btn-ghost btn-sm ${styles.reveal}`}
        aria-pressed={show}
        aria-label={show ? 'Hide password' : 'Show password'}
        onClick={() => setShow((s) => !s)}
      >
        {show ? 'Hide' : 'Show'}
      </button>
    </div>
  );
}
