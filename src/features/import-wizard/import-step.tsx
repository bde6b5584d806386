import { Alert, Anchor, Badge, Group, Loader, Progress, Stack, Table, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import { pluralize } from '../../lib/format';
import { VirtualTable } from '../../components/virtual-table';
import { countResults, type GroupResult, type PullState, type WizardState } from './wizard-state';
import { Bdi } from '../../components/bidi-text';
import { showControls } from '../../lib/bidi';

type Props = { offeringUuid: string; state: WizardState };

/** How far along one group is: importing is one part, pulling (when asked for) another. */
function progressOf(result: GroupResult | undefined): number {
  if (!result || result.status === 'waiting' || result.status === 'importing') return 0;
  if (result.status !== 'imported') return 1;
  return result.pull?.state === 'waiting' || result.pull?.state === 'pulling' ? 0.5 : 1;
}

const RESULT_BADGE: Record<GroupResult['status'], { label: string; color: string }> = {
  waiting: { label: 'Waiting', color: 'gray' },
  importing: { label: 'Importing…', color: 'blue' },
  imported: { label: 'Imported', color: 'green' },
  skipped: { label: 'Skipped', color: 'yellow' },
  failed: { label: 'Failed', color: 'red' },
  'not-started': { label: 'Not started', color: 'gray' },
  interrupted: { label: 'Interrupted', color: 'orange' },
};

function details(result: GroupResult | undefined): React.ReactNode {
  switch (result?.status) {
    case 'imported':
      return (
        <>
          Local group <Bdi>“{result.localGroup.name}”</Bdi>
          {result.note ? `. ${result.note}` : ''}
        </>
      );
    case 'skipped':
      return result.reason;
    case 'failed':
      return result.message;
    case 'not-started':
      return result.reason;
    case 'interrupted':
      return 'It was being sent when the page went away. Resume checks whether Waldur has it before sending it again.';
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
        Not pulled
      </Text>
    );
  switch (pull.state) {
    case 'waiting':
      return (
        <Text size="sm" c="dimmed">
          {running ? 'Waiting' : 'Not pulled yet'}
        </Text>
      );
    case 'pulling':
      return (
        <Group gap={6} wrap="nowrap">
          <Loader size={14} aria-hidden="true" />
          <Text size="sm">Pulling…</Text>
        </Group>
      );
    case 'done':
      return (
        <Text size="sm">
          {pluralize(pull.created, 'member')} pulled
          <Text span size="xs" c="dimmed" display="block">
            {pull.updated > 0 ? `${pull.updated} updated · ` : ''}
            {pull.totalRemote.toLocaleString()} in Keycloak
          </Text>
        </Text>
      );
    case 'failed':
      return (
        <Text size="sm" c="red" style={{ overflowWrap: 'anywhere' }}>
          Pull failed: {pull.message}
        </Text>
      );
  }
}

/** Step 4: progress and a live per-group result; Retry and Resume live in the wizard footer. */
export function ImportStep({ offeringUuid, state }: Props) {
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

  const summary = running
    ? `Importing: ${sent.toLocaleString()} of ${pluralize(ids.length, 'group')} sent${state.pullMembers ? `, members pulled for ${pulled.toLocaleString()}` : ''}`
    : [
        `${pluralize(counts.imported, 'group')} imported`,
        `${counts.skipped.toLocaleString()} skipped`,
        `${failed.toLocaleString()} failed`,
        counts.notStarted ? `${counts.notStarted.toLocaleString()} not started` : '',
        state.pullMembers ? `${pluralize(counts.membersPulled, 'member')} pulled` : '',
      ]
        .filter(Boolean)
        .join(' · ');

  return (
    <Stack gap="sm">
      <Title order={3} size="h4">
        Import
      </Title>
      <Progress
        value={percent}
        animated={running}
        size="lg"
        aria-label="Import progress"
        color={!running && failed > 0 ? 'yellow' : undefined}
      />
      <Text size="sm" fw={500} role="status" aria-live="polite">
        {summary}
      </Text>
      {stopped === 'session-expired' || stopped === 'interrupted' || stopped === 'cancelled' || stopped === 'forbidden' ? (
        <Alert color={stopped === 'forbidden' ? 'red' : 'yellow'} variant="light" title={STOP_TITLES[stopped]} role="alert">
          <Text size="sm">
            {importedNames.length === 0
              ? 'No group was imported before it stopped.'
              : `Imported before it stopped: ${importedNames
                  .slice(0, 10)
                  .map((name) => `“${name}”`)
                  .join(', ')}${importedNames.length > 10 ? ` and ${importedNames.length - 10} more` : ''}.`}{' '}
            {counts.notStarted > 0 ? `${pluralize(counts.notStarted, 'group')} not started. ` : ''}
            {stopped === 'forbidden'
              ? 'Waldur does not allow you to import groups for this offering.'
              : 'Nothing is imported twice: Resume sends only what is left.'}
          </Text>
        </Alert>
      ) : null}
      {!running && failed > 0 ? (
        <Alert color="red" variant="light" title={`${pluralize(failed, 'group')} failed`}>
          <Text size="sm">The table says why. Retry failed sends only those again; imported groups are not touched.</Text>
        </Alert>
      ) : null}
      <VirtualTable
        count={ids.length}
        columns={4}
        estimateRowHeight={48}
        label="Import results"
        head={
          <Table.Tr>
            <Table.Th w="30%">Remote group</Table.Th>
            <Table.Th w={140}>Result</Table.Th>
            <Table.Th>Details</Table.Th>
            <Table.Th w="20%">Members</Table.Th>
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
                    {badge.label}
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
          The imported groups are on the{' '}
          <Anchor component={Link} to={`/offerings/${offeringUuid}/groups`} underline="always">
            Groups tab
          </Anchor>
          .
        </Text>
      ) : null}
    </Stack>
  );
}

const STOP_TITLES = {
  'session-expired': 'The import stopped: your session expired',
  interrupted: 'The import was interrupted',
  cancelled: 'You stopped the import',
  forbidden: 'The import stopped: not allowed',
} as const;
