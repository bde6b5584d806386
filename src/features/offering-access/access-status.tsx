import { Alert, Group, Loader, Text } from '@mantine/core';
import { pluralize } from '../../lib/format';
import { useAccessProgress } from './access-progress';
import { countBySync } from './grants';
import { SYNC_REFUSED } from './queries';
import { SYNC_WORDS } from './sync-state';
import type { OfferingAccess } from './use-offering-access';

/** How far reading is, then how many grants and, where known, how many of each sync state. */
export function AccessStatus({ offeringUuid, access }: { offeringUuid: string; access: OfferingAccess }) {
  // Only this line follows the read resource by resource (access-progress.ts).
  const progress = useAccessProgress(offeringUuid);
  if (!access.resources) {
    return (
      <Text size="sm" c="dimmed" role="status" aria-live="polite">
        Reading the offering’s resources…
      </Text>
    );
  }
  if (!access.complete) {
    return (
      <Group gap="xs" role="status" aria-live="polite">
        <Loader size="xs" aria-hidden="true" />
        <Text size="sm">
          Reading grants: {(progress?.read ?? 0).toLocaleString()} of {pluralize(progress?.total ?? access.total, 'resource')}
        </Text>
      </Group>
    );
  }
  const counts = countBySync(access.grants);
  const states = access.reportsSync && access.syncReadable;
  return (
    <Text size="sm" role="status" aria-live="polite">
      {pluralize(access.grants.length, 'grant')} on {pluralize(access.total, 'resource')}
      {states
        ? `: ${(['synced', 'pending', 'missing_in_idp', 'error', 'not_reported'] as const)
            .filter((state) => counts[state] > 0)
            .map((state) => `${counts[state].toLocaleString()} ${SYNC_WORDS[state].counted}`)
            .join(', ')}`
        : ''}
    </Text>
  );
}

/**
 * What the sync column can and cannot say here. Waldur does not talk to Keycloak: the states
 * are the site agent's reports, and only a `synced` one says Keycloak has a grant.
 */
export function SyncNote({ reportsSync, syncReadable }: { reportsSync: boolean | undefined; syncReadable: boolean | undefined }) {
  if (reportsSync === undefined) return null;
  if (!reportsSync) {
    return (
      <Alert color="gray" variant="light" role="note" title="This offering does not report sync states">
        <Text size="sm">
          Its option “membership sync status” (enable_membership_sync_status) is off, so the site agent sends no reports. Waldur records the
          grants below; nothing here says whether Keycloak has them.
        </Text>
      </Alert>
    );
  }
  if (syncReadable === false) {
    return (
      <Alert color="gray" variant="light" role="note" title="Sync states are not shown to your account">
        <Text size="sm">{SYNC_REFUSED} The grants below are read from the provider’s side, which carries no sync state.</Text>
      </Alert>
    );
  }
  return (
    <Text size="xs" c="dimmed" maw={820}>
      Sync states are what the offering’s site agent last reported: Waldur itself does not talk to Keycloak. “In Keycloak” means the agent
      reported the grant applied, as of the time shown; “Not reported” means it has said nothing about that grant.
    </Text>
  );
}
