import { plural } from '@lingui/core/macro';
import { Trans, useLingui } from '@lingui/react/macro';
import { Alert, Group, Loader, Text } from '@mantine/core';
import { formatNumber } from '../../lib/format';
import { useAccessProgress } from './access-progress';
import { countBySync } from './grants';
import { SYNC_REFUSED } from './queries';
import { SYNC_WORDS } from './sync-state';
import type { OfferingAccess } from './use-offering-access';

/** How far reading is, then how many grants and, where known, how many of each sync state. */
export function AccessStatus({ offeringUuid, access }: { offeringUuid: string; access: OfferingAccess }) {
  // Only this line follows the read resource by resource (access-progress.ts).
  const progress = useAccessProgress(offeringUuid);
  const { t, i18n } = useLingui();
  if (!access.resources) {
    return (
      <Text size="sm" c="dimmed" role="status" aria-live="polite">
        <Trans>Reading the offering’s resources…</Trans>
      </Text>
    );
  }
  if (!access.complete) {
    const read = formatNumber(progress?.read ?? 0);
    const total = progress?.total ?? access.total;
    return (
      <Group gap="xs" role="status" aria-live="polite">
        <Loader size="xs" aria-hidden="true" />
        <Text size="sm">{t`Reading grants: ${read} of ${plural(total, { one: '# resource', other: '# resources' })}`}</Text>
      </Group>
    );
  }
  const counts = countBySync(access.grants);
  const states = access.reportsSync && access.syncReadable;
  const grants = access.grants.length;
  const resources = access.total;
  const summary = t`${plural(grants, { one: '# grant', other: '# grants' })} on ${plural(resources, { one: '# resource', other: '# resources' })}`;
  return (
    <Text size="sm" role="status" aria-live="polite">
      {summary}
      {states
        ? // A list in the language's own words ("a, b, c", "a, b und c", "a، وb").
          `: ${new Intl.ListFormat(i18n.locale, { style: 'short', type: 'unit' }).format(
            (['synced', 'pending', 'missing_in_idp', 'error', 'not_reported'] as const)
              .filter((state) => counts[state] > 0)
              .map((state) => `${formatNumber(counts[state])} ${i18n._(SYNC_WORDS[state].counted)}`),
          )}`
        : ''}
    </Text>
  );
}

/**
 * What the sync column can and cannot say here. Waldur does not talk to Keycloak: the states
 * are the site agent's reports, and only a `synced` one says Keycloak has a grant.
 */
export function SyncNote({ reportsSync, syncReadable }: { reportsSync: boolean | undefined; syncReadable: boolean | undefined }) {
  const { t, i18n } = useLingui();
  if (reportsSync === undefined) return null;
  if (!reportsSync) {
    return (
      <Alert color="gray" variant="light" role="note" title={t`This offering does not report sync states`}>
        <Text size="sm">
          <Trans>
            Its option “Membership sync status” is off, so the site agent sends no reports. Waldur records the grants below; nothing here
            says whether Keycloak has them.
          </Trans>
        </Text>
      </Alert>
    );
  }
  if (syncReadable === false) {
    return (
      <Alert color="gray" variant="light" role="note" title={t`Sync states are not shown to your account`}>
        <Text size="sm">
          {i18n._(SYNC_REFUSED)} <Trans>The grants below are read from the provider’s side, which carries no sync state.</Trans>
        </Text>
      </Alert>
    );
  }
  return (
    <Text size="xs" c="dimmed" maw={820}>
      <Trans>
        Sync states are what the offering’s site agent last reported: Waldur itself does not talk to Keycloak. “In Keycloak” means the agent
        reported the grant applied, as of the time shown; “Not reported” means it has said nothing about that grant.
      </Trans>
    </Text>
  );
}
