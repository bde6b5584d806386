import { t } from '@lingui/core/macro';
import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import { api, unwrap, unwrapPage, type Page } from '../../api/client';
import type { KeycloakGroup, RancherCluster, RancherMembership, RancherProject, RoleTemplate } from '../../api/types';
import { fetchAllPages } from '../../lib/fetch-all-pages';
import { fetchPage, type PageReader } from '../../lib/fetch-page';
import { hexUuid, uuidFromUrl } from '../../lib/format';
import { anyFilter, filterQuery, membershipFilterShape, membershipStates, type MembershipState } from '../../lib/list-filters';
import { pagingShape, param, searchSchema, type SearchState } from '../../lib/search-params';

export type { MembershipState };

export const SCOPE_TYPES = ['cluster', 'project'] as const;
export type ScopeType = (typeof SCOPE_TYPES)[number];

// Getters: each read is translated in the language active then (never at module load).
export const SCOPE_TYPE_LABEL: Record<ScopeType, string> = {
  get cluster() {
    return t`Cluster`;
  },
  get project() {
    return t`Project`;
  },
};

/** The scope type inside a sentence ("Member of cluster prod"). */
export const SCOPE_TYPE_WORD: Record<ScopeType, string> = {
  get cluster() {
    return t({ message: 'cluster', context: 'scope type inside a sentence' });
  },
  get project() {
    return t({ message: 'project', context: 'scope type inside a sentence' });
  },
};

/** The page's URL: filters, page, page size, and `add=1` while the "Add membership" form is open. */
export const rancherSearchSchema = searchSchema({
  ...membershipFilterShape,
  first_name: param.string(),
  last_name: param.string(),
  scope_type: param.oneOf(['', ...SCOPE_TYPES], ''),
  scope: param.string(),
  group: param.string(),
  role: param.string(),
  add: param.string(),
  ...pagingShape,
});

export type RancherSearch = SearchState<typeof rancherSearchSchema>;

/** What the server filters on (exact text matches; states combined with "or"). */
export type MembershipFilters = Omit<RancherSearch, 'add' | 'page' | 'page_size' | 'state'> & { state: MembershipState[] };

export const NO_FILTERS: MembershipFilters = {
  username: '',
  email: '',
  first_name: '',
  last_name: '',
  state: [],
  scope_type: '',
  scope: '',
  group: '',
  role: '',
};

const UUID = /^[0-9a-f]{32}$/;

/**
 * A uuid filter from the URL, in Waldur's 32-hex form. Anything else is sent as it is: the
 * server refuses it, and the page offers to clear that filter (dropping it here would list
 * everything while the URL still names a filter).
 */
function uuidFilter(value: string): string {
  const hex = hexUuid(value.trim());
  return UUID.test(hex) ? hex : value.trim();
}

export function membershipFilters(search: RancherSearch): MembershipFilters {
  return {
    username: search.username.trim(),
    email: search.email.trim(),
    first_name: search.first_name.trim(),
    last_name: search.last_name.trim(),
    state: membershipStates(search.state),
    scope_type: search.scope_type,
    scope: uuidFilter(search.scope),
    group: uuidFilter(search.group),
    role: uuidFilter(search.role),
  };
}

export const hasFilters: (filters: MembershipFilters) => boolean = anyFilter;

/** The filters' names on the server, where they are not the URL's. */
export const MEMBERSHIP_SERVER_NAMES = { scope: 'scope_uuid', group: 'group_uuid', role: 'role_uuid' } as const;

/** Pages of the memberships matching the filters. */
export const membershipsPages =
  (filters: MembershipFilters): PageReader<RancherMembership> =>
  (page, pageSize, signal) =>
    unwrapPage(
      api.GET('/api/keycloak-user-group-memberships/', {
        signal,
        params: { query: { ...filterQuery(filters, MEMBERSHIP_SERVER_NAMES), page, page_size: pageSize } },
      }),
    );

const PICKER_STALE = 5 * 60_000;

function everyPage<T>(fetchPage: (page: number, pageSize: number) => Promise<Page<T>>): Promise<T[]> {
  return fetchAllPages(fetchPage).then((result) => result.items);
}

/**
 * Keys: ['keycloak-user-group-memberships', ...] for memberships, ['keycloak-groups', ...] for
 * their groups, ['rancher-clusters'|'rancher-projects'|'rancher-role-templates', ...] for pickers.
 */
/** The key prefixes of Rancher's server state: every query key below starts with one. */
export const rancherKeys = {
  memberships: ['keycloak-user-group-memberships'],
  groups: ['keycloak-groups'],
  clusters: ['rancher-clusters'],
  projects: ['rancher-projects'],
  roleTemplates: ['rancher-role-templates'],
} as const;

export const rancherQueries = {
  list: (filters: MembershipFilters, paging: { page: number; page_size: number }) =>
    queryOptions({
      queryKey: [...rancherKeys.memberships, 'list', filters, paging],
      // A page past the end (its last memberships just deleted) comes back empty with the real total.
      queryFn: ({ signal }) =>
        fetchPage((page, pageSize) => membershipsPages(filters)(page, pageSize, signal), paging.page, paging.page_size),
      placeholderData: keepPreviousData,
    }),

  /** One membership as the server has it now (the edit form checks it still exists). */
  detail: (uuid: string) =>
    queryOptions({
      queryKey: [...rancherKeys.memberships, 'detail', uuid],
      queryFn: ({ signal }) => unwrap(api.GET('/api/keycloak-user-group-memberships/{uuid}/', { signal, params: { path: { uuid } } })),
      staleTime: 0,
      retry: false,
    }),

  /** A membership's group: the only place its scope and role can be read back. */
  group: (uuid: string) =>
    queryOptions({
      queryKey: [...rancherKeys.groups, 'detail', uuid],
      queryFn: ({ signal }): Promise<KeycloakGroup> =>
        unwrap(api.GET('/api/keycloak-groups/{uuid}/', { signal, params: { path: { uuid } } })),
      staleTime: 0,
      retry: false,
    }),

  everyGroup: () =>
    queryOptions({
      queryKey: [...rancherKeys.groups, 'all'],
      queryFn: ({ signal }): Promise<KeycloakGroup[]> =>
        everyPage((page, pageSize) =>
          unwrapPage(api.GET('/api/keycloak-groups/', { signal, params: { query: { page, page_size: pageSize } } })),
        ),
      staleTime: 60_000,
    }),

  clusters: () =>
    queryOptions({
      queryKey: [...rancherKeys.clusters, 'all'],
      queryFn: ({ signal }): Promise<RancherCluster[]> =>
        everyPage((page, pageSize) =>
          unwrapPage(api.GET('/api/rancher-clusters/', { signal, params: { query: { page, page_size: pageSize } } })),
        ),
      staleTime: PICKER_STALE,
    }),

  /** Every project (the filter, and finding the cluster of a project-scoped membership). */
  allProjects: () =>
    queryOptions({
      queryKey: [...rancherKeys.projects, 'all'],
      queryFn: ({ signal }): Promise<RancherProject[]> =>
        everyPage((page, pageSize) =>
          unwrapPage(api.GET('/api/rancher-projects/', { signal, params: { query: { page, page_size: pageSize } } })),
        ),
      staleTime: PICKER_STALE,
    }),

  projects: (clusterUuid: string) =>
    queryOptions({
      queryKey: [...rancherKeys.projects, 'cluster', clusterUuid],
      queryFn: ({ signal }): Promise<RancherProject[]> =>
        everyPage((page, pageSize) =>
          unwrapPage(
            api.GET('/api/rancher-projects/', { signal, params: { query: { cluster_uuid: clusterUuid, page, page_size: pageSize } } }),
          ),
        ),
      staleTime: PICKER_STALE,
      enabled: Boolean(clusterUuid),
    }),

  allRoleTemplates: () =>
    queryOptions({
      queryKey: [...rancherKeys.roleTemplates, 'all'],
      queryFn: ({ signal }): Promise<RoleTemplate[]> =>
        everyPage((page, pageSize) =>
          unwrapPage(api.GET('/api/rancher-role-templates/', { signal, params: { query: { page, page_size: pageSize } } })),
        ),
      staleTime: PICKER_STALE,
    }),

  /** The roles a membership can have: templates of the cluster's service settings, for that scope type. */
  roleTemplates: (settingsUuid: string, scopeType: ScopeType) =>
    queryOptions({
      queryKey: [...rancherKeys.roleTemplates, settingsUuid, scopeType],
      queryFn: ({ signal }): Promise<RoleTemplate[]> =>
        everyPage((page, pageSize) =>
          unwrapPage(
            api.GET('/api/rancher-role-templates/', {
              signal,
              params: { query: { settings_uuid: settingsUuid, scope_type: scopeType, page, page_size: pageSize } },
            }),
          ),
        ),
      staleTime: PICKER_STALE,
      enabled: Boolean(settingsUuid),
    }),
};

export { uuidFromUrl };

export function isScopeType(value: string | null | undefined): value is ScopeType {
  return value === 'cluster' || value === 'project';
}

/** The cluster a project belongs to, read from its `cluster` URL. */
export function clusterOfProject(project: Pick<RancherProject, 'cluster'> | undefined): string {
  return uuidFromUrl(project?.cluster);
}

/** The service settings a role template belongs to. */
export function settingsOfRole(role: Pick<RoleTemplate, 'settings'>): string {
  return uuidFromUrl(role.settings);
}

/** "Cluster Owner", or the internal name when no template with that name is known. */
export function roleDisplayName(roleName: string, templates: readonly Pick<RoleTemplate, 'name' | 'display_name'>[] | undefined): string {
  const names = new Set((templates ?? []).filter((template) => template.name === roleName).map((template) => template.display_name));
  return names.size === 1 ? [...names][0] || roleName : roleName;
}
