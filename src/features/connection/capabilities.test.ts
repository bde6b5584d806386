import { describe, expect, it } from 'vitest';
import { accessModel, compareVersions, offeringKeycloakStatus, rancherKeycloakStatus } from './capabilities';

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

describe('access model (waldur-access-8.1.md section 1)', () => {
  const probes = (roles: number, groups: number, sync: number, version = 200) => ({
    version: { status: version },
    offeringRoles: { status: roles },
    offeringGroups: { status: groups },
    syncUserRoles: { status: sync },
  });

  it('takes 8.1.3 with offering roles and the sync feature as the offering-roles model', () => {
    const model = accessModel('8.1.3', probes(200, 404, 200));
    expect(model).toMatchObject({ kind: 'offering-roles', syncStatus: { state: 'available' } });
    expect(model.reason).toContain('Waldur says it runs 8.1.3');
  });

  it('goes on after a 403 on /api/version/ and decides from the offering roles probe', () => {
    const model = accessModel(null, probes(200, 404, 404, 403));
    expect(model.kind).toBe('offering-roles');
    expect(model.reason).toContain('8.1.0 or older');
    expect(model.kind === 'offering-roles' && model.syncStatus).toMatchObject({
      state: 'missing',
      reason: expect.stringContaining('8.1.0'),
    });
  });

  it('keeps 8.0.5 on offering Keycloak groups', () => {
    expect(accessModel('8.0.5', probes(404, 200, 404)).kind).toBe('offering-keycloak');
    expect(accessModel(null, probes(404, 200, 404, 403)).kind).toBe('offering-keycloak');
  });

  it('says when neither model exists, and when it cannot tell', () => {
    expect(accessModel('7.9.0', probes(404, 404, 404)).kind).toBe('none');
    const unknown = accessModel(null, { ...probes(502, 404, 404, 403), offeringRoles: { status: 502 } });
    expect(unknown.kind).toBe('unknown');
    expect(unknown.reason).toContain('HTTP 502');
  });

  it('trusts a version of 8.0.8 or newer when the roles probe failed without a 404', () => {
    expect(accessModel('8.1.3', { ...probes(502, 404, 200), offeringRoles: { failure: 'Could not reach the server.' } }).kind).toBe(
      'offering-roles',
    );
  });
});
