import { Alert, Anchor, Code, Group, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { ApiError, errorMessage } from '../../api/errors';
import { formatTime, pluralize } from '../../lib/format';
import type { ConnectionTestResult } from './test-connection';

/** The last connection test's result: what Keycloak answered, or what failed and what to check. */
export function LastResult({ last, dimmed, onDismiss }: { last: ConnectionTestResult; dimmed: boolean; onDismiss: () => void }) {
  return (
    <Alert
      color={last.ok ? 'teal' : 'red'}
      variant="light"
      title={last.ok ? 'Connected' : 'Connection failed'}
      style={{ opacity: dimmed ? 0.6 : 1 }}
      withCloseButton
      closeButtonLabel="Dismiss the connection test result"
      onClose={onDismiss}
    >
      {last.ok ? (
        <>
          <Text size="sm">Keycloak answered: {pluralize(last.groupsCount, 'top-level group')}.</Text>
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
        Tested at {formatTime(last.at)}
      </Text>
    </Alert>
  );
}

const NAMES_SHOWN = 8;

function GroupNames({ names, total }: { names: string[]; total: number }) {
  const [all, setAll] = useState(false);
  if (names.length === 0) return null;
  const shown = all ? names : names.slice(0, NAMES_SHOWN);
  const hidden = names.length - shown.length;
  return (
    <Stack gap={4} mt={6}>
      <Group gap={4} component="ul" aria-label="Top-level groups" style={{ listStyle: 'none', margin: 0, padding: 0 }}>
        {shown.map((name, index) => (
          <li key={index} style={{ maxWidth: '100%' }}>
            <Code style={{ overflowWrap: 'anywhere', display: 'inline-block', maxWidth: '100%' }}>{name || '(no name)'}</Code>
          </li>
        ))}
      </Group>
      {hidden > 0 ? (
        <Anchor component="button" type="button" size="xs" onClick={() => setAll(true)} ta="left">
          Show all {total.toLocaleString()} ({hidden.toLocaleString()} more)
        </Anchor>
      ) : names.length > NAMES_SHOWN ? (
        <Anchor component="button" type="button" size="xs" onClick={() => setAll(false)} ta="left">
          Show fewer
        </Anchor>
      ) : null}
    </Stack>
  );
}

function failureHint(error: unknown): string {
  if (error instanceof ApiError && error.isForbidden) {
    return 'Only staff and the owners of the offering’s organization can test its connection.';
  }
  if (error instanceof ApiError && error.isTransient) {
    return 'Waldur itself did not answer properly, so Keycloak was not tested. Try again in a moment.';
  }
  return 'Check the offering’s integration settings: the Keycloak URL, the realm, and the admin username and password (keycloak_url, keycloak_realm, keycloak_username, keycloak_password). Waldur does not say which one is wrong.';
}
