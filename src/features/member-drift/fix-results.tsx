import { plural } from '@lingui/core/macro';
import { Trans, useLingui } from '@lingui/react/macro';
import { Alert, Badge, Button, Group, List, Progress, Stack, Table, Text } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useCallback, useState } from 'react';
import { dedupeFixes, FIX_LABEL, fixName, runFixes, type FixOutcome, type MemberFix } from './member-fixes';
import { describeLine, KIND_LABEL, type LineKind } from './member-lines';
import { confirmDestructive } from '../../components/confirm';
import { ScrollRegion } from '../../components/scroll-region';
import { Bdi } from '../../components/bidi-text';
import { STATE_LOOK } from '../../components/state-look';

export const KIND_COLOR: Record<LineKind, string> = {
  'remote-only': 'grape',
  'local-only': 'orange',
  drift: 'yellow',
  pending: STATE_LOOK.pending.color,
  flagged: STATE_LOOK.error.color,
  'in-sync': 'teal',
};

const clip: React.CSSProperties = { overflowWrap: 'anywhere' };

/** A drift line's member: the username and what kind of difference it is. */
export function DriftMemberCell({ username, kind }: { username: string; kind: LineKind }) {
  const { i18n } = useLingui();
  return (
    <Table.Td style={clip}>
      <Text size="sm" fw={500}>
        {username}
      </Text>
      <Badge size="sm" variant="light" color={KIND_COLOR[kind]}>
        {i18n._(KIND_LABEL[kind])}
      </Badge>
    </Table.Td>
  );
}

/** What differs on a drift line, and why its fix is what it is (or why there is none). */
export function DriftWhatCell({ line, why }: { line: Parameters<typeof describeLine>[0]; why: string }) {
  const { i18n } = useLingui();
  return (
    <Table.Td style={clip}>
      {/* Waldur's own error message may lead the text, in its language: its direction decides. */}
      <Text size="xs" dir="auto">
        {describeLine(line) || i18n._(KIND_LABEL[line.kind])}
      </Text>
      {why ? (
        <Text size="xs" c="dimmed">
          {why}
        </Text>
      ) : null}
    </Table.Td>
  );
}

/** A drift line's fix buttons: the main fix (or `fallback` where there is none) and the other one. */
export function FixButtons({
  main,
  other,
  disabled,
  onRun,
  fallback = null,
}: {
  main: MemberFix | null;
  other: MemberFix | null;
  disabled: boolean;
  onRun: (fixes: MemberFix[]) => void;
  fallback?: React.ReactNode;
}) {
  const { t, i18n } = useLingui();
  return (
    <Table.Td>
      <Group gap={4}>
        {main ? (
          <Button size="compact-xs" disabled={disabled} onClick={() => onRun([main])} aria-label={fixName(main)}>
            {i18n._(FIX_LABEL[main.kind])}
          </Button>
        ) : (
          fallback
        )}
        {other ? (
          <Button
            size="compact-xs"
            variant="light"
            color={other.kind === 'remove' ? 'red' : undefined}
            disabled={disabled}
            onClick={() => onRun([other])}
            aria-label={fixName(other)}
          >
            {other.kind === 'remove' ? t`Remove` : i18n._(FIX_LABEL[other.kind])}
          </Button>
        ) : null}
      </Group>
    </Table.Td>
  );
}

type Props = {
  running: boolean;
  total: number;
  outcomes: readonly FixOutcome[];
  onRetry: (fixes: MemberFix[]) => void;
  onDismiss: () => void;
};

/**
 * Per-row results of drift fixes: what Waldur did and what Keycloak shows afterwards. A re-add
 * stopped after its delete offers to create the membership again from the kept data.
 */
export function FixResults({ running, total, outcomes, onRetry, onDismiss }: Props) {
  const failed = outcomes.filter((outcome) => outcome.status === 'failed');
  const retries = failed.map((outcome) => (outcome.status === 'failed' && outcome.retry) || outcome.fix);
  const { t, i18n } = useLingui();
  const fixedCount = outcomes.length - failed.length;
  const failedCount = failed.length;
  const outcomeCount = outcomes.length;
  return (
    <Alert
      color={running ? 'indigo' : failed.length ? 'orange' : 'teal'}
      variant="light"
      role="status"
      aria-live="polite"
      title={
        running
          ? t`Fixing: ${outcomeCount} of ${total}`
          : failedCount
            ? t`Fixed ${fixedCount} of ${total}; ${failedCount} failed`
            : t`Fixed ${fixedCount} of ${total}`
      }
    >
      <Stack gap="xs">
        <Progress value={total ? (outcomes.length / total) * 100 : 100} aria-label={t`Fix progress`} animated={running} />
        <ScrollRegion label={t`Fix results`} maxHeight={220}>
          <List size="sm" spacing={2} aria-label={t`Fix results`}>
            {outcomes.map((outcome, index) => (
              <List.Item key={index}>
                <Text size="sm" span style={{ overflowWrap: 'anywhere' }}>
                  {outcome.status === 'failed' ? '✗ ' : '✓ '}
                  {i18n._(FIX_LABEL[outcome.fix.kind])}{' '}
                  <Bdi>{outcome.fix.kind === 'pull' ? outcome.fix.group.name : `${outcome.fix.username} (${outcome.fix.group.name})`}</Bdi>:{' '}
                  {outcome.message}
                </Text>
              </List.Item>
            ))}
          </List>
        </ScrollRegion>
        {!running ? (
          <Group gap="xs">
            {failed.length ? (
              <Button size="xs" variant="light" onClick={() => onRetry(retries)}>
                <Trans>Retry failed ({failedCount})</Trans>
              </Button>
            ) : null}
            <Button size="xs" variant="default" onClick={onDismiss}>
              <Trans>Dismiss</Trans>
            </Button>
          </Group>
        ) : null}
      </Stack>
    </Alert>
  );
}

/**
 * Runs drift fixes (removes and re-adds confirmed first, with their consequence), shows the
 * per-row results, and calls `reread` afterwards so the view shows what the servers say now.
 */
export function useFixRunner(offeringUuid: string, reread: (fixes: readonly MemberFix[]) => Promise<unknown>) {
  const [outcomes, setOutcomes] = useState<FixOutcome[]>([]);
  const { t } = useLingui();
  const [total, setTotal] = useState(0);
  const mutation = useMutation({
    mutationFn: async (fixes: MemberFix[]) => {
      const unique = dedupeFixes(fixes);
      setOutcomes([]);
      setTotal(unique.length);
      try {
        return await runFixes(offeringUuid, unique, { onOutcome: (outcome) => setOutcomes((previous) => [...previous, outcome]) });
      } finally {
        await reread(unique);
      }
    },
  });
  const { mutate } = mutation;
  const run = useCallback(
    (fixes: MemberFix[]) => {
      const removes = fixes.filter((fix) => fix.kind === 'remove').length;
      const readds = fixes.filter((fix) => fix.kind === 'readd').length;
      if (!removes && !readds) return mutate(fixes);
      confirmDestructive({
        title: removes
          ? plural(removes, { one: 'Remove # membership?', other: 'Remove # memberships?' })
          : plural(readds, { one: 'Re-add # membership?', other: 'Re-add # memberships?' }),
        confirmLabel: removes ? t`Remove` : t`Re-add`,
        children: (
          <Stack gap="xs">
            {removes ? (
              <Text size="sm">
                {plural(removes, {
                  one: 'Waldur deletes # membership and removes the user from the Keycloak group, so they lose the access it grants. Removing a group’s last membership deletes the group in Waldur and in Keycloak.',
                  other:
                    'Waldur deletes # memberships and removes the users from the Keycloak group, so they lose the access it grants. Removing a group’s last membership deletes the group in Waldur and in Keycloak.',
                })}
              </Text>
            ) : null}
            {readds ? (
              <Text size="sm">
                <Trans>
                  Re-adding deletes each membership and creates it again, so that Waldur adds the user to the Keycloak group again. A
                  group’s only membership is not re-added: deleting it would delete the group.
                </Trans>
              </Text>
            ) : null}
            <Text size="sm">
              <Trans>Afterwards both sides are read again and each line says what Keycloak shows.</Trans>
            </Text>
          </Stack>
        ),
        onConfirm: () => mutate(fixes),
      });
    },
    [mutate, t],
  );
  const panel =
    total > 0 ? (
      <FixResults running={mutation.isPending} total={total} outcomes={outcomes} onRetry={run} onDismiss={() => setTotal(0)} />
    ) : null;
  return { run, running: mutation.isPending, panel };
}
