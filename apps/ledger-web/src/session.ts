import type { Role } from './api';

/** The session: the token and what it may do, in sessionStorage only (gone when the tab closes). */
export interface Session {
  token: string;
  role: Role;
  /** For a household link: the household it opens. */
  householdId?: string;
}

const KEY = 'ledger.session';

export function loadSession(): Session | undefined {
  try {
    const raw = sessionStorage.getItem(KEY);
    return raw ? (JSON.parse(raw) as Session) : undefined;
  } catch {
    return undefined;
  }
}

export function saveSession(session: Session): void {
  sessionStorage.setItem(KEY, JSON.stringify(session));
}

export function clearSession(): void {
  sessionStorage.removeItem(KEY);
}
