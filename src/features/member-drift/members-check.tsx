import { Trans, useLingui } from '@lingui/react/macro';
import { Alert, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useDeferredValue, useMemo, type ReactNode } from 'react';
import { errorMessage } from '../../api/errors';
import { offeringQueries } from '../../api/offering-queries';
import { formatNumber } from '../../lib/format';
import { allFindings, checkedCount, failedGroups, retryableGroups } from './check-state';
import { CheckProgress, FailedGroupsAlert } from './check-progress';
import { useFixRunner } from './fix-results';
import { FindingsTable } from './findings-table';
import { useMembersCheck } from './use-members-check';
import type { CheckGroup } from './walk';

type Props = {
  offeringUuid: string;
  userUuid: string;
  canManage: boolean;
  /** What can mend a group whose remote group Keycloak no longer has (the groups feature's actions). */
  missingFixes?: (group: CheckGroup) => ReactNode;
};

/**
 * "Members check": every linked group of the offering read on both sides, one table of every
 * difference with its fix. Results are kept in localStorage (per user and offering), so they
 * survive a reload and the sign-in round trip, and always say when they were read.
 */
export function MembersCheck({ offeringUuid, userUuid, canManage, missingFixes }: Props) {
  const { state, running, linkedTotal, saveFailed, loadError, start, cancel, recheck } = useMembersCheck(offeringUuid, userUuid);
  const offeringName = useQuery(offeringQueries.detail(offeringUuid)).data?.name ?? offeringUuid;
  const rows = useMemo(() => (state ? allFindings(state) : []), [state]);
  // While a check runs, the table follows in a render of its own that yields to the answers
  // coming in meanwhile, so that they send the next reads at once (bench figure 13: drawing the
  // new rows held them back); the progress line above it is drawn at once with every batch.
  // Once it ends, both show the same result in the same frame.
  const deferredState = useDeferredValue(state);
  const tableState = running ? deferredState : state;
  const tableRows = useMemo(() => (tableState ? allFindings(tableState) : []), [tableState]);
  const fixer = useFixRunner(offeringUuid, recheck);

  const total = state?.total ?? 0;
  const done = state ? checkedCount(state) + failedGroups(state).length : 0;
  // Retry only what a read again can mend: not a group Keycloak answered it does not have.
  const retryable = state ? retryableGroups(state) : [];
  const unread = state && state.status !== 'running' && done < total;
  const { t } = useLingui();
  const restCount = formatNumber(total - done);
  const retryCount = retryable.length;

  return (
    <Paper withBorder p="md" component="section" aria-label={t`Members check`}>
      <Stack gap="sm">
        <Group justify="space-between" align="flex-end">
          <div>
            <Title order={3} size="h4">
              <Trans>Members check</Trans>
            </Title>
            <Text size="sm" c="dimmed">
              <Trans>Reads the members of every linked group in Waldur and in Keycloak and lists every difference, with its fix.</Trans>
            </Text>
          </div>
          <Group gap="xs">
            {running ? (
              <Button variant="default" color="red" onClick={cancel}>
                <Trans>Cancel check</Trans>
              </Button>
            ) : (
              <>
                {unread ? (
                  <Button variant="light" onClick={() => void start('rest')}>
                    <Trans>Check the rest ({restCount})</Trans>
                  </Button>
                ) : null}
                {retryable.length ? (
                  <Button variant="light" onClick={() => void start('failed')}>
                    <Trans>Retry failed groups ({retryCount})</Trans>
                  </Button>
                ) : null}
                <Button onClick={() => void start('all')}>{state ? t`Check all members again` : t`Check all members`}</Button>
              </>
            )}
          </Group>
        </Group>
        {loadError ? (
          <Alert color="red" role="alert" title={t`Could not list the groups of the offering`}>
            {errorMessage(loadError)}
          </Alert>
        ) : null}
        {state ? (
          <CheckProgress state={state} running={running} differences={rows.length} linkedTotal={linkedTotal} saveFailed={saveFailed} />
        ) : null}
        {state && !running ? <FailedGroupsAlert state={state} missingFixes={missingFixes} /> : null}
        {fixer.panel}
        {tableState ? (
          <FindingsTable
            state={tableState}
            rows={tableRows}
            offeringName={offeringName}
            canManage={canManage}
            fixing={fixer.running}
            onRun={fixer.run}
          />
        ) : null}
      </Stack>
    </Paper>
  );
}
