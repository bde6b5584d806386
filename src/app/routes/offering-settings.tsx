import { useLingui } from '@lingui/react/macro';
import { Group, Stack } from '@mantine/core';
import { useMemo } from 'react';
import { useParams } from 'react-router';
import { ConnectionTestResult, TestConnectionButton, useConnectionTest } from '../../features/connection/test-connection';
import { SettingsTab } from '../../features/offering-settings/settings-tab';
import { useOfferingPermission } from '../use-offering-permission';

/** The Settings tab, with its own connection test so a save can be checked (and undone) here. */
export function Component() {
  const { offeringUuid = '' } = useParams();
  const permission = useOfferingPermission(offeringUuid);
  const test = useConnectionTest(offeringUuid);
  const { t } = useLingui();
  const connection = useMemo(
    () => ({ last: test.last ? { ok: test.last.ok, at: test.last.at } : null, run: test.run }),
    [test.last, test.run],
  );
  return (
    <SettingsTab
      key={offeringUuid}
      offeringUuid={offeringUuid}
      permission={permission}
      connection={connection}
      testSlot={
        <Stack gap="xs" component="section" aria-label={t`Connection test of the saved settings`}>
          <Group>
            <TestConnectionButton test={test} disabledReason={permission.reason} />
          </Group>
          <ConnectionTestResult test={test} disabledReason={permission.reason} />
        </Stack>
      }
    />
  );
}
