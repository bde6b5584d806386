import { useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { useEffect, useMemo } from 'react';
import { offeringQueries } from '../../api/offering-queries';
import { reportsSyncStatus } from '../../api/membership-sync';
import { hexUuid } from '../../lib/format';
import type { Grant, ProjectScope } from './grants';
import { accessQueries, refreshResources, WATCH_INTERVAL_MS, type ResourceGrants, type UnreadResource } from './queries';
import type { AccessResource } from './types';
import { watchAnswered } from './watch';
import { endWatch, expireWatches, useWatches } from './watch-store';

export type { UnreadResource };

export type OfferingAccess = {
  /** The offering's resources; undefined until read. */
  resources: AccessResource[] | undefined;
  /** Every grant, in table order (resources by name, each one's grants sorted); empty until all are read. */
  grants: Grant[];
  /** Per resource (32-hex uuid): its grants. */
  byResource: ReadonlyMap<string, ResourceGrants>;
  projects: ProjectScope[];
  /** How many resources the offering has. */
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

const NO_RESOURCES = new Map<string, ResourceGrants>();

/**
 * Every grant of an offering (one query: the page renders when all resources are read, with the
 * progress line counting meanwhile). Watched resources (a report from the agent awaited) are
 * read again every few seconds until it comes.
 */
export function useOfferingAccess(offeringUuid: string, isStaff: boolean | undefined): OfferingAccess {
  const queryClient = useQueryClient();
  const offering = useQuery(offeringQueries.detail(offeringUuid));
  const resources = useQuery(accessQueries.resources(offeringUuid));
  const all = useQuery({ ...accessQueries.offeringGrants(offeringUuid, isStaff ?? false), enabled: isStaff !== undefined });
  const data = all.data;

  const { grants, projects } = useMemo(() => {
    const answers = (data?.resources ?? []).flatMap((resource) => {
      const answer = data?.byResource.get(hexUuid(resource.uuid ?? ''));
      return answer ? [answer] : [];
    });
    return {
      grants: answers.flatMap((answer) => answer.grants),
      projects: answers.flatMap((answer) => answer.projects).sort((a, b) => a.name.localeCompare(b.name)),
    };
  }, [data]);

  // Watches: read the watched resources again every few seconds; end a watch once answered.
  const watches = useWatches();
  const byResource = data?.byResource ?? NO_RESOURCES;
  useEffect(() => {
    for (const item of watches) {
      if (watchAnswered(item, byResource.get(item.resourceUuid))) endWatch((other) => other === item);
    }
  }, [watches, byResource]);
  const watched = useMemo(() => [...new Set(watches.map((item) => item.resourceUuid))].sort().join(','), [watches]);
  useEffect(() => {
    if (!watched || !data) return;
    const timer = setInterval(() => {
      expireWatches();
      void refreshResources(queryClient, offeringUuid, watched.split(','));
    }, WATCH_INTERVAL_MS);
    return () => clearInterval(timer);
  }, [watched, queryClient, offeringUuid, data]);

  return {
    resources: data?.resources ?? resources.data,
    grants,
    byResource,
    projects,
    total: (data?.resources ?? resources.data ?? []).length,
    complete: data !== undefined,
    failed: data?.failed ?? [],
    reportsSync: data ? data.offeringReports : offering.data ? reportsSyncStatus(offering.data) : undefined,
    syncReadable: data?.teamMembers,
    error: resources.error ?? offering.error ?? all.error,
    isFetching: all.isFetching,
    refetch: () => {
      void resources.refetch();
      void all.refetch();
    },
  };
}

/**
 * The route loader's head start: the same query the tabs read, started before the route's code
 * has rendered. `isStaff` comes from the session (the connection feature's query).
 */
export async function prefetchOfferingAccess(queryClient: QueryClient, offeringUuid: string, isStaff: Promise<boolean>): Promise<void> {
  // The resources go out beside the session's "who am I", not after it: every grant read waits on them.
  void queryClient.prefetchQuery(accessQueries.resources(offeringUuid));
  await queryClient.prefetchQuery(accessQueries.offeringGrants(offeringUuid, await isStaff));
}
