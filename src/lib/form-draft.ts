import { useEffect, useRef } from 'react';
import type { FieldValues, UseFormReturn } from 'react-hook-form';

/**
 * Keeps what the user typed into a form in sessionStorage, so it survives a reload, an expired
 * session (the sign-in round trip) or a failed request. Cleared on successful submit.
 */
const PREFIX = 'waldur-kc.draft.';

export function useFormDraft<T extends FieldValues>(key: string, form: UseFormReturn<T>, enabled = true) {
  const storageKey = PREFIX + key;
  const restored = useRef(false);

  useEffect(() => {
    if (!enabled || restored.current) return;
    restored.current = true;
    const raw = window.sessionStorage.getItem(storageKey);
    if (!raw) return;
    try {
      const saved = JSON.parse(raw) as Partial<T>;
      form.reset({ ...form.getValues(), ...saved }, { keepDefaultValues: true });
    } catch {
      window.sessionStorage.removeItem(storageKey);
    }
  }, [enabled, form, storageKey]);

  useEffect(() => {
    if (!enabled) return;
    const subscription = form.watch((values) => {
      window.sessionStorage.setItem(storageKey, JSON.stringify(values));
    });
    return () => subscription.unsubscribe();
  }, [enabled, form, storageKey]);

  return {
    clear: () => window.sessionStorage.removeItem(storageKey),
  };
}

/**
 * Drafts belong to the user who typed them: the shell records who is signed in, and a sign-in
 * as someone else drops them (and the page they were on) before anything is restored.
 */
const OWNER_KEY = `${PREFIX}owner`;

export function setDraftOwner(userUuid: string): void {
  window.sessionStorage.setItem(OWNER_KEY, userUuid);
}

/** Called at sign-in with who signed in: true when the drafts (if any) were theirs and are kept. */
export function keepDraftsFor(userUuid: string): boolean {
  const owner = window.sessionStorage.getItem(OWNER_KEY);
  if (owner === null || owner === userUuid) {
    setDraftOwner(userUuid);
    return true;
  }
  clearAllDrafts();
  setDraftOwner(userUuid);
  return false;
}

export function clearAllDrafts(): void {
  for (const key of Object.keys(window.sessionStorage)) {
    if (key.startsWith(PREFIX)) window.sessionStorage.removeItem(key);
  }
}
