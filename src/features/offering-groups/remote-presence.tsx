import { Badge, Code, Group } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { MISSING_BADGE, needsLookup, remoteIdsOf, remotePresence, type RemotePresence } from '../../api/remote-presence';
import { keycloakQueries } from '../../api/shared-queries';
import { DeferredTooltip } from '../../components/deferred-widget';

/**
 * Whether Keycloak still has a linked group's remote group: from the offering's remote groups
 * (one read, shared), and for a group not among them, its members (a look-up that tells
 * "linked elsewhere in the realm" from "deleted in Keycloak").
 */
export function useRemotePresence(offeringUuid: string, backendId: string): RemotePresence {
  const remoteGroups = useQuery({ ...keycloakQueries.remoteGroups(offeringUuid), enabled: Boolean(backendId) });
  const remoteIds = remoteIdsOf(remoteGroups.data);
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

/** "Linked" (with the remote id), "Linked · missing in Keycloak", or "Not linked". */
export function LinkBadge({ backendId, presence }: { backendId: string; presence: RemotePresence }) {
  if (!backendId)
    return (
      <Badge color="gray" variant="light">
        Not linked
      </Badge>
    );
  return (
    <Group gap={6} wrap={presence === 'missing' ? 'wrap' : 'nowrap'}>
      {presence === 'missing' ? (
        <Badge color="red" variant="light" style={{ flexShrink: 0 }}>
          {MISSING_BADGE}
        </Badge>
      ) : (
        <Badge color="teal" variant="light" style={{ flexShrink: 0 }}>
          Linked
        </Badge>
      )}
      <DeferredTooltip label={backendId}>
        <Code style={{ overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap', maxWidth: 160 }} tabIndex={0}>
          {backendId}
        </Code>
      </DeferredTooltip>
    </Group>
  );
}
