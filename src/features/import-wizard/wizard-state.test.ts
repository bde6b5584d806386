import { describe, expect, it } from 'vitest';
import {
  applyPreselection,
  applyToAll,
  countResults,
  emptyWizard,
  hasUnsentChoices,
  parseSavedWizard,
  pendingIds,
  setSelected,
  type WizardState,
} from './wizard-state';

const info = (id: string) => ({ id, name: `Group ${id}`, path: `/g/${id}` });

describe('wizard state', () => {
  it('selects in order, keeps imported groups, and applies one choice to all', () => {
    let state = setSelected(emptyWizard(), [info('a'), info('b'), info('c')], true);
    state = { ...state, results: { b: { status: 'imported', localGroup: { uuid: 'l', name: 'b' }, pull: null } } };
    state = setSelected(state, [info('a'), info('b')], false);
    expect(state.selected).toEqual(['b', 'c']);
    state = applyToAll(state, { role: 'r', resource: '', scope: '' });
    expect(state.choices).toEqual({ c: { role: 'r', resource: '', scope: '' } });
  });

  it('knows what is left to send, to retry and to resume', () => {
    const state: WizardState = {
      ...setSelected(emptyWizard(), ['a', 'b', 'c', 'd', 'e', 'f'].map(info), true),
      results: {
        a: { status: 'imported', localGroup: { uuid: '1', name: 'a' }, pull: { state: 'done', created: 2, updated: 0, totalRemote: 2 } },
        b: { status: 'imported', localGroup: { uuid: '2', name: 'b' }, pull: { state: 'failed', message: 'x' } },
        c: { status: 'failed', message: 'x', uncertain: true },
        d: { status: 'skipped', reason: 'linked' },
        e: { status: 'not-started', reason: 'expired' },
      },
    };
    expect(pendingIds(state, 'all')).toEqual(['b', 'c', 'e', 'f']);
    expect(pendingIds(state, 'failed')).toEqual(['b', 'c']);
    expect(pendingIds(state, 'remaining')).toEqual(['e', 'f']);
    expect(hasUnsentChoices(state)).toBe(true);
    expect(countResults(state)).toMatchObject({ imported: 2, skipped: 1, failed: 1, notStarted: 1, membersPulled: 2, pullFailed: 1 });
  });

  it('settles a run that was going on when the page went away', () => {
    const saved: WizardState = {
      ...setSelected(emptyWizard(), ['a', 'b', 'c'].map(info), true),
      step: 3,
      visited: 3,
      run: { phase: 'running', startedAt: 1 },
      results: {
        a: { status: 'importing' },
        b: { status: 'waiting' },
        c: { status: 'imported', localGroup: { uuid: '1', name: 'c' }, pull: { state: 'pulling' } },
      },
    };
    const state = parseSavedWizard(JSON.stringify(saved));
    expect(state.run).toMatchObject({ phase: 'finished', stopped: 'interrupted' });
    expect(state.results).toEqual({
      a: { status: 'interrupted' },
      b: { status: 'not-started', reason: 'The import was interrupted.' },
      c: { status: 'imported', localGroup: { uuid: '1', name: 'c' }, pull: { state: 'waiting' } },
    });
    expect(parseSavedWizard('{"version":2}')).toEqual(emptyWizard());
    expect(parseSavedWizard('not json')).toEqual(emptyWizard());
  });

  it('preselects from a link: skips linked and unknown groups and goes to Assign roles', () => {
    const remote = new Map([
      ['a', info('a')],
      ['b', info('b')],
    ]);
    const state = applyPreselection(emptyWizard(), ['a', 'b', 'zzz', 'a'], remote, new Map([['b', 'Local b']]));
    expect(state.selected).toEqual(['a']);
    expect(state.step).toBe(1);
    expect(state.notice).toBe(
      'Already linked to a local group, so not chosen: “Group b”. One group from the link no longer exists in Keycloak.',
    );
  });

  it('starts over when a finished wizard gets a new preselection', () => {
    const finished: WizardState = {
      ...setSelected(emptyWizard(), [info('a')], true),
      results: { a: { status: 'imported', localGroup: { uuid: '1', name: 'a' }, pull: null } },
      run: { phase: 'finished', stopped: null, finishedAt: 1 },
      step: 3,
    };
    const state = applyPreselection(finished, ['b'], new Map([['b', info('b')]]), new Map());
    expect(state.selected).toEqual(['b']);
    expect(state.results).toEqual({});
    expect(state.step).toBe(1);
  });
});
