// Waldur 8.0.x's `waldur_keycloak/client.py` (KeycloakClient over python-keycloak 5.x
// KeycloakAdmin) and the remote-side helpers of `utils.py`, call for call, on the REST-level
// interface. Every method may throw a Keycloak error (isKeycloakError), as the Python does.
import type { GroupRepresentation, RealmAdmin, UserRepresentation } from './admin-api.ts';
import { fetchAll } from './admin-api.ts';
import type { Offering } from '../model/types.ts';

/** A group as python-keycloak hands it to Waldur: one level of `subGroups` filled in. */
export type WaldurGroup = GroupRepresentation & { subGroups?: GroupRepresentation[] };

export class WaldurKeycloakClient {
  constructor(readonly admin: RealmAdmin) {}

  /** python-keycloak `get_group_children(id)` (no full hierarchy): every page of /children. */
  private children(id: string): Promise<GroupRepresentation[]> {
    return fetchAll((q) => this.admin.getChildren(id, q));
  }

  /** python-keycloak `get_groups(query)`: every page, then direct children of each group with subGroupCount. */
  private async getGroups(search?: string): Promise<WaldurGroup[]> {
    const groups: WaldurGroup[] = await fetchAll((q) => this.admin.getGroups(search === undefined ? q : { search, ...q }));
    for (const g of groups) {
      if (g.subGroupCount) g.subGroups = await this.children(g.id);
    }
    return groups;
  }

  /** python-keycloak `get_users(query)` without first/max: every page. */
  private getAllUsers(query: { username?: string; search?: string }): Promise<UserRepresentation[]> {
    return fetchAll((q) => this.admin.getUsers({ ...query, ...q }));
  }

  async findUserByUsername(username: string): Promise<UserRepresentation | null> {
    const users = await this.getAllUsers({ username });
    return users[0] ?? null;
  }

  /** python-keycloak `get_group(id)`: raises on 404; fills direct children when it has some. */
  async getGroup(id: string): Promise<WaldurGroup> {
    const group: WaldurGroup = await this.admin.getGroup(id);
    if (group.subGroupCount) group.subGroups = await this.children(group.id);
    return group;
  }

  /** Returns an existing group with that name among top-level groups and their direct children. */
  async createGroup(name: string, parentId: string | null = null): Promise<{ id: string }> {
    const groups = await this.getGroups(name);
    for (const g of groups) {
      if (g.name === name) return g;
      const sub = (g.subGroups ?? []).find((s) => s.name === name);
      if (sub) return sub;
    }
    return { id: await this.admin.createGroup(name, parentId) };
  }

  async deleteGroup(id: string): Promise<void> {
    await this.getGroup(id);
    await this.admin.deleteGroup(id);
  }

  listGroups(): Promise<WaldurGroup[]> {
    return this.getGroups();
  }

  listGroupMembers(id: string): Promise<UserRepresentation[]> {
    return fetchAll((q) => this.admin.getMembers(id, q));
  }

  /** One request with max=25: at most 25 users, in Keycloak's order. */
  searchUsers(query: string, maxResults = 25): Promise<UserRepresentation[]> {
    return this.admin.getUsers({ search: query, max: maxResults });
  }

  addUserToGroup(userId: string, groupId: string): Promise<void> {
    return this.admin.addUserToGroup(userId, groupId);
  }

  removeUserFromGroup(userId: string, groupId: string): Promise<void> {
    return this.admin.removeUserFromGroup(userId, groupId);
  }
}

// ---- utils.py --------------------------------------------------------------------------------

export function baseGroupName(offering: Offering): string | null {
  const v = offering.pluginOptions.keycloak_base_group;
  return typeof v === 'string' && v !== '' ? v : null;
}

export function offeringGroupName(offering: Offering): string {
  return offering.slug || offering.uuid;
}

function flattenGroups(groups: GroupRepresentation[]): GroupRepresentation[] {
  const out: GroupRepresentation[] = [];
  for (const g of groups) {
    out.push(g);
    out.push(...flattenGroups(g.subGroups ?? []));
  }
  return out;
}

/** `get_offering_groups_from_remote`: base / offering group children, else uuid prefix, else all (as fetched). */
export async function offeringGroupsFromRemote(keycloak: WaldurKeycloakClient, offering: Offering): Promise<GroupRepresentation[]> {
  const all = await keycloak.listGroups();
  const base = baseGroupName(offering);
  const fallback = (): GroupRepresentation[] => {
    const prefixed = all.filter((g) => g.name.startsWith(offering.uuid));
    return prefixed.length > 0 ? prefixed : flattenGroups(all);
  };
  let search: GroupRepresentation[] = all;
  if (base !== null) {
    const baseGroup = all.find((g) => g.name === base);
    if (!baseGroup) return fallback();
    search = baseGroup.subGroups ?? [];
  }
  const offeringGroup = search.find((g) => g.name === offeringGroupName(offering));
  if (offeringGroup) return offeringGroup.subGroups ?? [];
  return fallback();
}

/** `create_keycloak_group_with_hierarchy`: {base}/{offering slug}/{name}, reusing existing groups. */
export async function createGroupWithHierarchy(keycloak: WaldurKeycloakClient, offering: Offering, name: string): Promise<{ id: string }> {
  const base = baseGroupName(offering);
  const parentId = base === null ? null : (await keycloak.createGroup(base, null)).id;
  const offeringGroup = await keycloak.createGroup(offeringGroupName(offering), parentId);
  return keycloak.createGroup(name, offeringGroup.id);
}
