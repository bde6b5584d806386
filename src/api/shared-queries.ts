import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import { z } from 'zod';
import { api, unwrap, unwrapPage } from './client';
import type { ProviderResource } from './types';

/**
 * Queries more than one feature needs (the offering, its roles, resources, groups and remote
 * groups). Keys start with the resource and hold every variable the fetch uses; mutations
 * invalidate the narrowest prefix, e.g. ['offering-keycloak-groups', offeringUuid].
 */
export const MAX_PAGE_SIZE = 300;

export const offeringQueries = {
  detail: (offeringUuid: string) =>
    queryOptions({
      queryKey: ['offerings', offeringUuid],
      queryFn: ({ signal }) =>
        unwrap(api.GET('/api/marketplace-provider-offerings/{uuid}/', { signal, params: { path: { uuid: offeringUuid } } })),
      staleTime: 60_000,
    }),

  list: (filters: { name: string; page: number; page_size: number }) =>
    queryOptions({
      queryKey: ['offerings', 'list', filters],
      queryFn: ({ signal }) =>
        unwrapPage(
          api.GET('/api/marketplace-provider-offerings/', {
            signal,
            params: {
              query: {
                name: filters.name || undefined,
                page: filters.page,
                page_size: filters.page_size,
                o: ['name'],
              },
            },
          }),
        ),
      placeholderData: keepPreviousData,
    }),

  roles: (offeringUuid: string) =>
    queryOptions({
      queryKey: ['offering-roles', offeringUuid],
      queryFn: ({ signal }) =>
        unwrap(
          api.GET('/api/marketplace-offering-user-roles/', {
            signal,
            params: { query: { offering_uuid: [offeringUuid], page_size: MAX_PAGE_SIZE } },
          }),
        ),
      staleTime: 5 * 60_000,
    }),

  resources: (offeringUuid: string) =>
    queryOptions({
      queryKey: ['offering-resources', offeringUuid],
      queryFn: ({ signal }) =>
        unwrap(
          api.GET('/api/marketplace-provider-resources/', {
            signal,
            params: { query: { offering_uuid: [offeringUuid], page_size: MAX_PAGE_SIZE } },
          }),
        ),
      staleTime: 5 * 60_000,
    }),
};

export const keycloakQueries = {
  /** Every local group of the offering (for pickers and joins), up to the maximum page. */
  allGroups: (offeringUuid: string) =>
    queryOptions({
      queryKey: ['offering-keycloak-groups', offeringUuid, 'all'],
      queryFn: ({ signal }) =>
        unwrapPage(
          api.GET('/api/offering-keycloak-groups/', {
            signal,
            params: { query: { offering_uuid: offeringUuid, page_size: MAX_PAGE_SIZE } },
          }),
        ),
    }),

  remoteGroups: (offeringUuid: string) =>
    queryOptions({
      queryKey: ['remote-groups', offeringUuid],
      queryFn: ({ signal }) =>
        unwrap(
          api.GET('/api/offering-keycloak-groups/remote_groups/', {
            signal,
            params: { query: { offering_uuid: offeringUuid } },
          }),
        ),
      staleTime: 30_000,
    }),

  remoteGroupMembers: (offeringUuid: string, groupId: string) =>
    queryOptions({
      queryKey: ['remote-group-members', offeringUuid, groupId],
      queryFn: ({ signal }) =>
        unwrap(
          api.GET('/api/offering-keycloak-groups/remote_group_members/', {
            signal,
            params: { query: { offering_uuid: offeringUuid, group_id: groupId } },
          }),
        ),
    }),
};

const scopeSchema = z.object({
  scope_type: z.string().catch(''),
  scope_id: z.string(),
  label: z.string().catch(''),
});

export type AvailableScope = z.infer<typeof scopeSchema>;

/** The scope IDs a resource accepts (`options.keycloak_available_scopes`), ignoring junk. */
export function availableScopes(resource: Pick<ProviderResource, 'options'> | undefined | null): AvailableScope[] {
  const options = resource?.options as { keycloak_available_scopes?: unknown } | null | undefined;
  const raw = options?.keycloak_available_scopes;
  if (!Array.isArray(raw)) return [];
  return raw.flatMap((item) => {
    const parsed = scopeSchema.safeParse(item);
    return parsed.success ? [parsed.data] : [];
  });
}

export function isKeycloakEnabled(offering: { plugin_options?: { keycloak_enabled?: boolean } | null }): boolean {
  return offering.plugin_options?.keycloak_enabled === true;
}
