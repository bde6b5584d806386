import { useLingui } from '@lingui/react/macro';
import { Button, Group, Stack } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link, Navigate, useLocation, useParams } from 'react-router';
import { connectionQueries } from '../../features/connection/queries';
import { useLastConnectionTest } from '../../features/connection/last-test';
import { ConnectionTestResult, TestConnectionButton, useConnectionTest } from '../../features/connection/test-connection';
import { AccessFrame, isAccessTab } from '../../features/offerings/access-frame';
import { OfferingFrame, OFFERING_TABS } from '../../features/offerings/offering-frame';
import { OfferingHealthLine } from '../../features/sync-status/health-line';
import { useOfferingPermission } from '../use-offering-permission';

/**
 * The offering page of the server's access model: offering roles (Waldur 8.0.8+) or offering
 * Keycloak groups (8.0.4 to 8.0.7). The path decides first, so a tab renders without waiting for
 * the capabilities probe; once the probe says offering roles, a Keycloak groups tab (an old
 * bookmark) moves to Access.
 */
export function Component() {
  const { offeringUuid = '' } = useParams();
  const segment = useLocation().pathname.split('/')[3];
  const capabilities = useQuery(connectionQueries.capabilities());
  const access = capabilities.data?.access;
  if (isAccessTab(segment)) {
    const reason = access && access.kind !== 'offering-roles' && access.kind !== 'unknown' ? access.reason : null;
    return <AccessFrame key={offeringUuid} offeringUuid={offeringUuid} unavailableReason={reason} />;
  }
  if (access?.kind === 'offering-roles' && OFFERING_TABS.some((tab) => tab.value === segment)) {
    return <Navigate to={`/offerings/${offeringUuid}/access`} replace />;
  }
  return <KeycloakGroupsOffering offeringUuid={offeringUuid} />;
}

function KeycloakGroupsOffering({ offeringUuid }: { offeringUuid: string }) {
  const capabilities = useQuery(connectionQueries.capabilities());
  const status = capabilities.data?.offeringKeycloak;
  const permission = useOfferingPermission(offeringUuid);
  const connection = useConnectionTest(offeringUuid);
  const lastTest = useLastConnectionTest(offeringUuid);
  const { t } = useLingui();
  const reason = permission.reason;
  return (
    <OfferingFrame
      key={offeringUuid}
      offeringUuid={offeringUuid}
      unavailableReason={status?.state === 'missing' ? status.reason : null}
      health={<OfferingHealthLine offeringUuid={offeringUuid} lastTest={lastTest} />}
      actions={
        <Stack gap="xs" align="flex-end">
          <Group gap="xs" justify="flex-end">
            <TestConnectionButton test={connection} disabledReason={permission.reason} />
            {permission.reason ? (
              <Button variant="light" disabled aria-describedby={connection.reasonId}>
                {t`Import remote groups`}
              </Button>
            ) : (
              <Button component={Link} to={`/offerings/${offeringUuid}/import`} variant="light">
                {t`Import remote groups`}
              </Button>
            )}
          </Group>
          <ConnectionTestResult
            floating
            test={connection}
            disabledReason={permission.reason ? t`Test connection and import are disabled. ${reason}` : null}
          />
        </Stack>
      }
    />
  );
}
