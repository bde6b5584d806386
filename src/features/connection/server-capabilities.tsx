import type { MessageDescriptor } from '@lingui/core';
import { msg } from '@lingui/core/macro';
import { Trans, useLingui } from '@lingui/react/macro';
import { Badge, Group, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { ErrorAlert } from '../../components/error-alert';
import { TableSkeleton } from '../../components/table-skeleton';
import { baseUrl } from '../../api/client';
import { Bdi } from '../../components/bidi-text';
import type { AccessModel, FeatureStatus } from './capabilities';
import { connectionQueries } from './queries';

function StatusCell({ status }: { status: FeatureStatus }) {
  const { t } = useLingui();
  if (status.state === 'available')
    return (
      <Badge color="green" variant="light">
        <Trans>Available</Trans>
      </Badge>
    );
  return (
    <Stack gap={4}>
      <Badge color={status.state === 'missing' ? 'gray' : 'yellow'} variant="light">
        {status.state === 'missing' ? t`Not available` : t`Unknown`}
      </Badge>
      <Text size="sm">{status.reason}</Text>
    </Stack>
  );
}

const MODEL_LABEL: Record<AccessModel['kind'], MessageDescriptor> = {
  'offering-roles': msg`Offering roles, applied to Keycloak by a site agent (Waldur 8.0.8 and newer)`,
  'offering-keycloak': msg`Keycloak groups that Waldur writes itself (Waldur 8.0.4 to 8.0.7)`,
  none: msg`Neither: this server has no offering access model this app knows`,
  unknown: msg`Unknown`,
};

/** Which way this server grants access, and the answers that say so. */
function AccessModelCell({ model }: { model: AccessModel }) {
  const { t, i18n } = useLingui();
  return (
    <Stack gap={4}>
      <Badge color={model.kind === 'unknown' ? 'yellow' : model.kind === 'none' ? 'gray' : 'green'} variant="light">
        {model.kind === 'offering-roles'
          ? t`Offering roles`
          : model.kind === 'offering-keycloak'
            ? t`Keycloak groups`
            : i18n._(MODEL_LABEL[model.kind])}
      </Badge>
      <Text size="sm">{i18n._(MODEL_LABEL[model.kind])}</Text>
      <Text size="sm" c="dimmed">
        {model.reason}
      </Text>
    </Stack>
  );
}

export function ServerCapabilities() {
  const capabilities = useQuery(connectionQueries.capabilities());
  const me = useQuery(connectionQueries.me());
  const { t } = useLingui();
  if (capabilities.data) {
    const data = capabilities.data;
    return (
      <Stack>
        <Title order={1}>
          <Trans>Server</Trans>
        </Title>
        <Table variant="vertical" withTableBorder layout="fixed" maw={820} style={{ overflowWrap: 'anywhere' }}>
          <Table.Tbody>
            <Table.Tr>
              <Table.Th w={{ base: 130, sm: 260 }}>
                <Trans>Address</Trans>
              </Table.Th>
              <Table.Td dir="ltr">{baseUrl()}</Table.Td>
            </Table.Tr>
            <Table.Tr>
              <Table.Th>
                <Trans>Waldur version</Trans>
              </Table.Th>
              <Table.Td>
                {data.version ?? (
                  <Stack gap={4}>
                    <Text size="sm">
                      <Trans>Unknown</Trans>
                    </Text>
                    <Text size="sm" c="dimmed">
                      {me.data && !me.data.is_staff
                        ? t`Waldur tells its version to staff and support users only.`
                        : t`The server did not say which version it runs.`}
                    </Text>
                  </Stack>
                )}
              </Table.Td>
            </Table.Tr>
            <Table.Tr>
              <Table.Th>
                <Trans>Signed in as</Trans>
              </Table.Th>
              <Table.Td>
                <Group gap="xs">
                  <Text size="sm">{me.data ? <Bdi>{`${me.data.full_name || me.data.username} (${me.data.username})`}</Bdi> : '…'}</Text>
                  {me.data?.is_staff ? <Badge variant="outline">{t`Staff`}</Badge> : null}
                </Group>
              </Table.Td>
            </Table.Tr>
            <Table.Tr>
              <Table.Th>
                <Trans>Access model</Trans>
              </Table.Th>
              <Table.Td>
                <AccessModelCell model={data.access} />
              </Table.Td>
            </Table.Tr>
            {data.access.kind === 'offering-roles' ? (
              <Table.Tr>
                <Table.Th>
                  <Trans>Membership sync status</Trans>
                </Table.Th>
                <Table.Td>
                  {data.access.syncStatus.state === 'available' ? (
                    <Stack gap={4}>
                      <Badge color="green" variant="light">
                        <Trans>Available</Trans>
                      </Badge>
                      <Text size="sm">
                        <Trans>
                          The site agent can report per grant whether Keycloak has it, for offerings that switch on their option “Membership
                          sync status”. Waldur itself never checks Keycloak.
                        </Trans>
                      </Text>
                    </Stack>
                  ) : (
                    <StatusCell status={data.access.syncStatus} />
                  )}
                </Table.Td>
              </Table.Tr>
            ) : null}
            <Table.Tr>
              <Table.Th>
                <Trans>Offering Keycloak groups</Trans>
              </Table.Th>
              <Table.Td>
                <StatusCell status={data.offeringKeycloak} />
              </Table.Td>
            </Table.Tr>
            <Table.Tr>
              <Table.Th>
                <Trans>Rancher Keycloak memberships</Trans>
              </Table.Th>
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
  return <TableSkeleton rows={4} label={t`Checking the server`} />;
}
