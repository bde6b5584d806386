import { Group, Stack } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { useParams } from 'react-router';
import { offeringQueries } from '../../api/offering-queries';
import { connectionQueries } from '../../features/connection/queries';
import { ConnectionTestResult, TestConnectionButton, useConnectionTest } from '../../features/connection/test-connection';
import { SettingsTab } from '../../features/offering-settings/settings-tab';
import { offeringPermission } from '../../lib/offering-permission';

/** The Settings tab, with its own connection test so a save can be checked (and undone) here. */
export function Component() {
  const { offeringUuid = '' } = useParams();
  const offering = useQuery(offeringQueries.detail(offeringUuid));
  const me = useQuery(connectionQueries.me());
  const permission = offeringPermission(offering.data, me.data);
  const test = useConnectionTest(offeringUuid);
  const connection = useMemo(
    () => ({
      last: test.last ? { ok: test.last.ok, at: test.last.at } : null,
      run: test.run,
      slot: (
        <Stack gap="xs" component="section" aria-label="Connection test of the saved settings">
          <Group>
            <TestConnectionButton test={test} disabledReason={permission.reason} />
          </Group>
          <ConnectionTestResult test={test} disabledReason={permission.reason} />
        </Stack>
      ),
    }),
    [test, permission.reason],
  );
  return <SettingsTab key={offeringUuid} offeringUuid={offeringUuid} permission={permission} connection={connection} />;
}
