import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { ApiClient } from '../api/client';
import type { AuthResponse, Me } from '../api/types';
import { browserTimeZone, isValidTimeZone } from '../lib/dates';
import { navigate } from '../router';
import {
  EXPIRED_MESSAGE,
  SESSION_KEY,
  clearSession,
  loadSession,
  saveSession,
  sessionFromAuth,
  type Session,
} from './session';

interface SessionValue {
  api: ApiClient;
  session: Session | null;
  user: Me | null;
  /** The zone dates are shown in: the account's, else the browser's. */
  timeZone: string;
  /** A message for the sign-in page (e.g. session expired). */
  notice: string | null;
  signIn(auth: AuthResponse): void;
  signOut(notice?: string): void;
  /** Signs out on the server too (the token is revoked there), then here; a failed call still signs out here. */
  logout(notice?: string): Promise<void>;
  setUser(me: Me): void;
  clearNotice(): void;
}

const SessionContext = createContext<SessionValue | null>(null);

// setTimeout fires at once for delays above 2^31-1 ms; re-check at most every 24 days.
const MAX_TIMER = 2_000_000_000;

export function SessionProvider({ children }: { children: ReactNode }) {
  const initial = useMemo(() => loadSession(), []);
  const [session, setSession] = useState<Session | null>(initial.session);
  const [user, setUserState] = useState<Me | null>(null);
  const [notice, setNotice] = useState<string | null>(initial.expired ? EXPIRED_MESSAGE : null);
  const tokenRef = useRef<string | null>(initial.session?.token ?? null);

  const signOut = useCallback((message?: string) => {
    tokenRef.current = null;
    clearSession();
    setSession(null);
    setUserState(null);
    setNotice(message ?? null);
    navigate('/signin', { replace: true });
  }, []);

  const signOutRef = useRef(signOut);
  signOutRef.current = signOut;

  const api = useMemo(
    () =>
      new ApiClient({
        getToken: () => tokenRef.current,
        onUnauthorized: () => {
          if (tokenRef.current) signOutRef.current(EXPIRED_MESSAGE);
        },
      }),
    [],
  );

  const signIn = useCallback((auth: AuthResponse) => {
    const s = sessionFromAuth(auth);
    tokenRef.current = s.token;
    saveSession(s);
    setSession(s);
    setUserState(null);
    setNotice(null);
  }, []);

  // Load the profile for the current session.
  useEffect(() => {
    if (!session) return;
    const ctrl = new AbortController();
    api.me(ctrl.signal).then(
      (me) => setUserState(me),
      () => {
        /* 401 is handled globally; other failures leave the name blank */
      },
    );
    return () => ctrl.abort();
  }, [api, session]);

  // Follow sign-in / sign-out in other tabs.
  useEffect(() => {
    const onStorage = (e: StorageEvent) => {
      if (e.key !== SESSION_KEY && e.key !== null) return;
      const { session: next } = loadSession();
      if (!next) {
        if (tokenRef.current) {
          tokenRef.current = null;
          setSession(null);
          setUserState(null);
          navigate('/signin', { replace: true });
        }
      } else if (next.token !== tokenRef.current) {
        tokenRef.current = next.token;
        setSession(next);
        setNotice(null);
      }
    };
    window.addEventListener('storage', onStorage);
    return () => window.removeEventListener('storage', onStorage);
  }, []);

  // Sign out when the token runs out.
  useEffect(() => {
    if (!session) return;
    const at = Date.parse(session.expiresAt);
    if (!Number.isFinite(at)) return;
    let id: ReturnType<typeof setTimeout>;
    const arm = () => {
      const delay = at - Date.now();
      if (delay <= 0) signOutRef.current(EXPIRED_MESSAGE);
      else id = setTimeout(arm, Math.min(delay, MAX_TIMER));
    };
    arm();
    return () => clearTimeout(id);
  }, [session]);

  const logout = useCallback(
    async (message?: string) => {
      try {
        if (tokenRef.current) await api.logout();
      } catch {
        /* expired or unreachable: forgetting the token here is all that is left to do */
      }
      signOut(message);
    },
    [api, signOut],
  );

  const value = useMemo<SessionValue>(() => {
    const zone = user?.timeZone && isValidTimeZone(user.timeZone) ? user.timeZone : browserTimeZone();
    return {
      api,
      session,
      user,
      timeZone: zone,
      notice,
      signIn,
      signOut,
      logout,
      setUser: setUserState,
      clearNotice: () => setNotice(null),
    };
  }, [api, session, user, notice, signIn, signOut, logout]);

  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionValue {
  const v = useContext(SessionContext);
  if (!v) throw new Error('useSession must be used inside <SessionProvider>');
  return v;
}
