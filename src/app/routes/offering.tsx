import { Button, Group, Stack } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link, useParams } from 'react-router';
import { offeringQueries } from '../../api/shared-queries';
import { connectionQueries } from '../../features/connection/queries';
import { ConnectionTestResult, TestConnectionButton, useConnectionTest } from '../../features/connection/test-connection';
import { OfferingFrame } from '../../features/offerings/offering-frame';
import { offeringPermission } from '../../lib/offering-permission';

export function Component() {
  const { offeringUuid = '' } = useParams();
  const capabilities = useQuery(connectionQueries.capabilities());
  const status = capabilities.data?.offeringKeycloak;
  const offering = useQuery(offeringQueries.detail(offeringUuid));
  const me = useQuery(connectionQueries.me());
  const permission = offeringPermission(offering.data, me.data);
  const connection = useConnectionTest(offeringUuid);
  return (
    <OfferingFrame
      key={offeringUuid}
      offeringUuid={offeringUuid}
      unavailableReason={status?.state === 'missing' ? status.reason : null}
      actions={
        <Stack gap="xs" align="flex-end">
          <Group gap="xs" justify="flex-end">
            <TestConnectionButton test={connection} disabledReason={permission.reason} />
            {permission.reason ? (
              <Button variant="light" disabled aria-describedby={connection.reasonId}>
                Import remote groups
              </Button>
            ) : (
              <Button component={Link} to={`/offerings/${offeringUuid}/import`} variant="light">
                Import remote groups
              </Button>
            )}
          </Group>
          <ConnectionTestResult
            floating
            test={connection}
            disabledReason={permission.reason ? `Test connection and import are disabled. ${permission.reason}` : null}
          />
        </Stack>
      }
    />
  );
}
