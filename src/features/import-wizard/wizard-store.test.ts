// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { dropWizardStores, wizardStore } from './wizard-store';

const A = '0b6c2c5e6d1a4a8e9d3c6f1e2a7b9c01';

describe('WizardStore', () => {
  afterEach(() => {
    vi.useRealTimers();
    dropWizardStores();
  });

  it('renderLater: the state changes and is saved at once, its listeners hear of it a task later', async () => {
    vi.useFakeTimers();
    const store = wizardStore(A);
    const heard = vi.fn();
    store.subscribe(heard);
    store.update((current) => ({ ...current, step: 3 }), { saveNow: true, renderLater: true });
    expect(store.get().step).toBe(3);
    expect(JSON.parse(window.sessionStorage.getItem(`waldur-kc.draft.import-wizard.${A}`) ?? '{}')).toMatchObject({ step: 3 });
    expect(heard).not.toHaveBeenCalled();
    await vi.runAllTimersAsync();
    expect(heard).toHaveBeenCalledTimes(1);
  });

  it('an update drawn at once takes along one waiting to be drawn later (heard once, not twice)', async () => {
    vi.useFakeTimers();
    const store = wizardStore(A);
    const seen: number[] = [];
    store.subscribe(() => seen.push(store.get().step));
    store.update((current) => ({ ...current, step: 3 }), { renderLater: true });
    store.update((current) => ({ ...current, visited: 3 }));
    expect(seen).toEqual([3]);
    await vi.runAllTimersAsync();
    expect(seen).toEqual([3]);
  });
});
