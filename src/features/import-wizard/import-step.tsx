import { msg, plural } from '@lingui/core/macro';
import { Trans, useLingui } from '@lingui/react/macro';
import type { MessageDescriptor } from '@lingui/core';
import { Alert, Anchor, Badge, Group, Loader, Progress, Stack, Table, Text, Title } from '@mantine/core';
import { memo } from 'react';
import { Link } from 'react-router';
import { formatNumber } from '../../lib/format';
import { VirtualTable } from '../../components/virtual-table';
import { countResults, type GroupResult, type PullState, type WizardState } from './wizard-state';
import { Bdi } from '../../components/bidi-text';
import { isolate, showControls } from '../../lib/bidi';

type Props = { offeringUuid: string; state: WizardState };

/** How far along one group is: importing is one part, pulling (when asked for) another. */
function progressOf(result: GroupResult | undefined): number {
  if (!result || result.status === 'waiting' || result.status === 'importing') return 0;
  if (result.status !== 'imported') return 1;
  return result.pull?.state === 'waiting' || result.pull?.state === 'pulling' ? 0.5 : 1;
}

const RESULT_BADGE: Record<GroupResult['status'], { label: MessageDescriptor; color: string }> = {
  waiting: { label: msg`Waiting`, color: 'gray' },
  importing: { label: msg`Importing…`, color: 'blue' },
  imported: { label: msg`Imported`, color: 'green' },
  skipped: { label: msg`Skipped`, color: 'yellow' },
  failed: { label: msg`Failed`, color: 'red' },
  'not-started': { label: msg`Not started`, color: 'gray' },
  interrupted: { label: msg`Interrupted`, color: 'orange' },
};

function details(result: GroupResult | undefined): React.ReactNode {
  switch (result?.status) {
    case 'imported': {
      const localName = result.localGroup.name;
      return (
        <>
          <Trans>
            Local group <Bdi>“{localName}”</Bdi>
          </Trans>
          {result.note ? `. ${result.note}` : ''}
        </>
      );
    }
    case 'skipped':
      return result.reason;
    case 'failed':
      return result.message;
    case 'not-started':
      return result.reason;
    case 'interrupted':
      return <Trans>It was being sent when the page went away. Resume checks whether Waldur has it before sending it again.</Trans>;
    default:
      return null;
  }
}

function membersCell(result: GroupResult | undefined, running: boolean): React.ReactNode {
  if (result?.status !== 'imported')
    return (
      <Text size="sm" c="dimmed">
        —
      </Text>
    );
  const pull: PullState | null = result.pull;
  if (!pull)
    return (
      <Text size="sm" c="dimmed">
        <Trans>Not pulled</Trans>
      </Text>
    );
  switch (pull.state) {
    case 'waiting':
      return (
        <Text size="sm" c="dimmed">
          {running ? <Trans>Waiting</Trans> : <Trans>Not pulled yet</Trans>}
        </Text>
      );
    case 'pulling':
      return (
        <Group gap={6} wrap="nowrap">
          <Loader size={14} aria-hidden="true" />
          <Text size="sm">
            <Trans>Pulling…</Trans>
          </Text>
        </Group>
      );
    case 'done':
      return (
        <Text size="sm">
          {plural(pull.created, { one: '# member pulled', other: '# members pulled' })}
          <Text span size="xs" c="dimmed" display="block">
            {pull.updated > 0 ? `${plural(pull.updated, { one: '# updated', other: '# updated' })} · ` : ''}
            {plural(pull.totalRemote, { one: '# in Keycloak', other: '# in Keycloak' })}
          </Text>
        </Text>
      );
    case 'failed': {
      const pullMessage = pull.message;
      return (
        <Text size="sm" c="red" style={{ overflowWrap: 'anywhere' }}>
          <Trans>Pull failed: {pullMessage}</Trans>
        </Text>
      );
    }
  }
}

/** Step 4: progress and a live per-group result; Retry and Resume live in the wizard footer. */
export const ImportStep = memo(function ImportStep({ offeringUuid, state }: Props) {
  const { t, i18n } = useLingui();
  const running = state.run.phase === 'running';
  const counts = countResults(state);
  const ids = state.selected.filter((id) => state.results[id]);
  const sent = ids.filter((id) => progressOf(state.results[id]) > 0).length;
  const pulled = ids.filter((id) => {
    const result = state.results[id];
    return result?.status === 'imported' && (result.pull?.state === 'done' || result.pull?.state === 'failed');
  }).length;
  const weight = ids.reduce((sum, id) => sum + progressOf(state.results[id]), 0);
  const percent = ids.length === 0 ? 0 : running ? Math.round((weight / ids.length) * 100) : 100;
  const stopped = state.run.phase === 'finished' ? state.run.stopped : null;
  const importedNames = ids.filter((id) => state.results[id]?.status === 'imported').map((id) => state.groups[id]?.name ?? id);
  const failed = counts.failed + counts.pullFailed;

  const sentText = formatNumber(sent);
  const pulledText = formatNumber(pulled);
  const summary = running
    ? state.pullMembers
      ? plural(ids.length, {
          one: `Importing: ${sentText} of # group sent, members pulled for ${pulledText}`,
          other: `Importing: ${sentText} of # groups sent, members pulled for ${pulledText}`,
        })
      : plural(ids.length, { one: `Importing: ${sentText} of # group sent`, other: `Importing: ${sentText} of # groups sent` })
    : [
        plural(counts.imported, { one: '# group imported', other: '# groups imported' }),
        plural(counts.skipped, { one: '# skipped', other: '# skipped' }),
        plural(failed, { one: '# failed', other: '# failed' }),
        counts.notStarted ? plural(counts.notStarted, { one: '# not started', other: '# not started' }) : '',
        state.pullMembers ? plural(counts.membersPulled, { one: '# member pulled', other: '# members pulled' }) : '',
      ]
        .filter(Boolean)
        .join(' · ');
  const shownNames = importedNames
    .slice(0, 10)
    .map((name) => `“${isolate(name)}”`)
    .join(', ');
  const moreNames = importedNames.length - 10;
  const namesText = moreNames > 0 ? t`${shownNames} and ${moreNames} more` : shownNames;

  return (
    <Stack gap="sm">
      <Title order={3} size="h4">
        <Trans>Import</Trans>
      </Title>
      <Progress
        value={percent}
        animated={running}
        size="lg"
        aria-label={t`Import progress`}
        color={!running && failed > 0 ? 'yellow' : undefined}
      />
      <Text size="sm" fw={500} role="status" aria-live="polite">
        {summary}
      </Text>
      {stopped === 'session-expired' || stopped === 'interrupted' || stopped === 'cancelled' || stopped === 'forbidden' ? (
        <Alert color={stopped === 'forbidden' ? 'red' : 'yellow'} variant="light" title={i18n._(STOP_TITLES[stopped])} role="alert">
          <Text size="sm">
            {importedNames.length === 0 ? t`No group was imported before it stopped.` : t`Imported before it stopped: ${namesText}.`}{' '}
            {counts.notStarted > 0 ? `${plural(counts.notStarted, { one: '# group not started.', other: '# groups not started.' })} ` : ''}
            {stopped === 'forbidden'
              ? t`Waldur does not allow you to import groups for this offering.`
              : t`Nothing is imported twice: Resume sends only what is left.`}
          </Text>
        </Alert>
      ) : null}
      {!running && failed > 0 ? (
        <Alert color="red" variant="light" title={plural(failed, { one: '# group failed', other: '# groups failed' })}>
          <Text size="sm">
            <Trans>The table says why. Retry failed sends only those again; imported groups are not touched.</Trans>
          </Text>
        </Alert>
      ) : null}
      <VirtualTable
        count={ids.length}
        columns={4}
        estimateRowHeight={48}
        label={t`Import results`}
        head={
          <Table.Tr>
            <Table.Th w="30%">
              <Trans>Remote group</Trans>
            </Table.Th>
            <Table.Th w={140}>
              <Trans>Result</Trans>
            </Table.Th>
            <Table.Th>
              <Trans>Details</Trans>
            </Table.Th>
            <Table.Th w="20%">
              <Trans>Members</Trans>
            </Table.Th>
          </Table.Tr>
        }
        row={(index) => {
          const id = ids[index] ?? '';
          const result = state.results[id];
          const info = state.groups[id] ?? { name: id, path: '' };
          const badge = result ? RESULT_BADGE[result.status] : RESULT_BADGE.waiting;
          return (
            <>
              <Table.Td>
                <Text size="sm" fw={500} lineClamp={2} title={showControls(info.name)} style={{ overflowWrap: 'anywhere' }}>
                  <Bdi>{info.name}</Bdi>
                </Text>
                <Text size="xs" c="dimmed" truncate="end" title={showControls(info.path)}>
                  <Bdi>{info.path}</Bdi>
                </Text>
              </Table.Td>
              <Table.Td>
                <Group gap={6} wrap="nowrap">
                  {result?.status === 'importing' ? <Loader size={14} aria-hidden="true" /> : null}
                  <Badge color={badge.color} variant="light">
                    {i18n._(badge.label)}
                  </Badge>
                </Group>
              </Table.Td>
              <Table.Td>
                <Text size="sm" style={{ overflowWrap: 'anywhere' }} c={result?.status === 'failed' ? 'red' : undefined}>
                  {details(result)}
                </Text>
              </Table.Td>
              <Table.Td>{membersCell(result, running)}</Table.Td>
            </>
          );
        }}
      />
      {!running && counts.imported > 0 ? (
        <Text size="sm">
          <Trans>
            The imported groups are on the{' '}
            <Anchor component={Link} to={`/offerings/${offeringUuid}/groups`} underline="always">
              Groups tab
            </Anchor>
            .
          </Trans>
        </Text>
      ) : null}
    </Stack>
  );
});

const STOP_TITLES = {
  'session-expired': msg`The import stopped: your session expired`,
  interrupted: msg`The import was interrupted`,
  cancelled: msg`You stopped the import`,
  forbidden: msg`The import stopped: not allowed`,
} as const;
