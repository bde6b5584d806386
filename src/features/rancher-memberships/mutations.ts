import { mutationOptions, type QueryClient } from '@tanstack/react-query';
import { api, baseUrl, unwrap } from '../../api/client';
import { ApiError } from '../../api/errors';
import { invalidatesWhen, type KeyFilters } from '../../api/mutation-meta';
import type { RancherMembership, RoleTemplate } from '../../api/types';
import { personName } from '../../lib/person-fields';
import { settleInOrder } from '../../lib/settle-in-order';
import type { MembershipBody } from './membership-schema';
import { rancherKeys, rancherQueries, roleDisplayName, uuidFromUrl } from './queries';

/** Who a selected or deleted membership is, kept across pages for confirmations and results. */
export type MembershipRef = {
  uuid: string;
  username: string;
  fullName: string;
  email: string;
  groupUuid: string;
  groupName: string;
  role: string;
  scopeType: string;
  scopeName: string;
};

/** `roles` (every role template) turns the role's internal name into its display name. */
export function membershipRef(membership: RancherMembership, roles?: readonly RoleTemplate[]): MembershipRef {
  return {
    uuid: membership.uuid,
    username: membership.username,
    fullName: personName(membership),
    email: membership.email,
    groupUuid: uuidFromUrl(membership.group),
    groupName: membership.group_name,
    role: roleDisplayName(membership.group_role, roles),
    scopeType: membership.group_scope_type,
    scopeName: membership.group_scope_name ?? '',
  };
}

/** The role as the hyperlink Waldur's serializer resolves: the one the server sent, else built. */
export function roleUrl(uuid: string, sent?: string): string {
  return sent || `${baseUrl()}/api/rancher-role-templates/${uuid}/`;
}

export function createMembership(body: MembershipBody): Promise<RancherMembership> {
  return unwrap(api.POST('/api/keycloak-user-group-memberships/', { body }));
}

/** An edit: PUT with every field Waldur's validation needs (see `editPlan`). */
export function saveMembership(uuid: string, body: MembershipBody): Promise<RancherMembership> {
  return unwrap(api.PUT('/api/keycloak-user-group-memberships/{uuid}/', { params: { path: { uuid } }, body }));
}

/** Deletes a membership; one that is already gone counts as deleted. */
export async function deleteMembership(uuid: string): Promise<'deleted' | 'gone'> {
  try {
    await unwrap(api.DELETE('/api/keycloak-user-group-memberships/{uuid}/', { params: { path: { uuid } } }));
    return 'deleted';
  } catch (error) {
    if (error instanceof ApiError && error.isNotFound) return 'gone';
    throw error;
  }
}

export type DeleteOutcome =
  { membership: MembershipRef; status: 'deleted' | 'gone' } | { membership: MembershipRef; status: 'failed'; error: unknown };

/** Deletes memberships one after another, reporting each outcome as it happens. */
export function deleteMemberships(
  memberships: readonly MembershipRef[],
  {
    remove = deleteMembership,
    onOutcome,
    signal,
  }: {
    remove?: (uuid: string) => Promise<'deleted' | 'gone'>;
    onOutcome?: (outcome: DeleteOutcome, index: number) => void;
    signal?: AbortSignal;
  } = {},
): Promise<DeleteOutcome[]> {
  return settleInOrder(memberships, (membership) => remove(membership.uuid), {
    outcome: (membership, settled) => ({ membership, ...settled }),
    onOutcome,
    signal,
  });
}

/**
 * After a write: memberships, and groups (creating a membership may create its group).
 * `replaced`: memberships that no longer exist (a move, a remove and add): their own reads are
 * left out, or the open dialog's read of the old one would answer 404 and raise a false "Could
 * not refresh".
 */
export function invalidateMemberships(queryClient: QueryClient, replaced: readonly string[] = []) {
  return Promise.all(membershipsChanged(replaced).map((filters) => queryClient.invalidateQueries(filters)));
}

/**
 * Moving a membership to another scope or role. Waldur stores only username and email on an
 * edit, so a move is a new membership and the end of the old one. Its duplicate check is per
 * username and role, whatever the scope: with the same role the new membership can only be
 * created once the old one is gone ("remove-first"); otherwise it is created first
 * ("add-first"), so a failure half-way leaves the user with both and never with neither.
 */
export type MoveOrder = 'add-first' | 'remove-first';

export function moveOrder(currentRoleUuid: string, targetRoleUuid: string): MoveOrder {
  return currentRoleUuid === targetRoleUuid ? 'remove-first' : 'add-first';
}

export type MoveResult =
  | { status: 'moved'; added: RancherMembership; removed: 'deleted' | 'gone' }
  /** add-first: the new membership exists, the old one could not be deleted. */
  | { status: 'not-removed'; added: RancherMembership; removeError: unknown }
  /** remove-first: the old membership is gone, the new one could not be created. */
  | { status: 'not-added'; removed: 'deleted' | 'gone'; addError: unknown };

/**
 * Runs a move's two steps in `order`. A failure of the first step throws: nothing changed. A
 * failure of the second is returned, since the first step's change is real by then.
 */
export async function moveMembership(
  order: MoveOrder,
  add: () => Promise<RancherMembership>,
  remove: () => Promise<'deleted' | 'gone'>,
): Promise<MoveResult> {
  if (order === 'add-first') {
    const added = await add();
    try {
      return { status: 'moved', added, removed: await remove() };
    } catch (removeError) {
      return { status: 'not-removed', added, removeError };
    }
  }
  const removed = await remove();
  try {
    return { status: 'moved', added: await add(), removed };
  } catch (addError) {
    return { status: 'not-added', removed, addError };
  }
}

/** The Rancher memberships' writes, by key. */
export const rancherMutationKeys = {
  /** Create, edit, move and their retries: one form, one write at a time. */
  form: () => ['rancher-membership-form'] as const,
  delete: () => ['rancher-membership-delete'] as const,
};

/** What any write of a membership makes stale (see `invalidateMemberships`). */
export const membershipsChanged = (replaced: readonly string[] = []): KeyFilters[] => {
  const gone = new Set(replaced.map((uuid) => JSON.stringify(rancherQueries.detail(uuid).queryKey)));
  return [
    { queryKey: rancherKeys.memberships, predicate: (query) => !gone.has(JSON.stringify(query.queryKey)) },
    { queryKey: rancherKeys.groups },
  ];
};

/** What a save sends: a new membership (`uuid` null) or an edit (PUT) of the membership `uuid`. */
export type MembershipSave = { uuid: string | null; body: MembershipBody };

/** A move's data: the new membership's body and the membership it replaces. */
export type MembershipMove = { order: MoveOrder; body: MembershipBody; oldUuid: string };

export const rancherMutations = {
  delete: () =>
    mutationOptions({
      mutationKey: rancherMutationKeys.delete(),
      mutationFn: (membership: MembershipRef) => deleteMembership(membership.uuid),
      meta: { invalidates: membershipsChanged() },
    }),

  /** Creates a membership or edits one; an edit of a membership deleted meanwhile (404) refreshes the lists too. */
  save: <V extends MembershipSave>() =>
    mutationOptions({
      mutationKey: rancherMutationKeys.form(),
      mutationFn: ({ uuid, body }: V) => (uuid ? saveMembership(uuid, body) : createMembership(body)),
      meta: {
        invalidates: invalidatesWhen<RancherMembership, V>(({ error, variables }) =>
          error === null || (variables.uuid !== null && error instanceof ApiError && error.isNotFound) ? membershipsChanged() : [],
        ),
      },
    }),

  /**
   * Moves a membership (see `moveMembership`): a failure of the first step rejects, of the
   * second is a result. The old membership's own reads are left out once it is gone.
   */
  move: () =>
    mutationOptions({
      mutationKey: rancherMutationKeys.form(),
      mutationFn: ({ order, body, oldUuid }: MembershipMove) =>
        moveMembership(
          order,
          () => createMembership(body),
          () => deleteMembership(oldUuid),
        ),
      meta: {
        invalidates: invalidatesWhen<MoveResult, MembershipMove>(({ data, variables }) =>
          data ? membershipsChanged(data.status === 'not-removed' ? [] : [variables.oldUuid]) : [],
        ),
      },
    }),

  /**
   * The second step of a move again, after it failed: delete the old membership when the new one
   * (`added`) exists, else create the new one. Answers with the new membership.
   */
  finishMove: () =>
    mutationOptions({
      mutationKey: rancherMutationKeys.form(),
      mutationFn: async ({ added, body, oldUuid }: Omit<MembershipMove, 'order'> & { added: RancherMembership | null }) => {
        if (!added) return createMembership(body);
        await deleteMembership(oldUuid);
        return added;
      },
      meta: {
        invalidates: invalidatesWhen<RancherMembership, { oldUuid: string }>(({ error, variables }) =>
          error === null ? membershipsChanged([variables.oldUuid]) : [],
        ),
      },
    }),
};
