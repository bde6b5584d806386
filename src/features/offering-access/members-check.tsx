import { plural } from '@lingui/core/macro';
import { Alert, Button, Stack, Table, Text } from '@mantine/core';
import { ErrorAlert } from '../../components/error-alert';
import { EmptyState } from '../../components/empty-state';
import { PaginationBar } from '../../components/pagination-bar';
import { TableSkeleton } from '../../components/table-skeleton';
import { hexUuid, pluralize } from '../../lib/format';
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
  const resync = useResync();

  if (!access.resources && access.error) return <ErrorAlert error={access.error} onRetry={access.refetch} />;
  if (access.reportsSync === false || access.syncReadable === false) {
    return (
      <Stack gap="sm">
        <SyncNote reportsSync={access.reportsSync} syncReadable={access.syncReadable} />
        <Text size="sm">Nothing was checked: without the agent’s reports there is nothing to check the grants against.</Text>
      </Stack>
    );
  }
  if (!access.complete) {
    return (
      <Stack gap="sm">
        <AccessStatus offeringUuid={offeringUuid} access={access} />
        <TableSkeleton label="Reading grants" />
      </Stack>
    );
  }
  const attention = grantsNeedingAttention(access.grants);
  const checked = access.grants.length;
  const rows = attention.slice((state.page - 1) * state.page_size, state.page * state.page_size);
  const resourceOf = (uuid: string) => access.resources?.find((resource) => hexUuid(resource.uuid ?? '') === uuid);
  return (
    <Stack gap="sm">
      <SyncNote reportsSync={access.reportsSync} syncReadable={access.syncReadable} />
      {access.failed.length > 0 ? (
        <Alert color="orange" variant="light" role="alert" title={`${pluralize(access.failed.length, 'resource')} not checked`}>
          <Text size="sm">
            Their grants could not be read ({access.failed.map((item) => item.resource.name).join(', ')}), so nothing is said about them.
          </Text>
        </Alert>
      ) : null}
      <Text size="sm" role="status" aria-live="polite">
        {checked === 0
          ? 'This offering has no grants: nothing to check.'
          : attention.length === 0
            ? `All ${pluralize(checked, 'grant')} were reported in Keycloak by the site agent, each as of its report time.`
            : `${pluralize(attention.length, 'grant')} of ${checked.toLocaleString()} not reported as in Keycloak.`}
      </Text>
      {attention.length === 0 ? (
        checked > 0 ? (
          <EmptyState title="Nothing to do" description="Every grant has a synced report." />
        ) : null
      ) : (
        <>
          <Table.ScrollContainer minWidth={900}>
            <Table striped aria-label="Grants not in Keycloak" layout="fixed">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th w="24%">Grant</Table.Th>
                  <Table.Th w="22%">Sync state</Table.Th>
                  <Table.Th>What to do</Table.Th>
                  <Table.Th w="12%">Re-sync</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {rows.map((grant) => {
                  const filter = syncFilterOf(grant.sync);
                  const resource = resourceOf(grant.resourceUuid);
                  return (
                    <Table.Tr key={grant.key}>
                      <Table.Td>
                        <Text size="sm" fw={500} style={{ overflowWrap: 'anywhere' }}>
                          <bdi>{grant.fullName || grant.username}</bdi>
                        </Text>
                        <Text size="xs" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
                          <bdi>{grant.roleName}</bdi> on <bdi>{scopeLabel(grant)}</bdi>
                        </Text>
                      </Table.Td>
                      <Table.Td>
                        <SyncStateCell report={grant.sync} lastSync={resource?.last_sync ?? null} />
                      </Table.Td>
                      <Table.Td>
                        <Text size="sm">{filter ? SYNC_WORDS[filter].meaning : ''}</Text>
                        <Text size="sm" fw={500}>
                          {filter ? SYNC_WORDS[filter].todo : ''}
                        </Text>
                      </Table.Td>
                      <Table.Td>
                        {resource ? (
                          <Button
                            size="xs"
                            variant="light"
                            aria-label={`Re-sync ${resource.name ?? ''} for ${grantRowLabel(grant)}`}
                            loading={resync.isPending && resync.variables?.uuid === resource.uuid}
                            onClick={() => resync.mutate(resource)}
                          >
                            Re-sync
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
