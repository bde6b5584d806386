/**
 * The signed-in session: the API token and where it is kept. sessionStorage by default,
 * localStorage with "Remember me". The token is never put in a URL or logged.
 */
const KEY = 'waldur-kc.token';

type Listener = (event: SessionEvent) => void;
export type SessionEvent = { type: 'signed-in' } | { type: 'signed-out' } | { type: 'expired'; reason: string };

const listeners = new Set<Listener>();

function storages(): Storage[] {
  return typeof window === 'undefined' ? [] : [window.sessionStorage, window.localStorage];
}

let memoryToken: string | null = null;

export function getToken(): string | null {
  for (const storage of storages()) {
    const token = storage.getItem(KEY);
    if (token) return token;
  }
  return memoryToken;
}

export function isRemembered(): boolean {
  return typeof window !== 'undefined' && Boolean(window.localStorage.getItem(KEY));
}

export function setToken(token: string, remember: boolean): void {
  clearStoredToken();
  memoryToken = token;
  const storage = storages()[remember ? 1 : 0];
  storage?.setItem(KEY, token);
  emit({ type: 'signed-in' });
}

function clearStoredToken(): void {
  memoryToken = null;
  for (const storage of storages()) storage.removeItem(KEY);
}

export function signOut(): void {
  clearStoredToken();
  emit({ type: 'signed-out' });
}

/** The server refused the token (expired or revoked). */
export function expireSession(reason: string): void {
  if (!getToken()) return;
  clearStoredToken();
  emit({ type: 'expired', reason });
}

export function onSessionChange(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

function emit(event: SessionEvent): void {
  for (const listener of listeners) listener(event);
}
