import { Trans, useLingui } from '@lingui/react/macro';
import { Box, Button, Group, Loader, Stack, Text } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useEffect, useId, useState } from 'react';
import { deferred } from '../../components/deferred/deferred';
import { connectionMutations } from './mutations';

/**
 * "Test connection" for an offering's Keycloak (POST test_connection/). The last result and
 * its time stay on screen until the next test ends; a running test shows how long it has been
 * running and cannot be started twice.
 */

export type ConnectionTestResult =
  | { offeringUuid: string; ok: true; groupsCount: number; groups: string[]; at: number }
  | { offeringUuid: string; ok: false; error: unknown; at: number };

export type ConnectionTest = {
  run: () => void;
  pending: boolean;
  /** When the running test started (for the elapsed time). */
  startedAt: number | null;
  last: ConnectionTestResult | null;
  /** Puts the last result away (the next test shows a new one). */
  dismiss: () => void;
  /** The id of the text saying why the test is disabled. */
  reasonId: string;
};

// The result's view (the groups Keycloak named, what to check after a failure) loads after
// start, or when a result is there: a test needs a click, so it is there before the answer.
const outcomeModule = deferred(() => import('./test-connection-outcome'));

export function useConnectionTest(offeringUuid: string): ConnectionTest {
  const [last, setLast] = useState<ConnectionTestResult | null>(null);
  const reasonId = useId();
  const test = useMutation({
    ...connectionMutations.test(offeringUuid),
    onSuccess: (answer, uuid) =>
      setLast({ offeringUuid: uuid, ok: true, groupsCount: answer.groups_count, groups: answer.groups ?? [], at: Date.now() }),
    onError: (error, uuid) => setLast({ offeringUuid: uuid, ok: false, error, at: Date.now() }),
  });
  const pending = test.isPending && test.variables === offeringUuid;
  return {
    run: () => {
      if (!test.isPending) test.mutate(offeringUuid);
    },
    pending,
    // When the pending test was sent, from the mutation itself.
    startedAt: pending ? test.submittedAt : null,
    last: last && last.offeringUuid === offeringUuid ? last : null,
    dismiss: () => setLast(null),
    reasonId,
  };
}

export function TestConnectionButton({ test, disabledReason }: { test: ConnectionTest; disabledReason?: string | null }) {
  return (
    <Button
      variant="default"
      onClick={test.run}
      loading={test.pending}
      disabled={Boolean(disabledReason)}
      aria-describedby={disabledReason ? test.reasonId : undefined}
    >
      <Trans>Test connection</Trans>
    </Button>
  );
}

function useElapsedSeconds(since: number | null): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (since === null) return;
    const timer = window.setInterval(() => setNow(Date.now()), 1000);
    return () => window.clearInterval(timer);
  }, [since]);
  return since === null ? 0 : Math.max(0, Math.floor((now - since) / 1000));
}

/**
 * The last result (kept until the next test ends, or until dismissed) and the progress of a
 * running one. `floating`: over the page below the header's buttons, so that the tabs under
 * the header do not move when a result comes or goes.
 */
export function ConnectionTestResult({
  test,
  disabledReason,
  floating = false,
}: {
  test: ConnectionTest;
  disabledReason?: string | null;
  floating?: boolean;
}) {
  const elapsed = useElapsedSeconds(test.startedAt);
  const { t } = useLingui();
  const { last } = test;
  const outcome = outcomeModule.useLoaded();
  useEffect(() => {
    if (last) void outcomeModule.load();
  }, [last]);
  const body = (
    <>
      {test.pending ? (
        <Group gap="xs" role="status" justify="flex-end">
          <Loader size="xs" aria-hidden="true" />
          <Text size="sm">
            {elapsed > 0 ? t`Testing the connection to Keycloak… ${elapsed} s` : t`Testing the connection to Keycloak…`}
          </Text>
        </Group>
      ) : null}
      {last && outcome ? <outcome.LastResult last={last} dimmed={test.pending} onDismiss={test.dismiss} /> : null}
    </>
  );
  return (
    <Stack gap={6} maw={460} w="100%" aria-live="polite" pos={floating ? 'relative' : undefined}>
      {disabledReason ? (
        <Text id={test.reasonId} size="xs" c="dimmed" ta="right">
          {disabledReason}
        </Text>
      ) : null}
      {floating ? (
        // Opaque under the alert's light tint, so the page below does not show through.
        <Box
          pos="absolute"
          top="100%"
          right={0}
          w="100%"
          mt={6}
          bg="var(--mantine-color-body)"
          style={{ zIndex: 5, boxShadow: 'var(--mantine-shadow-md)', borderRadius: 'var(--mantine-radius-default)' }}
        >
          {body}
        </Box>
      ) : (
        body
      )}
    </Stack>
  );
}
