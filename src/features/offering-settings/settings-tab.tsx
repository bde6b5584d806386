import { Trans, useLingui } from '@lingui/react/macro';
import { Alert, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { groupQueries } from '../../api/group-queries';
import { offeringQueries } from '../../api/offering-queries';
import { ErrorAlert } from '../../components/error-alert';
import { TableSkeleton } from '../../components/table-skeleton';
import type { OfferingPermission } from '../../lib/offering-permission';
import { ScopeOptions } from './scope-options';
import { SettingsForm, type ConnectionState } from './settings-form';
import { formValues, savedOptions } from './settings-schema';

type Props = {
  offeringUuid: string;
  permission: OfferingPermission;
  connection: ConnectionState;
  /** The connection test's UI, a slot by design (see SettingsForm). */
  testSlot: React.ReactNode;
};

/** The Settings tab: the Keycloak settings (a form, or read-only) and the scope options. */
export function SettingsTab({ offeringUuid, permission, connection, testSlot }: Props) {
  const offering = useQuery(offeringQueries.detail(offeringUuid));
  const roles = useQuery(offeringQueries.everyRole(offeringUuid));
  const resources = useQuery(offeringQueries.firstPageResources(offeringUuid));
  const groups = useQuery({ ...groupQueries.everyGroup(offeringUuid), enabled: permission.canManage });
  const { t } = useLingui();

  const failed = [offering, roles, resources].find((q) => q.error && !q.data);
  if (failed) return <ErrorAlert error={failed.error} onRetry={() => void failed.refetch()} />;
  if (!offering.data || !roles.data || !resources.data) return <TableSkeleton rows={8} label={t`Loading the settings`} />;
  const groupList = groups.data?.items ?? [];

  return (
    <Stack gap="xl">
      <Stack gap="sm">
        <Title order={2} size="h3">
          <Trans>Keycloak settings</Trans>
        </Title>
        {permission.canManage ? (
          <SettingsForm
            key={offeringUuid}
            offering={offering.data}
            roles={roles.data}
            resources={resources.data}
            groups={groupList}
            connection={connection}
            testSlot={testSlot}
          />
        ) : (
          <ReadOnlySettings offering={offering.data} reason={permission.reason} />
        )}
      </Stack>
      <ScopeOptions
        offeringUuid={offeringUuid}
        resources={resources.data}
        roles={roles.data}
        groups={groupList}
        canManage={permission.canManage}
      />
    </Stack>
  );
}

function ReadOnlySettings({ offering, reason }: { offering: Parameters<typeof savedOptions>[0]; reason: string | null }) {
  const { t } = useLingui();
  const saved = savedOptions(offering);
  const values = formValues(saved);
  const secretsShown = Object.keys(saved.secret).length > 0;
  const rows: Array<[string, string]> = [
    [t`Keycloak enabled`, values.keycloak_enabled ? t`Yes` : t`No`],
    [t`Base group`, values.keycloak_base_group || '—'],
    [t`Group name template`, values.keycloak_group_name_template || t`— (default names)`],
    [t`Sync frequency (minutes)`, values.keycloak_sync_frequency || '—'],
    [t`Username label`, values.keycloak_username_label || t`— (“Username”)`],
  ];
  if (secretsShown) {
    rows.push(
      [t`Keycloak URL`, values.keycloak_url || '—'],
      [t`Realm`, values.keycloak_realm || '—'],
      // Keycloak's realm name, not a word: Waldur's default.
      [t`User realm`, values.keycloak_user_realm || 'master'],
      [t`Admin username`, values.keycloak_username || '—'],
      [t`Verify TLS certificates`, values.keycloak_ssl_verify ? t`Yes` : t`No`],
    );
  }
  return (
    <Stack gap="sm">
      {reason ? (
        <Alert color="gray" title={t`Read only`}>
          {reason}
        </Alert>
      ) : null}
      <Table withTableBorder aria-label={t`Keycloak settings (read only)`}>
        <Table.Tbody>
          {rows.map(([label, value]) => (
            <Table.Tr key={label}>
              <Table.Th w={240}>{label}</Table.Th>
              <Table.Td style={{ overflowWrap: 'anywhere' }}>{value}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {!secretsShown ? (
        <Text size="sm" c="dimmed">
          <Trans>The server settings (URL, realm, admin account) are shown only to users who may manage the offering.</Trans>
        </Text>
      ) : null}
    </Stack>
  );
}
