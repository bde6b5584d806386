import { msg } from '@lingui/core/macro';
import { keepPreviousData, queryOptions, type QueryClient } from '@tanstack/react-query';
import { api81, unwrap, unwrapPage } from '../../api/client';
import { dropEarly } from '../../api/early';
import { ApiError } from '../../api/errors';
import { reportsSyncStatus } from '../../api/membership-sync';
import { MAX_PAGE_SIZE, fetchAllPages } from '../../lib/fetch-all-pages';
import { offeringQueries } from '../../api/offering-queries';
import { startProgress } from './access-progress';
import { hexUuid } from '../../lib/format';
import { createLimiter } from '../../lib/limiter';
import { grantsFromScopeUsers, grantsFromTeamMembers, sortGrants, type Grant, type ProjectScope } from './grants';
import type { SyncReport } from './sync-state';
import type { AccessResource, OfferingRole, ResourceProject, ScopeUserRole, TeamMember } from './types';
import { GRANT_READS_AT_ONCE } from './read-limits';

/**
 * Reads of an offering's access on Waldur 8.0.8+ (waldur-access-8.1.md sections 2, 3 and 5).
 * Keys start with 'offering-access' and the offering; mutations invalidate a resource's key.
 */
export const accessKeys = {
  all: (offeringUuid: string) => ['offering-access', offeringUuid] as const,
  roles: (offeringUuid: string) => ['offering-access', offeringUuid, 'roles'] as const,
  resources: (offeringUuid: string) => ['offering-access', offeringUuid, 'resources'] as const,
  grants: (offeringUuid: string) => ['offering-access', offeringUuid, 'grants'] as const,
  resourceGrants: (offeringUuid: string, resourceUuid: string) =>
    ['offering-access', offeringUuid, 'grants', hexUuid(resourceUuid)] as const,
};

const limit = createLimiter(GRANT_READS_AT_ONCE);

/** How a resource's grants are read: its team members (with sync states), or each scope's list_users. */
export type GrantSource = 'team-members' | 'list-users';

/** One resource's grants, and how they were read. */
export type ResourceGrants = {
  resourceUuid: string;
  source: GrantSource;
  grants: Grant[];
  /** Its resource projects, as far as the read shows them (list-users: all; team-members: those with grants). */
  projects: ProjectScope[];
  /** When the read finished (ms): a watch is answered only by a read made after its write. */
  readAt: number;
};

export const SYNC_REFUSED = msg`Waldur shows sync states only in a resource’s team members list, which it opens to staff, support and users with a role in the resource’s project or organization; it answered your account with “not found”.`;

function every<T>(read: (page: number, pageSize: number) => Promise<{ items: T[]; total: number }>): Promise<T[]> {
  return fetchAllPages(read, { pageSize: MAX_PAGE_SIZE, concurrency: 2 }).then((all) => all.items);
}

/** A resource's grants from its team members (section 3): one list, every scope, sync states included. */
async function teamMemberGrants(resource: AccessResource, offeringReports: boolean, signal: AbortSignal): Promise<ResourceGrants> {
  const uuid = hexUuid(resource.uuid ?? '');
  const members: TeamMember[] = await every((page, pageSize) =>
    limit(() =>
      unwrapPage(
        api81.GET('/api/marketplace-resources/{uuid}/team_members/', {
          signal,
          params: { path: { uuid }, query: { page, page_size: pageSize } },
        }),
      ),
    ),
  );
  const grants = sortGrants(grantsFromTeamMembers(resource, members, offeringReports));
  const projects = new Map<string, ProjectScope>();
  for (const grant of grants) {
    if (grant.projectUuid) projects.set(grant.projectUuid, { uuid: grant.projectUuid, name: grant.projectName, resourceUuid: uuid });
  }
  return { resourceUuid: uuid, source: 'team-members', grants, projects: [...projects.values()], readAt: Date.now() };
}

export function everyProject(resourceUuid: string, signal?: AbortSignal): Promise<ResourceProject[]> {
  return every((page, pageSize) =>
    limit(() =>
      unwrapPage(
        api81.GET('/api/marketplace-provider-resource-projects/', {
          signal,
          params: { query: { resource_uuid: hexUuid(resourceUuid), page, page_size: pageSize } },
        }),
      ),
    ),
  );
}

/** A resource's grants from the provider's list_users of the resource and of each of its projects. */
async function scopeGrants(resource: AccessResource, sync: SyncReport, signal: AbortSignal): Promise<ResourceGrants> {
  const uuid = hexUuid(resource.uuid ?? '');
  const [projects, resourceRows] = await Promise.all([
    everyProject(uuid, signal),
    every<ScopeUserRole>((page, pageSize) =>
      limit(() =>
        unwrapPage(
          api81.GET('/api/marketplace-provider-resources/{uuid}/list_users/', {
            signal,
            params: { path: { uuid }, query: { page, page_size: pageSize } },
          }),
        ),
      ),
    ),
  ]);
  const projectRows = await Promise.all(
    projects.map((project) =>
      every<ScopeUserRole>((page, pageSize) =>
        limit(() =>
          unwrapPage(
            api81.GET('/api/marketplace-provider-resource-projects/{uuid}/list_users/', {
              signal,
              params: { path: { uuid: hexUuid(project.uuid) }, query: { page, page_size: pageSize } },
            }),
          ),
        ),
      ),
    ),
  );
  const grants = sortGrants([
    ...grantsFromScopeUsers(resource, null, resourceRows, sync),
    ...projects.flatMap((project, index) => grantsFromScopeUsers(resource, project, projectRows[index] ?? [], sync)),
  ]);
  return {
    resourceUuid: uuid,
    source: 'list-users',
    grants,
    projects: projects.map((project) => ({ uuid: hexUuid(project.uuid), name: project.name, resourceUuid: uuid })),
    readAt: Date.now(),
  };
}

const refused = (error: unknown) => error instanceof ApiError && (error.isNotFound || error.isForbidden);

/**
 * A resource's grants: from its team members where Waldur lets this account read them (staff,
 * support, consumer roles), else from each scope's provider list_users, with sync states
 * unreadable and the reason. `teamMembers: false` skips the first try (known refused).
 */
export async function readResourceGrants(
  resource: AccessResource,
  { offeringReports, teamMembers, signal }: { offeringReports: boolean; teamMembers: boolean; signal: AbortSignal },
): Promise<ResourceGrants> {
  const unreadable: SyncReport = offeringReports ? { kind: 'unreadable', reason: SYNC_REFUSED } : { kind: 'off' };
  if (teamMembers) {
    try {
      return await teamMemberGrants(resource, offeringReports, signal);
    } catch (error) {
      if (!refused(error)) throw error;
    }
  }
  return scopeGrants(resource, unreadable, signal);
}

export const accessQueries = {
  /** Every role of the offering (section 2): any signed-in user may list them. */
  roles: (offeringUuid: string) =>
    queryOptions({
      queryKey: accessKeys.roles(offeringUuid),
      queryFn: ({ signal }): Promise<OfferingRole[]> =>
        every((page, pageSize) =>
          unwrapPage(
            api81.GET('/api/marketplace-offering-roles/', {
              signal,
              params: { query: { offering_uuid: hexUuid(offeringUuid), page, page_size: pageSize } },
            }),
          ),
        ),
      staleTime: 60_000,
    }),

  /** Every resource of the offering, by name (provider view: staff and the offering's provider). */
  resources: (offeringUuid: string) =>
    queryOptions({
      queryKey: accessKeys.resources(offeringUuid),
      queryFn: ({ signal }): Promise<AccessResource[]> =>
        every((page, pageSize) =>
          unwrapPage(
            api81.GET('/api/marketplace-provider-resources/', {
              signal,
              params: { query: { offering_uuid: [hexUuid(offeringUuid)], o: ['name'], page, page_size: pageSize } },
            }),
          ),
        ),
      staleTime: 60_000,
    }),

  /**
   * Whether this account may read team members (and so sync states) of the offering's resources:
   * staff may; for anyone else the first resource is asked once (a provider without consumer
   * roles gets 404, section 3).
   */
  teamMembersReadable: (offeringUuid: string, firstResourceUuid: string | null, isStaff: boolean) =>
    queryOptions({
      queryKey: [...accessKeys.all(offeringUuid), 'team-members-readable', firstResourceUuid, isStaff],
      queryFn: async ({ signal }): Promise<boolean> => {
        if (isStaff || !firstResourceUuid) return true;
        try {
          await unwrap(
            api81.GET('/api/marketplace-resources/{uuid}/team_members/', {
              signal,
              params: { path: { uuid: hexUuid(firstResourceUuid) }, query: { page_size: 1 } },
            }),
          );
          return true;
        } catch (error) {
          if (refused(error)) return false;
          throw error;
        }
      },
      staleTime: 5 * 60_000,
    }),

  /**
   * Every grant of the offering (see readOfferingAccess): one query, so the page renders once
   * when all is read (its progress goes to access-progress.ts), and a write re-reads only its
   * resource into it (refreshResources).
   */
  offeringGrants: (offeringUuid: string, isStaff: boolean) =>
    queryOptions({
      queryKey: [...accessKeys.grants(offeringUuid), { isStaff }],
      queryFn: ({ signal, client }) => readOfferingAccess(client, offeringUuid, isStaff, signal),
      staleTime: 30_000,
      // Maps and per-resource answers are replaced by hand (refreshResources), not compared.
      structuralSharing: false,
    }),

  /** A resource's projects, for the grant form's scope picker. */
  projects: (offeringUuid: string, resourceUuid: string) =>
    queryOptions({
      queryKey: [...accessKeys.all(offeringUuid), 'projects', hexUuid(resourceUuid)],
      queryFn: ({ signal }) => everyProject(resourceUuid, signal),
      enabled: resourceUuid !== '',
      staleTime: 60_000,
    }),

  /** Users matching a search, for the grant form (first 20). */
  userSearch: (text: string) =>
    queryOptions({
      queryKey: ['users', 'search', text],
      queryFn: ({ signal }) =>
        unwrap(api81.GET('/api/users/', { signal, params: { query: { query: text, page_size: 20, o: ['username'] } } })),
      enabled: text.trim().length >= 2,
      placeholderData: keepPreviousData,
      staleTime: 30_000,
    }),
};

/** How often a watched resource is read again while a report from the agent is awaited. */
export const WATCH_INTERVAL_MS = 2_000;

/** A resource whose grants could not be read: its grants are unknown, never "none". */
export type UnreadResource = { resource: AccessResource; error: unknown };

/** Every grant of an offering as read, and how. */
export type OfferingGrants = {
  offeringReports: boolean;
  /** Whether team members (and so sync states) answered this account. */
  teamMembers: boolean;
  resources: AccessResource[];
  /** Per resource (32-hex uuid): its grants, once read. */
  byResource: ReadonlyMap<string, ResourceGrants>;
  failed: UnreadResource[];
};

async function readOfferingAccess(
  client: QueryClient,
  offeringUuid: string,
  isStaff: boolean,
  signal: AbortSignal,
): Promise<OfferingGrants> {
  const [offering, resources] = await Promise.all([
    client.ensureQueryData(offeringQueries.detail(offeringUuid)),
    client.ensureQueryData(accessQueries.resources(offeringUuid)),
  ]);
  const teamMembers = await client.ensureQueryData(accessQueries.teamMembersReadable(offeringUuid, resources[0]?.uuid ?? null, isStaff));
  const offeringReports = reportsSyncStatus(offering);
  const progress = startProgress(offeringUuid, resources.length);
  const byResource = new Map<string, ResourceGrants>();
  const failed: UnreadResource[] = [];
  try {
    await Promise.all(
      resources.map((resource) =>
        readResourceGrants(resource, { offeringReports, teamMembers, signal }).then(
          (answer) => {
            byResource.set(answer.resourceUuid, answer);
            progress.step();
          },
          (error: unknown) => {
            signal.throwIfAborted();
            failed.push({ resource, error });
            progress.step();
          },
        ),
      ),
    );
  } finally {
    progress.end();
    // The boot script's first reads (boot.ts) belong to this read only: any left are stale for the next.
    dropEarly((url) => url.includes('/team_members/'));
  }
  return { offeringReports, teamMembers, resources, byResource, failed };
}

/** Reads some resources again and puts their grants into the offering's (after a write, or while watching). */
export async function refreshResources(client: QueryClient, offeringUuid: string, resourceUuids: readonly string[]): Promise<void> {
  const wanted = new Set(resourceUuids.map(hexUuid));
  const entries = client.getQueriesData<OfferingGrants>({ queryKey: accessKeys.grants(offeringUuid) });
  await Promise.all(
    entries.map(async ([key, data]) => {
      if (!data) return;
      const targets = data.resources.filter((resource) => wanted.has(hexUuid(resource.uuid ?? '')));
      const controller = new AbortController();
      const answers = await Promise.all(
        targets.map((resource) =>
          readResourceGrants(resource, {
            offeringReports: data.offeringReports,
            teamMembers: data.teamMembers,
            signal: controller.signal,
          }).then(
            (answer) => ({ resource, answer, error: null as unknown }),
            (error: unknown) => ({ resource, answer: null, error }),
          ),
        ),
      );
      client.setQueryData<OfferingGrants>(key, (current) => {
        if (!current) return current;
        const byResource = new Map(current.byResource);
        let failed = current.failed.filter((item) => !wanted.has(hexUuid(item.resource.uuid ?? '')));
        for (const { resource, answer, error } of answers) {
          if (answer) byResource.set(answer.resourceUuid, answer);
          else failed = [...failed, { resource, error }];
        }
        return { ...current, byResource, failed };
      });
    }),
  );
}
