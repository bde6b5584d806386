import { i18n } from '@lingui/core';
import { describe, expect, it } from 'vitest';
import { SYNC_WORDS } from './sync-state';
import { STATE_LOOK } from '../../components/state-look';

describe('one vocabulary of states (issue 29, item 18)', () => {
  it('says a grant’s pending, error and in-Keycloak states in the words and colours of a membership’s', () => {
    expect(i18n._(SYNC_WORDS.pending.label)).toBe(i18n._(STATE_LOOK.pending.label));
    expect(SYNC_WORDS.pending.color).toBe(STATE_LOOK.pending.color);
    expect(i18n._(SYNC_WORDS.error.label)).toBe(i18n._(STATE_LOOK.error.label));
    expect(SYNC_WORDS.error.color).toBe(STATE_LOOK.error.color);
    expect(SYNC_WORDS.synced.color).toBe(STATE_LOOK.active.color);
  });
});
