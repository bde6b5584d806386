import { t } from '@lingui/core/macro';
import { z } from 'zod/mini';
import type { RancherCluster, RancherMembershipBody, RoleTemplate } from '../../api/types';
import { personFields } from '../../lib/person-fields';
import { settingsOfRole, type ScopeType } from './queries';

/**
 * The membership form: who (username, email), where (a cluster, optionally one of its projects:
 * the scope type follows) and which role (a role template of that cluster's settings for that
 * scope type). Username and email are checked as in src/lib/person-fields.ts.
 */
export const membershipSchema = z.object({
  ...personFields,
  // Messages as functions: translated when the issue is raised, in the language active then.
  cluster: z.string().check(z.minLength(1, { error: () => t`Choose a cluster.` })),
  project: z.string(),
  role: z.string().check(z.minLength(1, { error: () => t`Choose a role.` })),
});

export type MembershipValues = z.infer<typeof membershipSchema>;

export const MEMBERSHIP_FIELDS = ['username', 'email', 'cluster', 'project', 'role'] as const;

export const emptyMembership: MembershipValues = { username: '', email: '', cluster: '', project: '', role: '' };

export function scopeTypeOf(values: Pick<MembershipValues, 'project'>): ScopeType {
  return values.project ? 'project' : 'cluster';
}

export function scopeUuidOf(values: Pick<MembershipValues, 'cluster' | 'project'>): string {
  return values.project || values.cluster;
}

/** Where the server's `scope_uuid` errors belong: under the project when one is picked. */
export function serverFieldAliases(values: Pick<MembershipValues, 'project'>): Record<string, string> {
  return { scope_uuid: values.project ? 'project' : 'cluster' };
}

/** A role fits a scope when it is a template of the cluster's settings for that scope type. */
export function roleFits(
  role: Pick<RoleTemplate, 'scope_type' | 'settings'> | undefined,
  cluster: Pick<RancherCluster, 'service_settings_uuid'> | undefined,
  scopeType: ScopeType,
): boolean {
  if (!role || !cluster?.service_settings_uuid) return false;
  return role.scope_type === scopeType && settingsOfRole(role) === cluster.service_settings_uuid;
}

/** What create (POST) and edit (PUT) send. */
export type MembershipBody = RancherMembershipBody;

export function createBody(values: MembershipValues, roleUrl: (uuid: string) => string): MembershipBody {
  return {
    username: values.username.trim(),
    email: values.email.trim(),
    scope_uuid: scopeUuidOf(values),
    role: roleUrl(values.role),
  };
}

/**
 * What saving an edit does. Waldur runs its create validation on updates too (spec section 4):
 * a PUT must carry username, email, scope and role (a PATCH without role and scope is a server
 * error), and its duplicate check (username + role) counts the edited membership itself. So:
 * - `put`: a new username (and the email) is sent with PUT, scope and role as they are;
 * - `email-only`: Waldur refuses it as a duplicate; the way that works is to delete the
 *   membership and create it again with the new email (`body` is what is created again).
 * Scope and role are not edited here: a different one is a Move.
 */
export type EditPlan =
  { kind: 'put'; body: MembershipBody; changed: ('username' | 'email')[] } | { kind: 'email-only'; body: MembershipBody };

export function editPlan(initial: MembershipValues, values: MembershipValues, roleUrl: (uuid: string) => string): EditPlan | null {
  const before = createBody(initial, roleUrl);
  const body = createBody({ ...initial, username: values.username, email: values.email }, roleUrl);
  const changed = (['username', 'email'] as const).filter((key) => before[key] !== body[key]);
  if (changed.length === 0) return null;
  if (!changed.includes('username')) return { kind: 'email-only', body };
  return { kind: 'put', body, changed };
}
