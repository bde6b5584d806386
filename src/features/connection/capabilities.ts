import { t } from '@lingui/core/macro';

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
  access: AccessModel;
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
  return version ? t`this server runs ${version}` : t`this server did not say which version it runs`;
}

export function offeringKeycloakStatus(version: string | null, probe: Probe): FeatureStatus {
  const running = runs(version);
  if ('failure' in probe) {
    const failure = probe.failure;
    return { state: 'unknown', reason: t`Could not check: ${failure}` };
  }
  const status = probe.status;
  if (probe.status >= 200 && probe.status < 300) return { state: 'available' };
  if (probe.status === 404) {
    if (version && compareVersions(version, '8.0.8') >= 0) {
      return { state: 'missing', reason: t`Offering Keycloak groups were removed in Waldur 8.0.8; ${running}.` };
    }
    if (version && compareVersions(version, '8.0.4') < 0) {
      return { state: 'missing', reason: t`Offering Keycloak groups arrived in Waldur 8.0.4; ${running}.` };
    }
    return {
      state: 'missing',
      reason: t`This server does not offer Offering Keycloak groups (HTTP 404 on /api/offering-keycloak-groups/); ${running}.`,
    };
  }
  return { state: 'unknown', reason: t`Could not check: the server answered HTTP ${status}.` };
}

export function rancherKeycloakStatus(version: string | null, probe: Probe): FeatureStatus {
  const running = runs(version);
  if ('failure' in probe) {
    const failure = probe.failure;
    return { state: 'unknown', reason: t`Could not check: ${failure}` };
  }
  const status = probe.status;
  if (probe.status >= 200 && probe.status < 300) return { state: 'available' };
  if (probe.status === 404) {
    return {
      state: 'missing',
      reason: t`This server does not offer Rancher Keycloak memberships (HTTP 404 on /api/keycloak-user-group-memberships/): the Rancher plugin is not enabled; ${running}.`,
    };
  }
  return { state: 'unknown', reason: t`Could not check: the server answered HTTP ${status}.` };
}

/** Navigation hides only what is known to be missing; "unknown" stays usable. */
export function isUsable(status: FeatureStatus): boolean {
  return status.state !== 'missing';
}

/**
 * How this Waldur grants access (waldur-access-8.1.md section 1): through offering roles on
 * resources and resource projects (8.0.8 and newer; a site agent writes Keycloak), or through
 * offering Keycloak groups that Waldur itself writes (8.0.4 to 8.0.7). Decided from status codes
 * only: the body of an unknown route is Django's, maybe HTML.
 */
export type AccessModel =
  | { kind: 'offering-roles'; reason: string; syncStatus: FeatureStatus }
  | { kind: 'offering-keycloak'; reason: string }
  | { kind: 'none'; reason: string }
  | { kind: 'unknown'; reason: string };

export type AccessProbes = {
  /** GET /api/version/: its status (403 for non-staff up to 8.1.0) and the version it gave. */
  version: Probe;
  /** GET /api/marketplace-offering-roles/?page_size=1 */
  offeringRoles: Probe;
  /** GET /api/offering-keycloak-groups/?page_size=1 */
  offeringGroups: Probe;
  /** OPTIONS /api/marketplace-provider-resources/<hex>/sync_user_roles/ */
  syncUserRoles: Probe;
};

const ok = (probe: Probe): boolean => 'status' in probe && probe.status >= 200 && probe.status < 300;
const is404 = (probe: Probe): boolean => 'status' in probe && probe.status === 404;
const said = (probe: Probe): string => ('failure' in probe ? probe.failure : `HTTP ${probe.status}`);

function versionClause(version: string | null, probe: Probe): string {
  if (version) return t`Waldur says it runs ${version}`;
  if ('status' in probe && probe.status === 403) {
    return t`Waldur tells its version only to staff and support before 8.1.2 (HTTP 403 on /api/version/), so this is 8.1.0 or older`;
  }
  const answer = said(probe);
  return t`Waldur did not say its version (${answer} on /api/version/)`;
}

export function syncStatusFeature(probe: Probe): FeatureStatus {
  const answer = said(probe);
  if (ok(probe)) return { state: 'available' };
  if (is404(probe)) {
    return {
      state: 'missing',
      reason: t`Membership sync status arrived in Waldur 8.1.0 (this server does not know it: HTTP 404): it grants offering roles but cannot report whether Keycloak has them.`,
    };
  }
  return {
    state: 'unknown',
    reason: t`Could not check whether this server reports membership sync status (${answer}).`,
  };
}

export function accessModel(version: string | null, probes: AccessProbes): AccessModel {
  const versionText = versionClause(version, probes.version);
  const rolesAnswer = said(probes.offeringRoles);
  const groupsAnswer = said(probes.offeringGroups);
  const newer = version !== null && compareVersions(version, '8.0.8') >= 0;
  const older = version !== null && compareVersions(version, '8.0.8') < 0;
  if (ok(probes.offeringRoles) || (newer && !is404(probes.offeringRoles))) {
    return {
      kind: 'offering-roles',
      syncStatus: syncStatusFeature(probes.syncUserRoles),
      reason: t`${versionText}, and /api/marketplace-offering-roles/ answered ${rolesAnswer}: offering roles exist since Waldur 8.0.8. Access is a role on a resource or resource project; a site agent writes Keycloak, and Waldur itself no longer talks to Keycloak.`,
    };
  }
  if (ok(probes.offeringGroups) || (older && !is404(probes.offeringGroups))) {
    return {
      kind: 'offering-keycloak',
      reason: t`${versionText}, and /api/offering-keycloak-groups/ answered ${groupsAnswer}: Waldur 8.0.4 to 8.0.7 writes offering Keycloak groups itself.`,
    };
  }
  if (is404(probes.offeringRoles) && is404(probes.offeringGroups)) {
    return {
      kind: 'none',
      reason: t`${versionText}; neither /api/marketplace-offering-roles/ (Waldur 8.0.8+) nor /api/offering-keycloak-groups/ (8.0.4 to 8.0.7) exists here (HTTP 404 on both).`,
    };
  }
  return {
    kind: 'unknown',
    reason: t`Could not tell: ${versionText}; /api/marketplace-offering-roles/ answered ${rolesAnswer} and /api/offering-keycloak-groups/ ${groupsAnswer}.`,
  };
}
