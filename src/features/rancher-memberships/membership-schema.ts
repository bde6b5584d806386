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
  cluster: z.string().check(z.minLength(1, 'Choose a cluster.')),
  project: z.string(),
  role: z.string().check(z.minLength(1, 'Choose a role.')),
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

export type EditPlan =
  | { method: 'PUT'; body: MembershipBody; changed: (keyof MembershipBody)[] }
  | { method: 'PATCH'; body: Partial<MembershipBody>; changed: (keyof MembershipBody)[] };

/**
 * What saving an edit sends: only the changed fields with PATCH, every field with PUT when all
 * of them changed, nothing (null) when nothing did.
 */
export function editPlan(initial: MembershipValues, values: MembershipValues, roleUrl: (uuid: string) => string): EditPlan | null {
  const before = createBody(initial, roleUrl);
  const after = createBody(values, roleUrl);
  const changed = (Object.keys(after) as (keyof MembershipBody)[]).filter((key) =>
    key === 'role' ? initial.role !== values.role : before[key] !== after[key],
  );
  if (changed.length === 0) return null;
  if (changed.length === Object.keys(after).length) return { method: 'PUT', body: after, changed };
  const body: Partial<MembershipBody> = {};
  for (const key of changed) body[key] = after[key];
  return { method: 'PATCH', body, changed };
}
