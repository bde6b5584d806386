import { useQuery } from '@tanstack/react-query';
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
  const remoteIds = useRemoteIds(offeringUuid, Boolean(backendId));
  return useLookedUpPresence(offeringUuid, backendId, remoteIds);
}

/** The ids of the offering's remote groups, once `remote_groups` has answered (read when `enabled`). */
export function useRemoteIds(offeringUuid: string, enabled: boolean): ReadonlySet<string> | undefined {
  const remoteGroups = useQuery({ ...keycloakQueries.remoteGroups(offeringUuid), enabled });
  return remoteIdsOf(remoteGroups.data);
}

/** The presence of a linked group given the remote ids, with the members look-up when it needs one. */
export function useLookedUpPresence(offeringUuid: string, backendId: string, remoteIds: ReadonlySet<string> | undefined): RemotePresence {
  const members = useQuery({
    ...keycloakQueries.remoteGroupMembers(offeringUuid, backendId),
    enabled: needsLookup(backendId, remoteIds),
    retry: false,
  });
  return remotePresence({
    backendId,
    remoteIds,
    members: members.data ? { ok: true } : members.error ? { ok: false, error: members.error } : undefined,
  });
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
