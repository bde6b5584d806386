import { useQueries, useQuery, type QueryClient, type UseQueryResult } from '@tanstack/react-query';
import { reportsSyncStatus } from '../../api/membership-sync';
import { offeringQueries } from '../../api/shared-queries';
import { hexUuid } from '../../lib/format';
import { useEffect, useMemo } from 'react';
import type { Grant, ProjectScope } from './grants';
import { watchAnswered } from './watch';
import { endWatch, expireWatches, useWatches } from './watch-store';
import { accessQueries, type ResourceGrants } from './queries';
import type { AccessResource } from './types';

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
export function useOfferingAccess(offeringUuid: string, isStaff: boolean | undefined): OfferingAccess {
  const watches = useWatches();
  const watch = useMemo(() => new Set(watches.map((item) => item.resourceUuid)), [watches]);
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

  // A watch ends when the agent has answered it, or after a while.
  useEffect(() => {
    for (const item of watches) {
      if (watchAnswered(item, byResource.get(item.resourceUuid))) endWatch((other) => other === item);
    }
  }, [watches, byResource]);
  useEffect(() => {
    if (watches.length === 0) return;
    const timer = setInterval(() => expireWatches(), 10_000);
    return () => clearInterval(timer);
  }, [watches.length]);

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

/**
 * The route loader's head start: the offering, its resources and every resource's grants, with
 * the same keys the Access tab reads (so it waits on nothing it did not need). `isStaff` comes
 * from the session (the connection feature's query), which the route resolves.
 */
export async function prefetchOfferingAccess(queryClient: QueryClient, offeringUuid: string, isStaff: Promise<boolean>): Promise<void> {
  const [offering, resources, staff] = await Promise.all([
    queryClient.ensureQueryData(offeringQueries.detail(offeringUuid)),
    queryClient.ensureQueryData(accessQueries.resources(offeringUuid)),
    isStaff,
  ]);
  const teamMembers = await queryClient.ensureQueryData(accessQueries.teamMembersReadable(offeringUuid, resources[0]?.uuid ?? null, staff));
  const offeringReports = reportsSyncStatus(offering);
  for (const resource of resources) {
    void queryClient.prefetchQuery(accessQueries.resourceGrants(offeringUuid, resource, { offeringReports, teamMembers }));
  }
}
