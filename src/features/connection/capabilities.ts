/**
 * What this Waldur can do. The offering Keycloak endpoints exist in Waldur 8.0.4 to 8.0.7 and
 * were removed in 8.0.8; the Rancher Keycloak ones exist in all of them. A 404 on the
 * collection means "not on this server", and the UI says why instead of failing.
 */
export type FeatureStatus = { state: 'available' } | { state: 'missing'; reason: string } | { state: 'unknown'; reason: string };

export type Capabilities = {
  version: string | null;
  offeringKeycloak: FeatureStatus;
  rancherKeycloak: FeatureStatus;
};

/** The outcome of probing one collection: an HTTP status, or a failure sentence. */
export type Probe = { status: number } | { failure: string };

export function compareVersions(a: string, b: string): number {
  const pa = a.split(/[.+-]/).map((part) => Number.parseInt(part, 10));
  const pb = b.split(/[.+-]/).map((part) => Number.parseInt(part, 10));
  for (let index = 0; index < 3; index += 1) {
    const x = Number.isFinite(pa[index]) ? (pa[index] as number) : 0;
    const y = Number.isFinite(pb[index]) ? (pb[index] as number) : 0;
    if (x !== y) return x < y ? -1 : 1;
  }
  return 0;
}

function runs(version: string | null): string {
  return version ? `this server runs ${version}` : 'this server did not say which version it runs';
}

export function offeringKeycloakStatus(version: string | null, probe: Probe): FeatureStatus {
  if ('failure' in probe) return { state: 'unknown', reason: `Could not check: ${probe.failure}` };
  if (probe.status >= 200 && probe.status < 300) return { state: 'available' };
  if (probe.status === 404) {
    if (version && compareVersions(version, '8.0.8') >= 0) {
      return { state: 'missing', reason: `Offering Keycloak groups were removed in Waldur 8.0.8; ${runs(version)}.` };
    }
    if (version && compareVersions(version, '8.0.4') < 0) {
      return { state: 'missing', reason: `Offering Keycloak groups arrived in Waldur 8.0.4; ${runs(version)}.` };
    }
    return {
      state: 'missing',
      reason: `This server does not offer Offering Keycloak groups (HTTP 404 on /api/offering-keycloak-groups/); ${runs(version)}.`,
    };
  }
  return { state: 'unknown', reason: `Could not check: the server answered HTTP ${probe.status}.` };
}

export function rancherKeycloakStatus(version: string | null, probe: Probe): FeatureStatus {
  if ('failure' in probe) return { state: 'unknown', reason: `Could not check: ${probe.failure}` };
  if (probe.status >= 200 && probe.status < 300) return { state: 'available' };
  if (probe.status === 404) {
    return {
      state: 'missing',
      reason: `This server does not offer Rancher Keycloak memberships (HTTP 404 on /api/keycloak-user-group-memberships/): the Rancher plugin is not enabled; ${runs(version)}.`,
    };
  }
  return { state: 'unknown', reason: `Could not check: the server answered HTTP ${probe.status}.` };
}

/** Navigation hides only what is known to be missing; "unknown" stays usable. */
export function isUsable(status: FeatureStatus): boolean {
  return status.state !== 'missing';
}
