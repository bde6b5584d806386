import { mutationOptions } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client';
import { ApiError } from '../../api/errors';
import { invalidatesWhen } from '../../api/mutation-meta';
import type { OfferingGroup, PullAnswer } from '../../api/types';
import type { AccessVerdict } from '../member-drift/access-verdicts';
import { eachGroup, everyGroupOrThrow, settledOutcomes, someGone, type Outcome } from './group-outcomes';

/** The writes of the groups feature, by key: a group's busy state is what the mutation cache says. */
export const groupMutationKeys = {
  /** Pull members, unlink and delete: the variables are the groups they act on. */
  action: (offeringUuid: string) => ['group-action', offeringUuid] as const,
  link: (offeringUuid: string) => ['group-link', offeringUuid] as const,
};

// A delete's code (its Keycloak read-back and verdicts) loads with its confirmation, not with the table.
export const loadDelete = () => import('./delete-groups');

/** What the link form sends. */
export type LinkValues = { backend_id: string; resource_uuid: string; scope_id: string };

export const groupMutations = {
  /** Pulls each group's members from Keycloak; fails (with every outcome) when one group did not pull. */
  pullMembers: (offeringUuid: string) =>
    mutationOptions<Outcome<PullAnswer>[], Error, OfferingGroup[]>({
      mutationKey: groupMutationKeys.action(offeringUuid),
      mutationFn: async (groups) =>
        everyGroupOrThrow(
          await eachGroup(groups, (group) =>
            unwrap(api.POST('/api/offering-keycloak-groups/{uuid}/pull_members/', { params: { path: { uuid: group.uuid } } })),
          ),
        ),
      meta: {
        invalidates: invalidatesWhen<Outcome<PullAnswer>[], OfferingGroup[]>(({ data, error }) => [
          { offering: offeringUuid, change: 'pulled' },
          ...(someGone(settledOutcomes(data, error)) ? [{ offering: offeringUuid, change: 'groups' as const }] : []),
        ]),
      },
    }),

  /** Unlinks one group from its Keycloak group (the variables hold it alone). */
  unlink: (offeringUuid: string) =>
    mutationOptions<OfferingGroup, Error, OfferingGroup[]>({
      mutationKey: groupMutationKeys.action(offeringUuid),
      mutationFn: ([group]) => {
        if (!group) throw new Error('No group to unlink.');
        return unwrap(
          api.POST('/api/offering-keycloak-groups/{uuid}/set_backend_id/', {
            params: { path: { uuid: group.uuid } },
            // scope_id goes back unchanged: Waldur resets it to "" when it is absent.
            body: { backend_id: null, scope_id: group.scope_id ?? '' },
          }),
        );
      },
      meta: {
        invalidates: invalidatesWhen(({ error }) =>
          error === null || isGone(error) ? [{ offering: offeringUuid, change: 'groups' }] : [],
        ),
      },
    }),

  /** Deletes groups and reads Keycloak again for each; fails (with every outcome) when one could not be deleted. */
  delete: (offeringUuid: string) =>
    mutationOptions<Outcome<AccessVerdict>[], Error, OfferingGroup[]>({
      mutationKey: groupMutationKeys.action(offeringUuid),
      mutationFn: async (groups, { client }) => everyGroupOrThrow(await (await loadDelete()).deleteGroups(client, offeringUuid, groups)),
      // Memberships go with their groups, here and in Keycloak, whatever the outcome of each.
      meta: { invalidates: invalidatesWhen(() => [{ offering: offeringUuid, change: 'members' }]) },
    }),

  /** Links a group to a Keycloak group (and, when changed, a resource and scope ID). */
  link: (offeringUuid: string, group: OfferingGroup) =>
    mutationOptions({
      mutationKey: groupMutationKeys.link(offeringUuid),
      mutationFn: (values: LinkValues) => {
        const resourceChanged = values.resource_uuid !== (group.resource_uuid ?? '');
        return unwrap(
          api.POST('/api/offering-keycloak-groups/{uuid}/set_backend_id/', {
            params: { path: { uuid: group.uuid } },
            // scope_id is always sent: Waldur resets it to "" when it is absent.
            body: {
              backend_id: values.backend_id,
              scope_id: values.scope_id,
              ...(resourceChanged ? { resource_uuid: values.resource_uuid || null } : {}),
            },
          }),
        );
      },
      meta: {
        invalidates: invalidatesWhen(({ error }) =>
          error === null || isGone(error) ? [{ offering: offeringUuid, change: 'groups' }] : [],
        ),
      },
    }),
};

const isGone = (error: unknown) => error instanceof ApiError && error.isNotFound;
