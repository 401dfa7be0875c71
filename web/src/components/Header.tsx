import type { ReactNode } from 'react';
import { useTheme } from '../lib/theme';
import { Link } from '../router';
import { ChatIcon, MoonIcon, SunIcon } from './icons';
import { Logo } from './Logo';
import styles from './Header.module.css';

interface HeaderProps {
  userName: string | null;
  email?: string | null;
  onSignOut: () => void;
  chatOpen: boolean;
  onToggleChat: () => void;
  /** Slot for the notifications bell. */
  bell?: ReactNode;
}

export function Header({ userName, email, onSignOut, chatOpen, onToggleChat, bell }: HeaderProps) {
  const [theme, toggleTheme] = useTheme();
  const next = theme === 'dark' ? 'light' : 'dark';
  return (
    <header className={styles.header}>
      <a className="sr-only-focusable" href="#main">
        Skip to tasks
      </a>
      <div className={styles.inner}>
        <Link to="/" className={styles.brand} aria-label="Taskstream home">
          <Logo size={26} />
          <span className={styles.name}>Taskstream</span>
        </Link>
        <div className={styles.actions}>
          {bell}
          <button
            type="button"
            className="btn btn-ghost btn-icon"
            aria-label="Assistant"
            aria-expanded={chatOpen}
            aria-controls="assistant-panel"
            onClick={onToggleChat}
          >
            <ChatIcon />
          </button>
          <button
            type="button"
            className="btn btn-ghost btn-icon"
            aria-label={`Switch to ${next} mode`}
            title={`Switch to ${next} mode`}
            onClick={toggleTheme}
          >
            {theme === 'dark' ? <SunIcon /> : <MoonIcon />}
          </button>
          {userName && (
            <span className={styles.user} title={email ?? undefined}>
              <span className={styles.avatar} aria-hidden="true">
                {userName.trim().charAt(0).toUpperCase()}
              </span>
              <span className={styles.userName}>{userName}</span>
            </span>
          )}
          <Link to="/account" className="btn btn-sm btn-ghost">
            Account
          </Link>
          <button type="button" className="btn btn-sm" onClick={onSignOut}>
            Sign out
          </button>
        </div>
      </div>
    </header>
  );
}
