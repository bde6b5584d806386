import { describe, expect, it } from 'vitest';
import { compareVersions, offeringKeycloakStatus, rancherKeycloakStatus } from './capabilities';

describe('server capabilities', () => {
  it('compares versions numerically', () => {
    expect(compareVersions('8.0.10', '8.0.8')).toBe(1);
    expect(compareVersions('8.0.5', '8.0.8')).toBe(-1);
    expect(compareVersions('8.1.0', '8.1.0')).toBe(0);
  });

  it('explains that offering Keycloak groups were removed in 8.0.8', () => {
    expect(offeringKeycloakStatus('8.1.0', { status: 404 })).toEqual({
      state: 'missing',
      reason: 'Offering Keycloak groups were removed in Waldur 8.0.8; this server runs 8.1.0.',
    });
  });

  it('explains that offering Keycloak groups arrived in 8.0.4', () => {
    expect(offeringKeycloakStatus('7.9.0', { status: 404 })).toMatchObject({
      state: 'missing',
      reason: expect.stringContaining('arrived in Waldur 8.0.4'),
    });
  });

  it('treats a 2xx probe as available and a 5xx or network failure as unknown', () => {
    expect(offeringKeycloakStatus('8.0.5', { status: 200 })).toEqual({ state: 'available' });
    expect(offeringKeycloakStatus('8.0.5', { status: 502 }).state).toBe('unknown');
    expect(rancherKeycloakStatus(null, { failure: 'Could not reach the server.' })).toEqual({
      state: 'unknown',
      reason: 'Could not check: Could not reach the server.',
    });
  });

  it('says why Rancher memberships are missing', () => {
    expect(rancherKeycloakStatus('8.0.5', { status: 404 })).toMatchObject({ state: 'missing' });
  });
});
