import { useQueries, useQuery, type UseQueryResult } from '@tanstack/react-query';
import { offeringQueries } from '../../api/shared-queries';
import { hexUuid } from '../../lib/format';
import type { Grant, ProjectScope } from './grants';
import { accessQueries, type ResourceGrants } from './queries';
import type { AccessResource } from './types';

/** Whether the offering asks its agent for sync states (`plugin_options.enable_membership_sync_status`). */
export function reportsSyncStatus(offering: { plugin_options?: unknown } | undefined): boolean {
  const options = offering?.plugin_options;
  return Boolean(options && typeof options === 'object' && (options as Record<string, unknown>).enable_membership_sync_status === true);
}

/** A resource whose grants could not be read: its grants are unknown, never "none". */
export type UnreadResource = { resource: AccessResource; error: unknown };

export type OfferingAccess = {
  /** The offering's resources; undefined until read. */
  resources: AccessResource[] | undefined;
  /** Grants of every resource read so far, in table order. */
  grants: Grant[];
  /** Per resource (32-hex uuid): its grants, once read. */
  byResource: ReadonlyMap<string, ResourceGrants>;
  projects: ProjectScope[];
  /** How many resources' grants are read, of how many. */
  read: number;
  total: number;
  complete: boolean;
  failed: UnreadResource[];
  /** Whether the offering reports sync states at all. */
  reportsSync: boolean | undefined;
  /** Whether this account can read them (staff, support, consumer roles). */
  syncReadable: boolean | undefined;
  /** A failure of the offering's resource list itself: nothing can be shown. */
  error: unknown;
  isFetching: boolean;
  refetch: () => void;
};

/** The per-resource answers joined: recomputed by useQueries only when an answer changed. */
type Joined = {
  answers: (ResourceGrants | undefined)[];
  errors: unknown[];
  grants: Grant[];
  byResource: Map<string, ResourceGrants>;
  projects: ProjectScope[];
  isFetching: boolean;
};

function join(results: UseQueryResult<ResourceGrants>[]): Joined {
  const byResource = new Map<string, ResourceGrants>();
  const grants: Grant[] = [];
  const projects: ProjectScope[] = [];
  for (const result of results) {
    if (!result.data) continue;
    byResource.set(result.data.resourceUuid, result.data);
    // Resources come by name and each one's grants are sorted: the concatenation is in order.
    for (const grant of result.data.grants) grants.push(grant);
    for (const project of result.data.projects) projects.push(project);
  }
  return {
    answers: results.map((result) => result.data),
    errors: results.map((result) => result.error),
    grants,
    byResource,
    projects,
    isFetching: results.some((result) => result.isFetching),
  };
}

/**
 * Every grant of an offering: its resources, then each resource's grants (a query each, so a
 * write re-reads one resource), at most six requests at a time. `watch` names resources read
 * again every few seconds while a report from the agent is awaited.
 */
export function useOfferingAccess(
  offeringUuid: string,
  isStaff: boolean | undefined,
  watch: ReadonlySet<string> = new Set(),
): OfferingAccess {
  const offering = useQuery(offeringQueries.detail(offeringUuid));
  const reportsSync = offering.data ? reportsSyncStatus(offering.data) : undefined;
  const resources = useQuery(accessQueries.resources(offeringUuid));
  const first = resources.data?.[0]?.uuid ?? null;
  const readable = useQuery({
    ...accessQueries.teamMembersReadable(offeringUuid, first, isStaff ?? false),
    enabled: resources.data !== undefined && isStaff !== undefined,
  });
  const ready = resources.data && reportsSync !== undefined && readable.data !== undefined;
  const joined = useQueries({
    queries: ready
      ? resources.data.map((resource) =>
          accessQueries.resourceGrants(offeringUuid, resource, {
            offeringReports: reportsSync,
            teamMembers: readable.data,
            watch: watch.has(hexUuid(resource.uuid ?? '')),
          }),
        )
      : [],
    combine: join,
  });
  const { grants, byResource, projects } = joined;

  const failed: UnreadResource[] = [];
  joined.errors.forEach((error, index) => {
    const resource = resources.data?.[index];
    if (resource && !joined.answers[index] && error) failed.push({ resource, error });
  });
  const total = resources.data?.length ?? 0;
  const read = byResource.size;
  return {
    resources: resources.data,
    grants,
    byResource,
    projects,
    read,
    total,
    complete: Boolean(ready) && read === total,
    failed,
    reportsSync,
    syncReadable: readable.data,
    error: resources.error ?? readable.error ?? offering.error,
    isFetching: resources.isFetching || joined.isFetching,
    refetch: () => {
      void resources.refetch();
    },
  };
}
