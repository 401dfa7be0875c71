import { render } from '@testing-library/react';
import { vi } from 'vitest';
import { App } from '../App';
import { SessionProvider } from '../auth/SessionContext';
import { SESSION_KEY, type Session } from '../auth/session';
import { ToastProvider } from '../components/Toast';

export const TEST_SESSION: Session = {
  token: 'tok-1',
  userId: 'u1',
  expiresAt: new Date(Date.now() + 3_600_000).toISOString(),
};

/** Render the whole app at `path` with a mocked global fetch (and optionally a stored session). */
export function renderApp(path: string, fetch: typeof globalThis.fetch, session: Session | null = null) {
  vi.stubGlobal('fetch', fetch);
  if (session) localStorage.setItem(SESSION_KEY, JSON.stringify(session));
  window.history.replaceState(null, '', path);
  return render(
    <ToastProvider>
      <SessionProvider>
        <App />
      </SessionProvider>
    </ToastProvider>,
  );
}
