import type { ResourceGrants } from './queries';
import type { Watch } from './watch-store';

/**
 * Whether the site agent has answered a watch, as far as a read made after the write shows: a grant watch ends once its grant has a report
 * other than `pending` (or is gone); a re-sync watch once any grant of the resource was
 * reported at or after the request.
 */
export function watchAnswered(watch: Watch, resource: ResourceGrants | undefined): boolean {
  // A read from before the write knows nothing of it (the new grant is not in it yet).
  if (!resource || resource.readAt < watch.since) return false;
  if (watch.grantKey !== null) {
    const grant = resource.grants.find((item) => item.key === watch.grantKey);
    if (!grant) return true;
    return grant.sync.kind === 'reported' && grant.sync.state !== 'pending';
  }
  return resource.grants.some(
    (grant) =>
      grant.sync.kind === 'reported' && grant.sync.reportedAt !== null && new Date(grant.sync.reportedAt).getTime() >= watch.since - 1000,
  );
}
