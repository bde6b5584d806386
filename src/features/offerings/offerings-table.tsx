import { plural } from '@lingui/core/macro';
import { Trans, useLingui } from '@lingui/react/macro';
import { Anchor, Badge, Group, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { reportsSyncStatus } from '../../api/membership-sync';
import { isKeycloakEnabled } from '../../api/keycloak-enabled';
import { offeringQueries } from '../../api/offering-queries';
import { KeycloakBadge } from './keycloak-badge';
import { EmptyState } from '../../components/empty-state';
import { ErrorAlert } from '../../components/error-alert';
import { PaginationBar } from '../../components/pagination-bar';
import { TableSkeleton } from '../../components/table-skeleton';
import { useUrlState } from '../../lib/use-url-state';
import { pagingShape, param, searchSchema, type SearchState } from '../../lib/search-params';
import { useDebouncedUrlText } from '../../lib/use-debounced-url-text';
import { Bdi } from '../../components/bidi-text';
import { useLastPageClamp } from '../../lib/use-last-page-clamp';

export const offeringsSearchSchema = searchSchema({ q: param.string(), ...pagingShape });

export function offeringsListQuery(state: SearchState<typeof offeringsSearchSchema>) {
  return offeringQueries.list({ name: state.q, page: state.page, page_size: state.page_size });
}

/**
 * `rolesModel`: the server grants offering roles (Waldur 8.0.8+): an offering opens on Access and
 * its column says whether its agent reports sync states, since Waldur no longer has Keycloak settings.
 */
export function OfferingsTable({ rolesModel = false }: { rolesModel?: boolean }) {
  const [state, setState] = useUrlState(offeringsSearchSchema);
  const { t } = useLingui();
  const query = state.q;
  const search = useDebouncedUrlText(state.q, (value) => setState({ q: value.trim(), page: 1 }, { replace: true }));
  const offerings = useQuery(offeringsListQuery(state));
  useLastPageClamp(offerings, state, setState);

  return (
    <Stack>
      <Title order={1}>
        <Trans>Offerings</Trans>
      </Title>
      <TextInput label={t`Search offerings`} placeholder={t`Offering name`} maw={420} {...search} />
      {offerings.data ? (
        offerings.data.total === 0 ? (
          <EmptyState
            title={state.q ? t`No offerings match “${query}”` : t`No offerings`}
            description={
              state.q
                ? t`Try a shorter or different name.`
                : t`You do not manage any provider offering on this Waldur. Offerings appear here for staff and for owners of service provider organizations.`
            }
          />
        ) : (
          <>
            <Table.ScrollContainer minWidth={600}>
              <Table striped highlightOnHover aria-label={t`Offerings`} style={{ opacity: offerings.isPlaceholderData ? 0.6 : 1 }}>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>
                      <Trans>Offering</Trans>
                    </Table.Th>
                    <Table.Th>
                      <Trans>Organization</Trans>
                    </Table.Th>
                    <Table.Th>{rolesModel ? t`Sync states` : 'Keycloak'}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {offerings.data.items.map((offering) => (
                    <Table.Tr key={offering.uuid}>
                      <Table.Td>
                        <Anchor component={Link} to={`/offerings/${offering.uuid}/${rolesModel ? 'access' : 'groups'}`}>
                          <Bdi>{offering.name}</Bdi>
                        </Anchor>
                      </Table.Td>
                      <Table.Td>
                        <Bdi>{offering.customer_name}</Bdi>
                      </Table.Td>
                      <Table.Td>
                        {rolesModel ? (
                          <Badge color={reportsSyncStatus(offering) ? 'teal' : 'gray'} variant="light" style={{ textTransform: 'none' }}>
                            {reportsSyncStatus(offering) ? t`Reported` : t`Not reported`}
                          </Badge>
                        ) : (
                          <KeycloakBadge enabled={isKeycloakEnabled(offering)} />
                        )}
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
            <PaginationBar
              page={state.page}
              pageSize={state.page_size}
              total={offerings.data.total}
              count={(count) => plural(count, { one: '# offering', other: '# offerings' })}
              onChange={(next) => setState(next)}
            />
          </>
        )
      ) : offerings.error ? (
        <ErrorAlert error={offerings.error} onRetry={() => void offerings.refetch()} />
      ) : (
        <TableSkeleton label={t`Loading offerings`} />
      )}
      {offerings.isFetching && offerings.data ? (
        <Group>
          <Text size="xs" c="dimmed" role="status">
            <Trans>Updating…</Trans>
          </Text>
        </Group>
      ) : null}
    </Stack>
  );
}
