import { Badge, Group, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { ErrorAlert } from '../../components/error-alert';
import { TableSkeleton } from '../../components/table-skeleton';
import { baseUrl } from '../../api/client';
import type { AccessModel, FeatureStatus } from './capabilities';
import { connectionQueries } from './queries';

function StatusCell({ status }: { status: FeatureStatus }) {
  if (status.state === 'available')
    return (
      <Badge color="green" variant="light">
        Available
      </Badge>
    );
  return (
    <Stack gap={4}>
      <Badge color={status.state === 'missing' ? 'gray' : 'yellow'} variant="light">
        {status.state === 'missing' ? 'Not available' : 'Unknown'}
      </Badge>
      <Text size="sm">{status.reason}</Text>
    </Stack>
  );
}

const MODEL_LABEL: Record<AccessModel['kind'], string> = {
  'offering-roles': 'Offering roles, applied to Keycloak by a site agent (Waldur 8.0.8 and newer)',
  'offering-keycloak': 'Keycloak groups that Waldur writes itself (Waldur 8.0.4 to 8.0.7)',
  none: 'Neither: this server has no offering access model this app knows',
  unknown: 'Unknown',
};

/** Which way this server grants access, and the answers that say so. */
function AccessModelCell({ model }: { model: AccessModel }) {
  return (
    <Stack gap={4}>
      <Badge color={model.kind === 'unknown' ? 'yellow' : model.kind === 'none' ? 'gray' : 'green'} variant="light">
        {model.kind === 'offering-roles'
          ? 'Offering roles'
          : model.kind === 'offering-keycloak'
            ? 'Keycloak groups'
            : MODEL_LABEL[model.kind]}
      </Badge>
      <Text size="sm">{MODEL_LABEL[model.kind]}</Text>
      <Text size="sm" c="dimmed">
        {model.reason}
      </Text>
    </Stack>
  );
}

export function ServerCapabilities() {
  const capabilities = useQuery(connectionQueries.capabilities());
  const me = useQuery(connectionQueries.me());
  if (capabilities.data) {
    const data = capabilities.data;
    return (
      <Stack>
        <Title order={1}>Server</Title>
        <Table variant="vertical" withTableBorder layout="fixed" maw={820} style={{ overflowWrap: 'anywhere' }}>
          <Table.Tbody>
            <Table.Tr>
              <Table.Th w={{ base: 130, sm: 260 }}>Address</Table.Th>
              <Table.Td>{baseUrl()}</Table.Td>
            </Table.Tr>
            <Table.Tr>
              <Table.Th>Waldur version</Table.Th>
              <Table.Td>
                {data.version ?? (
                  <Stack gap={4}>
                    <Text size="sm">Unknown</Text>
                    <Text size="sm" c="dimmed">
                      {me.data && !me.data.is_staff
                        ? 'Waldur tells its version to staff and support users only.'
                        : 'The server did not say which version it runs.'}
                    </Text>
                  </Stack>
                )}
              </Table.Td>
            </Table.Tr>
            <Table.Tr>
              <Table.Th>Signed in as</Table.Th>
              <Table.Td>
                <Group gap="xs">
                  <Text size="sm">{me.data ? `${me.data.full_name || me.data.username} (${me.data.username})` : '…'}</Text>
                  {me.data?.is_staff ? <Badge variant="outline">Staff</Badge> : null}
                </Group>
              </Table.Td>
            </Table.Tr>
            <Table.Tr>
              <Table.Th>Access model</Table.Th>
              <Table.Td>
                <AccessModelCell model={data.access} />
              </Table.Td>
            </Table.Tr>
            {data.access.kind === 'offering-roles' ? (
              <Table.Tr>
                <Table.Th>Membership sync status</Table.Th>
                <Table.Td>
                  {data.access.syncStatus.state === 'available' ? (
                    <Stack gap={4}>
                      <Badge color="green" variant="light">
                        Available
                      </Badge>
                      <Text size="sm">
                        The site agent can report per grant whether Keycloak has it, for offerings that switch it on
                        (enable_membership_sync_status). Waldur itself never checks Keycloak.
                      </Text>
                    </Stack>
                  ) : (
                    <StatusCell status={data.access.syncStatus} />
                  )}
                </Table.Td>
              </Table.Tr>
            ) : null}
            <Table.Tr>
              <Table.Th>Offering Keycloak groups</Table.Th>
              <Table.Td>
                <StatusCell status={data.offeringKeycloak} />
              </Table.Td>
            </Table.Tr>
            <Table.Tr>
              <Table.Th>Rancher Keycloak memberships</Table.Th>
              <Table.Td>
                <StatusCell status={data.rancherKeycloak} />
              </Table.Td>
            </Table.Tr>
          </Table.Tbody>
        </Table>
      </Stack>
    );
  }
  if (capabilities.error) return <ErrorAlert error={capabilities.error} onRetry={() => void capabilities.refetch()} />;
  return <TableSkeleton rows={4} label="Checking the server" />;
}
