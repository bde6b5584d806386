import { t } from '@lingui/core/macro';
import { mutationOptions, type QueryClient } from '@tanstack/react-query';
import { invalidatesWhen } from '../../api/mutation-meta';
import { api81, unwrap, unwrapPage } from '../../api/client';
import { ApiError } from '../../api/errors';
import { hexUuid } from '../../lib/format';
import { settleInOrder, type Settled } from '../../lib/settle-in-order';
import { grantKeyOf, grantScope, type Grant, type GrantScope } from './grants';
import { expirationIso, type GrantValues } from './grant-schema';
import { startWatch } from './watch-store';
import { accessKeys, refreshResources } from './queries';
import type { AccessResource, OfferingRole, OfferingRoleBody, ScopeUserRole } from './types';

/**
 * Writes of grants and roles (waldur-access-8.1.md sections 2, 4 and 5.3). Bodies carry UUIDs
 * (a role by name may match another offering's role). Waldur has no "change role": it is a
 * grant of the new role and a revocation of the old one, two requests.
 */

export type GrantBody = { user: string; role: string; expiration_time: string | null };

/** Grants `role` to `user` on a scope; Waldur answers with the expiration it stored. */
export async function addGrant(scope: GrantScope, body: GrantBody): Promise<{ expiration_time: string | null }> {
  const params = { path: { uuid: hexUuid(scope.uuid) } };
  const payload = { user: hexUuid(body.user), role: hexUuid(body.role), expiration_time: body.expiration_time };
  return scope.type === 'resource'
    ? unwrap(api81.POST('/api/marketplace-provider-resources/{uuid}/add_user/', { params, body: payload }))
    : unwrap(api81.POST('/api/marketplace-provider-resource-projects/{uuid}/add_user/', { params, body: payload }));
}

/** The scope's current grants of this user and role (list_users filtered), to check before and after a write. */
export async function currentGrants(scope: GrantScope, userUuid: string, roleUuid: string): Promise<ScopeUserRole[]> {
  const params = { path: { uuid: hexUuid(scope.uuid) }, query: { user: hexUuid(userUuid), role: [hexUuid(roleUuid)], page_size: 50 } };
  const page =
    scope.type === 'resource'
      ? await unwrapPage(api81.GET('/api/marketplace-provider-resources/{uuid}/list_users/', { params }))
      : await unwrapPage(api81.GET('/api/marketplace-provider-resource-projects/{uuid}/list_users/', { params }));
  return page.items;
}

/** Thrown when a grant to change is no longer in Waldur (someone revoked it, or it expired). */
export class GrantGoneError extends Error {
  constructor() {
    super(t`Waldur no longer lists this grant: it was revoked or has expired meanwhile. The list has been refreshed.`);
    this.name = 'GrantGoneError';
  }
}

/**
 * Sets a grant's expiration (null: permanent). update_user without `expiration_time` makes a
 * grant permanent and answers 500 for a grant that is gone (section 4), so the grant is read
 * first and the value is always sent.
 */
export async function updateExpiration(grant: Grant, expirationTime: string | null): Promise<{ expiration_time: string | null }> {
  const scope = grantScope(grant);
  if ((await currentGrants(scope, grant.userUuid, grant.roleUuid)).length === 0) throw new GrantGoneError();
  const params = { path: { uuid: hexUuid(scope.uuid) } };
  const body = { user: hexUuid(grant.userUuid), role: hexUuid(grant.roleUuid), expiration_time: expirationTime };
  return scope.type === 'resource'
    ? unwrap(api81.POST('/api/marketplace-provider-resources/{uuid}/update_user/', { params, body }))
    : unwrap(api81.POST('/api/marketplace-provider-resource-projects/{uuid}/update_user/', { params, body }));
}

/** What Waldur holds after a revocation: nothing (it said 200 and lists no such grant). */
export type Revoked = 'revoked';

/**
 * Revokes a grant. delete_user answers 200 whether or not the grant existed, so the answer
 * proves nothing: the scope is read again, and a grant still listed is a failure.
 */
export async function revokeGrant(grant: Grant): Promise<Revoked> {
  const scope = grantScope(grant);
  const params = { path: { uuid: hexUuid(scope.uuid) } };
  const body = { user: hexUuid(grant.userUuid), role: hexUuid(grant.roleUuid), expiration_time: grant.expirationTime };
  if (scope.type === 'resource') await unwrap(api81.POST('/api/marketplace-provider-resources/{uuid}/delete_user/', { params, body }));
  else await unwrap(api81.POST('/api/marketplace-provider-resource-projects/{uuid}/delete_user/', { params, body }));
  if ((await currentGrants(scope, grant.userUuid, grant.roleUuid)).length > 0) {
    throw new Error(t`Waldur answered that it revoked the grant, but still lists it. Refresh and try again.`);
  }
  return 'revoked';
}

export type RevokeOutcome = { grant: Grant } & Settled<Revoked>;

/** Revokes grants one after another, reporting each outcome as it happens. */
export function revokeGrants(
  grants: readonly Grant[],
  { onOutcome, signal }: { onOutcome?: (outcome: RevokeOutcome, index: number) => void; signal?: AbortSignal } = {},
): Promise<RevokeOutcome[]> {
  return settleInOrder(grants, revokeGrant, { outcome: (grant, settled) => ({ grant, ...settled }), onOutcome, signal });
}

/** A change of role, step by step: the new role granted first, then the old one revoked. */
export type ChangeRoleResult =
  | { status: 'changed' }
  /** The new role could not be granted: nothing changed. */
  | { status: 'not-granted'; error: unknown }
  /** The new role was granted, the old one could not be revoked: the user holds both. */
  | { status: 'not-revoked'; error: unknown };

/**
 * Grant first, so that a failure half-way leaves the user with both roles and never with
 * neither; the revocation is not tried when the grant failed. The new grant keeps the old
 * grant's expiration.
 */
export async function changeRole(grant: Grant, newRoleUuid: string): Promise<ChangeRoleResult> {
  type Step = { name: 'grant' | 'revoke'; run: () => Promise<'done'> };
  const steps: Step[] = [
    {
      name: 'grant',
      run: () =>
        addGrant(grantScope(grant), { user: grant.userUuid, role: newRoleUuid, expiration_time: grant.expirationTime }).then(
          () => 'done' as const,
        ),
    },
    { name: 'revoke', run: () => revokeGrant(grant).then(() => 'done' as const) },
  ];
  const stop = new AbortController();
  const outcomes = await settleInOrder(steps, (step) => step.run(), {
    outcome: (step, settled) => ({ step: step.name, settled }),
    onOutcome: (outcome) => {
      if (outcome.settled.status === 'failed') stop.abort();
    },
    signal: stop.signal,
  });
  const failed = outcomes.find((outcome) => outcome.settled.status === 'failed');
  if (!failed || failed.settled.status !== 'failed') return { status: 'changed' };
  return failed.step === 'grant'
    ? { status: 'not-granted', error: failed.settled.error }
    : { status: 'not-revoked', error: failed.settled.error };
}

/** After grants changed on a resource: its grants read again (the whole offering's when none is named). */
export function invalidateGrants(queryClient: QueryClient, offeringUuid: string, resourceUuid?: string): Promise<void> {
  return resourceUuid
    ? refreshResources(queryClient, offeringUuid, [resourceUuid])
    : queryClient.invalidateQueries({ queryKey: accessKeys.grants(offeringUuid) });
}

export function createRole(offeringUuid: string, body: Omit<OfferingRoleBody, 'offering'>) {
  return unwrap(api81.POST('/api/marketplace-offering-roles/', { body: { ...body, offering: hexUuid(offeringUuid) } }));
}

export function updateRole(roleUuid: string, body: { name: string; description: string }) {
  return unwrap(api81.PATCH('/api/marketplace-offering-roles/{uuid}/', { params: { path: { uuid: hexUuid(roleUuid) } }, body }));
}

/** Deletes a role; Waldur hard-deletes every grant of it with it (section 2). */
export async function deleteRole(roleUuid: string): Promise<'deleted' | 'gone'> {
  try {
    await unwrap(api81.DELETE('/api/marketplace-offering-roles/{uuid}/', { params: { path: { uuid: hexUuid(roleUuid) } } }));
    return 'deleted';
  } catch (error) {
    if (error instanceof ApiError && error.isNotFound) return 'gone';
    throw error;
  }
}

/** Asks the site agent to apply a resource's grants again (section 5.3): the 32-hex uuid, no body. */
export async function requestResync(resourceUuid: string): Promise<void> {
  await unwrap(
    api81.POST('/api/marketplace-provider-resources/{uuid}/sync_user_roles/', { params: { path: { uuid: hexUuid(resourceUuid) } } }),
  );
}

/** What a refused re-sync means, in the user's words (Waldur's order: 403, 409, 429). */
export function resyncRefusal(error: unknown): { title: string; message: string } | null {
  if (!(error instanceof ApiError) || error.kind !== 'http') return null;
  if (error.status === 403 || error.status === 404) {
    return {
      title: t`Waldur refused the re-sync`,
      message: t`Only staff and users who may update the offering (owners of its organization, offering managers) can ask for a re-sync of its resources.`,
    };
  }
  if (error.status === 409) {
    return {
      title: t`Sync status is off for this offering`,
      message: t`Waldur accepts a re-sync only for offerings that report membership sync status (the offering option “Membership sync status”). Grants still reach the agent at its next regular cycle.`,
    };
  }
  if (error.status === 429) {
    return {
      title: t`A re-sync was asked for moments ago`,
      message: t`Waldur takes one re-sync request per resource every 30 seconds, from anyone. The earlier request stands: the agent applies it, and the states below change when it reports. Try again in half a minute if nothing changes.`,
    };
  }
  return null;
}

/** The access feature's writes, by key. */
export const accessMutationKeys = {
  revoke: (offeringUuid: string) => ['grant-revoke', offeringUuid] as const,
  grant: (offeringUuid: string) => ['grant-add', offeringUuid] as const,
  expiration: (offeringUuid: string) => ['grant-expiration', offeringUuid] as const,
  changeRole: (offeringUuid: string) => ['grant-change-role', offeringUuid] as const,
  role: (offeringUuid: string) => ['offering-role', offeringUuid] as const,
  roleDelete: (offeringUuid: string) => ['offering-role-delete', offeringUuid] as const,
  resync: (offeringUuid: string) => ['resync', offeringUuid] as const,
};

/** A change of grants on one resource: its grants are read again, the others are kept. */
export const grantsChanged = (offeringUuid: string, resourceUuid?: string) => [
  { refresh: (client: QueryClient) => invalidateGrants(client, offeringUuid, resourceUuid) },
];

/** The roles list read again, and the grants when a write changed what they show (a renamed or deleted role). */
const rolesChanged = (offeringUuid: string, grantsToo: boolean) => [
  { queryKey: accessKeys.roles(offeringUuid) },
  ...(grantsToo ? grantsChanged(offeringUuid) : []),
];

export const accessMutations = {
  revoke: (offeringUuid: string) =>
    mutationOptions({
      mutationKey: accessMutationKeys.revoke(offeringUuid),
      mutationFn: (grant: Grant) => revokeGrant(grant),
      meta: { invalidates: invalidatesWhen<Revoked, Grant>(({ variables }) => grantsChanged(offeringUuid, variables.resourceUuid)) },
    }),

  /**
   * Grants a role on a resource or one of its projects. Where the offering reports sync states,
   * the resource is watched from Waldur's answer on, before the read-back, so that read counts.
   */
  grant: (offeringUuid: string, reportsSync: boolean) =>
    mutationOptions({
      mutationKey: accessMutationKeys.grant(offeringUuid),
      mutationFn: async (values: GrantValues) => {
        const scope: GrantScope = values.project
          ? { type: 'resource_project', uuid: values.project }
          : { type: 'resource', uuid: values.resource };
        const answer = await addGrant(scope, { user: values.user, role: values.role, expiration_time: expirationIso(values.expiration) });
        if (reportsSync) {
          const grantKey = grantKeyOf(scope.type, scope.uuid, values.user, values.role);
          startWatch({ resourceUuid: values.resource, grantKey, reason: 'grant' });
        }
        return answer;
      },
      meta: {
        invalidates: invalidatesWhen<unknown, GrantValues>(({ error, variables }) =>
          error === null ? grantsChanged(offeringUuid, variables.resource) : [],
        ),
      },
    }),

  /** Sets a grant's expiration (null: permanent); a grant gone meanwhile refreshes its resource too. */
  expiration: (offeringUuid: string) =>
    mutationOptions({
      mutationKey: accessMutationKeys.expiration(offeringUuid),
      // update_user always gets the value: without it Waldur makes the grant permanent.
      mutationFn: ({ grant, expiration }: { grant: Grant; expiration: string | null }) => updateExpiration(grant, expiration),
      meta: {
        invalidates: invalidatesWhen<unknown, { grant: Grant }>(({ error, variables }) =>
          error === null || error instanceof GrantGoneError ? grantsChanged(offeringUuid, variables.grant.resourceUuid) : [],
        ),
      },
    }),

  /**
   * Changes a grant's role (see `changeRole`). The new role not granted rejects with Waldur's
   * refusal (nothing changed); the old one not revoked is a result (the user holds both).
   */
  changeRole: (offeringUuid: string, reportsSync: boolean) =>
    mutationOptions({
      mutationKey: accessMutationKeys.changeRole(offeringUuid),
      mutationFn: async ({ grant, role }: { grant: Grant; role: string }) => {
        const result = await changeRole(grant, role);
        if (result.status === 'not-granted') throw result.error;
        if (reportsSync) {
          const scopeUuid = grant.scopeType === 'resource' ? grant.resourceUuid : grant.projectUuid;
          startWatch({
            resourceUuid: grant.resourceUuid,
            grantKey: grantKeyOf(grant.scopeType, scopeUuid, grant.userUuid, role),
            reason: 'grant',
          });
        }
        return result;
      },
      // Whatever the outcome: a refusal may come from a grant that changed meanwhile.
      meta: {
        invalidates: invalidatesWhen<unknown, { grant: Grant }>(({ variables }) =>
          grantsChanged(offeringUuid, variables.grant.resourceUuid),
        ),
      },
    }),

  /** Creates a role, or edits `role`; a new name shows in the grants too. */
  saveRole: (offeringUuid: string, role: OfferingRole | null) =>
    mutationOptions({
      mutationKey: accessMutationKeys.role(offeringUuid),
      mutationFn: (values: { name: string; description: string; kind: OfferingRoleBody['content_type_input'] }) =>
        role
          ? updateRole(role.uuid, { name: values.name.trim(), description: values.description })
          : createRole(offeringUuid, { name: values.name.trim(), description: values.description, content_type_input: values.kind }),
      meta: {
        invalidates: invalidatesWhen<{ name: string }, unknown>(({ data, error }) =>
          error === null ? rolesChanged(offeringUuid, role !== null && role.name !== data?.name) : [],
        ),
      },
    }),

  /** Deletes a role and, in Waldur, every grant of it. */
  deleteRole: (offeringUuid: string) =>
    mutationOptions({
      mutationKey: accessMutationKeys.roleDelete(offeringUuid),
      mutationFn: (role: OfferingRole) => deleteRole(role.uuid),
      meta: { invalidates: rolesChanged(offeringUuid, true) },
    }),

  /** Asks the site agent to apply a resource's grants again; nothing is read again (the watch does that). */
  resync: (offeringUuid: string) =>
    mutationOptions({
      mutationKey: accessMutationKeys.resync(offeringUuid),
      mutationFn: (resource: AccessResource) => requestResync(resource.uuid ?? ''),
    }),
};
