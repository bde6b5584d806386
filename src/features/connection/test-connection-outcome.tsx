import { plural, t } from '@lingui/core/macro';
import { Trans, useLingui } from '@lingui/react/macro';
import { Alert, Anchor, Code, Group, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { ApiError, errorMessage } from '../../api/errors';
import { formatNumber, formatTime } from '../../lib/format';
import type { ConnectionTestResult } from './test-connection';

/** The last connection test's result: what Keycloak answered, or what failed and what to check. */
export function LastResult({ last, dimmed, onDismiss }: { last: ConnectionTestResult; dimmed: boolean; onDismiss: () => void }) {
  const { t } = useLingui();
  const testedAt = formatTime(last.at);
  return (
    <Alert
      color={last.ok ? 'teal' : 'red'}
      variant="light"
      title={last.ok ? t`Connected` : t`Connection failed`}
      style={{ opacity: dimmed ? 0.6 : 1 }}
      withCloseButton
      closeButtonLabel={t`Dismiss the connection test result`}
      onClose={onDismiss}
    >
      {last.ok ? (
        <>
          <Text size="sm">
            {t`Keycloak answered: ${plural(last.groupsCount, { one: '# top-level group', other: '# top-level groups' })}.`}
          </Text>
          <GroupNames names={last.groups} total={Math.max(last.groupsCount, last.groups.length)} />
        </>
      ) : (
        <>
          <Text size="sm" fw={500}>
            {errorMessage(last.error)}
          </Text>
          <Text size="sm" mt={4}>
            {failureHint(last.error)}
          </Text>
        </>
      )}
      <Text size="xs" c="dimmed" mt={6}>
        <Trans>Tested at {testedAt}</Trans>
      </Text>
    </Alert>
  );
}

const NAMES_SHOWN = 8;

function GroupNames({ names, total }: { names: string[]; total: number }) {
  const [all, setAll] = useState(false);
  const { t } = useLingui();
  if (names.length === 0) return null;
  const shown = all ? names : names.slice(0, NAMES_SHOWN);
  const hidden = names.length - shown.length;
  const totalText = formatNumber(total);
  const hiddenText = formatNumber(hidden);
  return (
    <Stack gap={4} mt={6}>
      <Group gap={4} component="ul" aria-label={t`Top-level groups`} style={{ listStyle: 'none', margin: 0, padding: 0 }}>
        {shown.map((name, index) => (
          <li key={index} style={{ maxWidth: '100%' }}>
            <Code style={{ overflowWrap: 'anywhere', display: 'inline-block', maxWidth: '100%' }}>{name || t`(no name)`}</Code>
          </li>
        ))}
      </Group>
      {hidden > 0 ? (
        <Anchor component="button" type="button" size="xs" onClick={() => setAll(true)} ta="left">
          <Trans>
            Show all {totalText} ({hiddenText} more)
          </Trans>
        </Anchor>
      ) : names.length > NAMES_SHOWN ? (
        <Anchor component="button" type="button" size="xs" onClick={() => setAll(false)} ta="left">
          <Trans>Show fewer</Trans>
        </Anchor>
      ) : null}
    </Stack>
  );
}

function failureHint(error: unknown): string {
  if (error instanceof ApiError && error.isForbidden) {
    return t`Only staff and the owners of the offering’s organization can test its connection.`;
  }
  if (error instanceof ApiError && error.isTransient) {
    return t`Waldur itself did not answer properly, so Keycloak was not tested. Try again in a moment.`;
  }
  return t`Check Keycloak URL, Realm, Admin username and Admin password in the offering’s Settings. Waldur does not say which one is wrong.`;
}
