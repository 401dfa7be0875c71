// Session persistence in localStorage (token, userId, expiresAt).
import type { AuthResponse } from '../api/types';

export interface Session {
  token: string;
  userId: string;
  /** RFC 3339 instant. */
  expiresAt: string;
}

export const SESSION_KEY = 'taskstream.session';
export const EXPIRED_MESSAGE = 'Your session has expired, please sign in again';

export function sessionFromAuth(auth: AuthResponse): Session {
  return { token: auth.token, userId: String(auth.userId), expiresAt: auth.expiresAt };
}

export function isExpired(s: Session, now: number = Date.now()): boolean {
  const t = Date.parse(s.expiresAt);
  return Number.isFinite(t) && t <= now;
}

/** The stored session, or null. `expired` tells whether one existed but has run out. */
export function loadSession(now: number = Date.now()): { session: Session | null; expired: boolean } {
  let raw: string | null = null;
  try {
    raw = localStorage.getItem(SESSION_KEY);
  } catch {
    return { session: null, expired: false };
  }
  if (!raw) return { session: null, expired: false };
  try {
    const s = JSON.parse(raw) as Partial<Session>;
    if (typeof s.token !== 'string' || !s.token || s.userId == null) {
      clearSession();
      return { session: null, expired: false };
    }
    const session: Session = { token: s.token, userId: String(s.userId), expiresAt: String(s.expiresAt ?? '') };
    if (isExpired(session, now)) {
      clearSession();
      return { session: null, expired: true };
    }
    return { session, expired: false };
  } catch {
    clearSession();
    return { session: null, expired: false };
  }
}

export function saveSession(s: Session): void {
  try {
    localStorage.setItem(SESSION_KEY, JSON.stringify(s));
  } catch {
    /* storage unavailable: the session lasts for this tab only */
  }
}

export function clearSession(): void {
  try {
    localStorage.removeItem(SESSION_KEY);
  } catch {
    /* ignore */
  }
}
