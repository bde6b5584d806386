import { Trans, useLingui } from '@lingui/react/macro';
import { Badge } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { MISSING_BADGE, UNCHECKED_BADGE, needsLookup, remoteIdsOf, remotePresence, type RemotePresence } from '../../api/remote-presence';
import { remoteGroupQueries } from '../../api/group-queries';
import { DeferredTooltip } from '../../components/deferred/widgets';
import classes from './group-row.module.css';

/**
 * Whether Keycloak still has a linked group's remote group: from the offering's remote groups
 * (one read, shared), and for a group not among them, its members (a look-up that tells
 * "linked elsewhere in the realm" from "deleted in Keycloak").
 */
export function useRemotePresence(offeringUuid: string, backendId: string): RemotePresence {
  return useRemotePresences(offeringUuid, [backendId]).presenceOf(backendId);
}

export type RemotePresences = {
  presenceOf: (backendId: string) => RemotePresence;
  /** Why Keycloak could not be read, when it could not (and nothing read earlier stands in). */
  remoteError: unknown;
  retry: () => void;
};

/**
 * The same for the groups of a page, with two queries for the whole page rather than two in
 * every row (a page of a hundred rows had two hundred observers): the remote groups once, and
 * the members look-ups of the groups missing from them (most pages have none), each still its
 * own cached query, fetched together under one key.
 */
export function useRemotePresences(offeringUuid: string, backendIds: readonly string[]): RemotePresences {
  const remoteGroups = useQuery({ ...remoteGroupQueries.all(offeringUuid), enabled: backendIds.some(Boolean) });
  const remoteIds = remoteIdsOf(remoteGroups.data);
  const lookedUp = [...new Set(backendIds.filter((backendId) => needsLookup(backendId, remoteIds)))].sort();
  const lookups = useQuery({ ...remoteGroupQueries.membersSettled(offeringUuid, lookedUp), enabled: lookedUp.length > 0 });
  const members = new Map(lookedUp.map((backendId, index) => [backendId, lookups.data?.[index]]));
  const remoteFailed = remoteGroups.isError && !remoteGroups.data;
  return {
    presenceOf: (backendId) => remotePresence({ backendId, remoteIds, remoteFailed, members: members.get(backendId) }),
    remoteError: remoteFailed ? remoteGroups.error : null,
    retry: () => void remoteGroups.refetch(),
  };
}

/**
 * "Linked" (with the remote id), "Linked · missing in Keycloak", "Linked · Keycloak not checked"
 * (Keycloak could not be read: yellow, never the healthy colour), or "Not linked".
 */
export function LinkBadge({ backendId, presence }: { backendId: string; presence: RemotePresence }) {
  const { t, i18n } = useLingui();
  if (!backendId)
    return (
      <Badge variant="light" color="gray">
        <Trans>Not linked</Trans>
      </Badge>
    );
  const missing = presence === 'missing';
  const unchecked = presence === 'unchecked';
  // Green only once Keycloak confirmed the remote group; grey while that is not known.
  const color = missing ? 'red' : unchecked ? 'yellow' : presence === 'unknown' ? 'gray' : 'teal';
  return (
    <div className={classes.link} data-missing={missing || undefined}>
      <Badge variant="light" color={color} className={classes.linkBadge}>
        {missing ? i18n._(MISSING_BADGE) : unchecked ? i18n._(UNCHECKED_BADGE) : t`Linked`}
      </Badge>
      <DeferredTooltip label={backendId}>
        <code className={classes.remoteId} dir="ltr" tabIndex={0}>
          {backendId}
        </code>
      </DeferredTooltip>
    </div>
  );
}
