import { useCallback, useSyncExternalStore } from 'react';
import { onSessionChange } from '../../api/session';
import { hexUuid } from '../../lib/format';
import { emptyWizard, parseSavedWizard, type WizardState } from './wizard-state';

/**
 * One wizard per offering, outside React: a run keeps writing its results here even while the
 * page is elsewhere (the sign-in round trip), and the wizard shows them when it is back.
 * Saved to sessionStorage under the form-draft prefix, so signing out forgets it (like every
 * draft) while an expired session keeps it.
 */
const PREFIX = 'waldur-kc.draft.import-wizard.';
/** Writing the whole state for every per-group update would be slow for big imports. */
const SAVE_DELAY_MS = 150;

type Listener = () => void;
type Updater = WizardState | ((state: WizardState) => WizardState);

export class WizardStore {
  private state: WizardState;
  private readonly listeners = new Set<Listener>();
  private saveTimer: ReturnType<typeof setTimeout> | null = null;

  constructor(private readonly key: string) {
    this.state = parseSavedWizard(storage()?.getItem(key) ?? null);
  }

  get = (): WizardState => this.state;

  subscribe = (listener: Listener): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  update = (updater: Updater, { saveNow = false }: { saveNow?: boolean } = {}): void => {
    const next = typeof updater === 'function' ? updater(this.state) : updater;
    if (next === this.state) return;
    this.state = next;
    if (saveNow) this.save();
    else this.scheduleSave();
    for (const listener of this.listeners) listener();
  };

  reset = (): void => {
    this.update(emptyWizard(), { saveNow: true });
  };

  /** Forgets the state in memory and in storage (sign-out). */
  forget = (): void => {
    this.state = emptyWizard();
    if (this.saveTimer) clearTimeout(this.saveTimer);
    this.saveTimer = null;
    storage()?.removeItem(this.key);
    for (const listener of this.listeners) listener();
  };

  save = (): void => {
    if (this.saveTimer) clearTimeout(this.saveTimer);
    this.saveTimer = null;
    try {
      storage()?.setItem(this.key, JSON.stringify(this.state));
    } catch {
      // Storage full or unavailable: the wizard still works in this page.
    }
  };

  private scheduleSave(): void {
    if (this.saveTimer) return;
    this.saveTimer = setTimeout(this.save, SAVE_DELAY_MS);
  }
}

function storage(): Storage | null {
  return typeof window === 'undefined' ? null : window.sessionStorage;
}

const stores = new Map<string, WizardStore>();

export function wizardStore(offeringUuid: string): WizardStore {
  const id = hexUuid(offeringUuid);
  let store = stores.get(id);
  if (!store) {
    store = new WizardStore(PREFIX + id);
    stores.set(id, store);
  }
  return store;
}

/** Tests start each case from storage. */
export function dropWizardStores(): void {
  stores.clear();
}

if (typeof window !== 'undefined') {
  // A reload must not lose the last few updates of a run.
  window.addEventListener('pagehide', () => {
    for (const store of stores.values()) store.save();
  });
  onSessionChange((event) => {
    if (event.type === 'signed-out') for (const store of stores.values()) store.forget();
  });
}

export function useWizard(offeringUuid: string): [WizardState, WizardStore['update'], WizardStore] {
  const store = wizardStore(offeringUuid);
  const state = useSyncExternalStore(store.subscribe, store.get, store.get);
  const update = useCallback<WizardStore['update']>((updater, options) => store.update(updater, options), [store]);
  return [state, update, store];
}
