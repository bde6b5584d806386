import { describe, expect, it } from 'vitest';
import { normaliseHttpError } from '../../api/errors';
import { statusHint } from './sync-status-tab';

const SETTINGS = /Check the Keycloak URL, realm and admin username and password/;

describe('statusHint', () => {
  it('points at the settings when Keycloak refused an offering that has it on, whatever language Waldur answered in', () => {
    const german = normaliseHttpError(400, { error: 'Der Synchronisierungsstatus konnte nicht von Keycloak abgerufen werden.' });
    expect(statusHint(german, true)).toMatch(SETTINGS);
    const english = normaliseHttpError(400, { error: 'Unable to retrieve sync status from Keycloak.' });
    expect(statusHint(english, true)).toMatch(SETTINGS);
  });

  it('does not point at the settings when the integration is off or not known yet, whatever the words say', () => {
    // Waldur's refusal for an offering without Keycloak, in German: nothing in its words decides.
    const notEnabled = normaliseHttpError(400, ['Die Keycloak-Integration ist für dieses Angebot nicht aktiviert.']);
    expect(statusHint(notEnabled, false)).toBeUndefined();
    expect(statusHint(notEnabled, undefined)).toBeUndefined();
    // English words that name Keycloak do not make it a Keycloak failure either.
    expect(statusHint(normaliseHttpError(400, ['Keycloak integration is not enabled for this offering.']), false)).toBeUndefined();
  });

  it('a refused field (the offering itself) is no Keycloak failure; 403 says who may compare', () => {
    expect(statusHint(normaliseHttpError(400, { offering_uuid: 'Angebot nicht gefunden.' }), true)).toBeUndefined();
    expect(statusHint(normaliseHttpError(403, { detail: 'Sie haben keine Berechtigung.' }), true)).toMatch(/Only staff and the owners/);
    expect(statusHint(new Error('Keycloak'), true)).toBeUndefined();
  });
});
