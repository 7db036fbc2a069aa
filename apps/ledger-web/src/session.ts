import type { Role } from './api';

/** The session: the token and who it is, in sessionStorage only (gone when the tab closes). */
export interface Session {
  token: string;
  role: Role;
  /** The user's name (`GET /v1/me`). */
  name?: string;
  /** A clerk's townships. */
  townships?: string[];
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

/** What a role may do in the console (the API decides in the end; this only hides what it would refuse). */
export const may = {
  write: (s: Session) => s.role === 'admin' || s.role === 'clerk',
  import: (s: Session) => s.role === 'admin' || s.role === 'clerk',
  audit: (s: Session) => s.role === 'admin' || s.role === 'auditor',
};
