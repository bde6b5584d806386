import { msg, plural } from '@lingui/core/macro';
import { Trans, useLingui } from '@lingui/react/macro';
import { Badge, Button, Group, Loader, Stack, Table, Text } from '@mantine/core';
import { ErrorAlert } from '../../components/error-alert';
import { PaginationBar } from '../../components/pagination-bar';
import { TableSkeleton } from '../../components/table-skeleton';
import { formatDateTime, formatNumber, hexUuid } from '../../lib/format';
import { useUrlState } from '../../lib/use-url-state';
import { pagingShape, searchSchema } from '../../lib/search-params';
import { SyncNote } from './access-status';
import { countBySync } from './grants';
import { useResync } from './resync';
import { SYNC_FILTERS, SYNC_WORDS } from './sync-state';
import type { AccessResource } from './types';
import { useOfferingAccess, type OfferingAccess } from './use-offering-access';
import { useWatches } from './watch-store';

export const syncSearchSchema = searchSchema({ ...pagingShape });

/** Who may ask for a re-sync (section 5.3), for an account Waldur may refuse. */
export const RESYNC_WHO = msg`Waldur takes re-sync requests from staff and from users who may update the offering (owners of its organization, offering managers).`;

/**
 * Per resource: when the agent last finished a sync, how many grants are in each state, and
 * Re-sync, whose result shows only as the agent's next report (watched here).
 */
export function SyncTab({ offeringUuid, isStaff }: { offeringUuid: string; isStaff: boolean | undefined }) {
  const [state, setState] = useUrlState(syncSearchSchema);
  const access = useOfferingAccess(offeringUuid, isStaff);
  const resync = useResync(offeringUuid);
  const watches = useWatches();
  const { t, i18n } = useLingui();
  const waiting = new Set(watches.filter((watch) => watch.reason === 'resync').map((watch) => watch.resourceUuid));

  if (!access.resources) {
    if (access.error) return <ErrorAlert error={access.error} onRetry={access.refetch} />;
    return <TableSkeleton label={t`Loading resources`} />;
  }
  const rows = access.resources.slice((state.page - 1) * state.page_size, state.page * state.page_size);
  const states = access.reportsSync === true && access.syncReadable === true;
  return (
    <Stack gap="sm">
      <Text size="sm" c="dimmed" maw={760}>
        <Trans>
          The site agent applies grants at each cycle and, for offerings that report sync status, tells Waldur per grant whether Keycloak
          has it. Re-sync asks it to apply one resource’s grants now; the result shows only when it reports back.
        </Trans>{' '}
        {isStaff === false ? i18n._(RESYNC_WHO) : ''}
      </Text>
      <SyncNote reportsSync={access.reportsSync} syncReadable={access.syncReadable} />
      <Table.ScrollContainer minWidth={820}>
        <Table striped aria-label={t`Sync by resource`} layout="fixed">
          <Table.Thead>
            <Table.Tr>
              <Table.Th w="24%">
                <Trans>Resource</Trans>
              </Table.Th>
              <Table.Th w="18%">
                <Trans>Last sync</Trans>
              </Table.Th>
              <Table.Th>
                <Trans>Grants by sync state</Trans>
              </Table.Th>
              <Table.Th w="20%">
                <Trans>Re-sync</Trans>
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((resource) => (
              <ResourceRow
                key={resource.uuid}
                resource={resource}
                access={access}
                states={states}
                waiting={waiting.has(hexUuid(resource.uuid ?? ''))}
                busy={resync.isBusy(resource.uuid)}
                onResync={() => resync.mutate(resource)}
              />
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      <PaginationBar
        page={state.page}
        pageSize={state.page_size}
        total={access.resources.length}
        count={(count) => plural(count, { one: '# resource', other: '# resources' })}
        onChange={(next) => setState(next)}
      />
    </Stack>
  );
}

function ResourceRow({
  resource,
  access,
  states,
  waiting,
  busy,
  onResync,
}: {
  resource: AccessResource;
  access: OfferingAccess;
  states: boolean;
  waiting: boolean;
  busy: boolean;
  onResync: () => void;
}) {
  const answer = access.byResource.get(hexUuid(resource.uuid ?? ''));
  const failed = access.failed.find((item) => item.resource.uuid === resource.uuid);
  const counts = answer ? countBySync(answer.grants) : null;
  const off = access.reportsSync === false;
  const { t, i18n } = useLingui();
  const failure = failed?.error instanceof Error ? failed.error.message : t`the request failed.`;
  const name = resource.name ?? '';
  return (
    <Table.Tr>
      <Table.Td>
        <Text size="sm" fw={500} style={{ overflowWrap: 'anywhere' }}>
          <bdi>{resource.name}</bdi>
        </Text>
      </Table.Td>
      <Table.Td>
        <Text size="sm">{resource.last_sync ? formatDateTime(resource.last_sync) : t`Never`}</Text>
      </Table.Td>
      <Table.Td>
        {failed ? (
          <Text size="sm" c="red">
            <Trans>Grants not read: {failure}</Trans>
          </Text>
        ) : !counts || !answer ? (
          <Loader size="xs" aria-label={t`Reading grants`} />
        ) : answer.grants.length === 0 ? (
          <Text size="sm" c="dimmed">
            <Trans>No grants</Trans>
          </Text>
        ) : states ? (
          <Group gap={4}>
            {SYNC_FILTERS.filter((filter) => counts[filter] > 0).map((filter) => (
              <Badge
                key={filter}
                color={SYNC_WORDS[filter].color}
                variant={filter === 'not_reported' ? 'outline' : 'light'}
                style={{ textTransform: 'none' }}
                leftSection={<span aria-hidden="true">{SYNC_WORDS[filter].icon}</span>}
              >
                {formatNumber(counts[filter])} {i18n._(SYNC_WORDS[filter].counted)}
              </Badge>
            ))}
          </Group>
        ) : (
          <Text size="sm" c="dimmed">
            {off
              ? t`${plural(answer.grants.length, { one: '# grant', other: '# grants' })}, states not reported for this offering`
              : t`${plural(answer.grants.length, { one: '# grant', other: '# grants' })}, states not shown to your account`}
          </Text>
        )}
      </Table.Td>
      <Table.Td>
        <Stack gap={4} align="flex-start">
          <Button size="xs" variant="light" onClick={onResync} loading={busy} disabled={off} aria-label={t`Re-sync ${name}`}>
            <Trans>Re-sync</Trans>
          </Button>
          {off ? (
            <Text size="xs" c="dimmed">
              <Trans>Waldur takes re-sync requests only for offerings that report sync status.</Trans>
            </Text>
          ) : null}
          {waiting ? (
            <Text size="xs" c="dimmed" role="status">
              <Trans>Waiting for the agent’s report…</Trans>
            </Text>
          ) : null}
        </Stack>
      </Table.Td>
    </Table.Tr>
  );
}
