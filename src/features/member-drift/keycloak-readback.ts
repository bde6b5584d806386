import { api, unwrap } from '../../api/client';
import { isRefusedByKeycloak } from '../../api/keycloak-refusal';
import type { RemoteUser } from '../../api/types';
import type { RemoteReadback } from './access-verdicts';

/** The members Keycloak lists for one remote group (through Waldur's remote_group_members). */
export function readRemoteMembers(offeringUuid: string, groupId: string, signal?: AbortSignal): Promise<RemoteUser[]> {
  return unwrap(
    api.GET('/api/offering-keycloak-groups/remote_group_members/', {
      signal,
      params: { query: { offering_uuid: offeringUuid, group_id: groupId } },
    }),
  );
}

/**
 * Reads one remote group again after a change, to see what Keycloak really holds (Waldur's 204
 * does not say: spec section 3). First its members (`remote_group_members`); if Waldur answers
 * that it could not list them (400), Keycloak is asked for the offering's groups
 * (`remote_groups`): when that answers and the group is not among them, asking for its members
 * once more tells a deleted group (it fails again) from a passing failure. Anything else is
 * "could not be read": Keycloak unreachable, a proxy error, a timeout.
 */
export async function readBackRemoteGroup(offeringUuid: string, backendId: string | null | undefined): Promise<RemoteReadback> {
  if (!backendId) return { kind: 'not-linked' };
  const members = async (): Promise<RemoteReadback> => ({
    kind: 'members',
    usernames: (await readRemoteMembers(offeringUuid, backendId)).map((user) => user.username),
  });
  try {
    return await members();
  } catch (error) {
    if (!isRefusedByKeycloak(error)) return { kind: 'unreadable', error };
    let groups: { id: string }[];
    try {
      groups = await unwrap(
        api.GET('/api/offering-keycloak-groups/remote_groups/', { params: { query: { offering_uuid: offeringUuid } } }),
      );
    } catch {
      return { kind: 'unreadable', error };
    }
    if (groups.some((group) => group.id === backendId)) return { kind: 'unreadable', error };
    try {
      return await members();
    } catch (again) {
      return isRefusedByKeycloak(again) ? { kind: 'group-missing' } : { kind: 'unreadable', error: again };
    }
  }
}

/** The remote group a Waldur group is linked to ("" when not linked), read before it changes. */
export async function remoteGroupOf(groupUuid: string): Promise<string> {
  const group = await unwrap(api.GET('/api/offering-keycloak-groups/{uuid}/', { params: { path: { uuid: groupUuid } } }));
  return group.backend_id ?? '';
}
