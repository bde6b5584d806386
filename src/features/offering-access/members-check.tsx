import { plural } from '@lingui/core/macro';
import { Trans, useLingui } from '@lingui/react/macro';
import { Alert, Button, Stack, Table, Text } from '@mantine/core';
import { ErrorAlert } from '../../components/error-alert';
import { EmptyState } from '../../components/empty-state';
import { PaginationBar } from '../../components/pagination-bar';
import { TableSkeleton } from '../../components/table-skeleton';
import { formatNumber, hexUuid } from '../../lib/format';
import { useUrlState } from '../../lib/use-url-state';
import { pagingShape, searchSchema } from '../../lib/search-params';
import { grantRowLabel, scopeLabel } from './access-columns';
import { AccessStatus, SyncNote } from './access-status';
import { grantsNeedingAttention } from './grants';
import { useResync } from './resync';
import { SYNC_WORDS, syncFilterOf } from './sync-state';
import { SyncStateCell } from './sync-state-cell';
import { useOfferingAccess } from './use-offering-access';

export const checkSearchSchema = searchSchema({ ...pagingShape });

/**
 * The members check on Waldur 8.0.8+: every grant of the offering that the agent has not
 * reported as applied, with what to do about each. Only the agent's reports count: nothing
 * here is read from Keycloak, and a grant never reported is never "fine".
 */
export function MembersCheck({ offeringUuid, isStaff }: { offeringUuid: string; isStaff: boolean | undefined }) {
  const [state, setState] = useUrlState(checkSearchSchema);
  const access = useOfferingAccess(offeringUuid, isStaff);
  const resync = useResync(offeringUuid);
  const { t, i18n } = useLingui();

  if (!access.resources && access.error) return <ErrorAlert error={access.error} onRetry={access.refetch} />;
  if (access.reportsSync === false || access.syncReadable === false) {
    return (
      <Stack gap="sm">
        <SyncNote reportsSync={access.reportsSync} syncReadable={access.syncReadable} />
        <Text size="sm">
          <Trans>Nothing was checked: without the agent’s reports there is nothing to check the grants against.</Trans>
        </Text>
      </Stack>
    );
  }
  if (!access.complete) {
    return (
      <Stack gap="sm">
        <AccessStatus offeringUuid={offeringUuid} access={access} />
        <TableSkeleton label={t`Reading grants`} />
      </Stack>
    );
  }
  const attention = grantsNeedingAttention(access.grants);
  const checked = access.grants.length;
  const rows = attention.slice((state.page - 1) * state.page_size, state.page * state.page_size);
  const failedCount = access.failed.length;
  const failedNames = access.failed.map((item) => item.resource.name).join(', ');
  const checkedText = formatNumber(checked);
  const resourceOf = (uuid: string) => access.resources?.find((resource) => hexUuid(resource.uuid ?? '') === uuid);
  return (
    <Stack gap="sm">
      <SyncNote reportsSync={access.reportsSync} syncReadable={access.syncReadable} />
      {access.failed.length > 0 ? (
        <Alert
          color="orange"
          variant="light"
          role="alert"
          title={t`${plural(failedCount, { one: '# resource', other: '# resources' })} not checked`}
        >
          <Text size="sm">
            <Trans>Their grants could not be read ({failedNames}), so nothing is said about them.</Trans>
          </Text>
        </Alert>
      ) : null}
      <Text size="sm" role="status" aria-live="polite">
        {checked === 0
          ? t`This offering has no grants: nothing to check.`
          : attention.length === 0
            ? t`All ${plural(checked, { one: '# grant', other: '# grants' })} were reported in Keycloak by the site agent, each as of its report time.`
            : t`${plural(attention.length, { one: '# grant', other: '# grants' })} of ${checkedText} not reported as in Keycloak.`}
      </Text>
      {attention.length === 0 ? (
        checked > 0 ? (
          <EmptyState title={t`Nothing to do`} description={t`Every grant has a synced report.`} />
        ) : null
      ) : (
        <>
          <Table.ScrollContainer minWidth={900}>
            <Table striped aria-label={t`Grants not in Keycloak`} layout="fixed">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th w="24%">
                    <Trans>Grant</Trans>
                  </Table.Th>
                  <Table.Th w="22%">
                    <Trans>Sync state</Trans>
                  </Table.Th>
                  <Table.Th>
                    <Trans>What to do</Trans>
                  </Table.Th>
                  <Table.Th w="12%">
                    <Trans>Re-sync</Trans>
                  </Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {rows.map((grant) => {
                  const filter = syncFilterOf(grant.sync);
                  const resource = resourceOf(grant.resourceUuid);
                  const roleName = grant.roleName;
                  const scope = scopeLabel(grant);
                  const resourceName = resource?.name ?? '';
                  const rowLabel = grantRowLabel(grant);
                  const todo = filter ? SYNC_WORDS[filter].todo : null;
                  return (
                    <Table.Tr key={grant.key}>
                      <Table.Td>
                        <Text size="sm" fw={500} style={{ overflowWrap: 'anywhere' }}>
                          <bdi>{grant.fullName || grant.username}</bdi>
                        </Text>
                        <Text size="xs" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
                          <Trans>
                            <bdi>{roleName}</bdi> on <bdi>{scope}</bdi>
                          </Trans>
                        </Text>
                      </Table.Td>
                      <Table.Td>
                        <SyncStateCell report={grant.sync} lastSync={resource?.last_sync ?? null} />
                      </Table.Td>
                      <Table.Td>
                        <Text size="sm">{filter ? i18n._(SYNC_WORDS[filter].meaning) : ''}</Text>
                        <Text size="sm" fw={500}>
                          {todo ? i18n._(todo) : ''}
                        </Text>
                      </Table.Td>
                      <Table.Td>
                        {resource ? (
                          <Button
                            size="xs"
                            variant="light"
                            aria-label={t`Re-sync ${resourceName} for ${rowLabel}`}
                            loading={resync.isBusy(resource.uuid)}
                            onClick={() => resync.mutate(resource)}
                          >
                            <Trans>Re-sync</Trans>
                          </Button>
                        ) : null}
                      </Table.Td>
                    </Table.Tr>
                  );
                })}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
          <PaginationBar
            page={state.page}
            pageSize={state.page_size}
            total={attention.length}
            count={(count) => plural(count, { one: '# grant', other: '# grants' })}
            onChange={(next) => setState(next)}
          />
        </>
      )}
    </Stack>
  );
}
