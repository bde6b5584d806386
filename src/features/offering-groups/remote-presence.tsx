import { useQueries, useQuery } from '@tanstack/react-query';
import { MISSING_BADGE, needsLookup, remoteIdsOf, remotePresence, type RemotePresence } from '../../api/remote-presence';
import { keycloakQueries } from '../../api/shared-queries';
import { DeferredTooltip } from '../../components/deferred-widget';
import { PlainBadge } from '../../components/plain-badge';
import classes from './group-row.module.css';

/**
 * Whether Keycloak still has a linked group's remote group: from the offering's remote groups
 * (one read, shared), and for a group not among them, its members (a look-up that tells
 * "linked elsewhere in the realm" from "deleted in Keycloak").
 */
export function useRemotePresence(offeringUuid: string, backendId: string): RemotePresence {
  return useRemotePresences(offeringUuid, [backendId])(backendId);
}

/**
 * The same for the groups of a page, with two hooks for the whole page rather than two queries
 * in every row (a page of a hundred rows had two hundred observers): the remote groups once, and
 * the members look-ups of those missing from them, which most pages have none of.
 */
export function useRemotePresences(offeringUuid: string, backendIds: readonly string[]): (backendId: string) => RemotePresence {
  const remoteGroups = useQuery({ ...keycloakQueries.remoteGroups(offeringUuid), enabled: backendIds.some(Boolean) });
  const remoteIds = remoteIdsOf(remoteGroups.data);
  const lookedUp = [...new Set(backendIds.filter((backendId) => needsLookup(backendId, remoteIds)))];
  const lookups = useQueries({
    queries: lookedUp.map((backendId) => ({ ...keycloakQueries.remoteGroupMembers(offeringUuid, backendId), retry: false })),
  });
  const members = new Map(lookedUp.map((backendId, index) => [backendId, lookups[index]]));
  return (backendId) => {
    const lookup = members.get(backendId);
    return remotePresence({
      backendId,
      remoteIds,
      members: lookup?.data ? { ok: true } : lookup?.error ? { ok: false, error: lookup.error } : undefined,
    });
  };
}

/**
 * "Linked" (with the remote id), "Linked · missing in Keycloak", or "Not linked". It is in every
 * row of the groups table: plain elements with the look of Mantine's Group, Badge and Code
 * (group-row.module.css), which rendered as three Mantine components with their Boxes a row.
 */
export function LinkBadge({ backendId, presence }: { backendId: string; presence: RemotePresence }) {
  if (!backendId) return <PlainBadge color="gray">Not linked</PlainBadge>;
  const missing = presence === 'missing';
  return (
    <div className={classes.link} data-missing={missing || undefined}>
      <PlainBadge color={missing ? 'red' : 'teal'} className={classes.linkBadge}>
        {missing ? MISSING_BADGE : 'Linked'}
      </PlainBadge>
      <DeferredTooltip label={backendId}>
        <code className={classes.remoteId} tabIndex={0}>
          {backendId}
        </code>
      </DeferredTooltip>
    </div>
  );
}
