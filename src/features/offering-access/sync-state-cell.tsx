import { Badge, Group, Stack, Text } from '@mantine/core';
import { formatDateTime } from '../../lib/format';
import { SYNC_WORDS, syncFilterOf, type SyncReport } from './sync-state';

const clip: React.CSSProperties = { overflowWrap: 'anywhere' };

/** The words for a report, one line: for the CSV and for screen readers alike. */
export function syncSentence(report: SyncReport): string {
  if (report.kind === 'off') return 'Not reported for this offering';
  if (report.kind === 'unreadable') return 'Unknown';
  const filter = syncFilterOf(report);
  return filter ? SYNC_WORDS[filter].label : 'Unknown';
}

/**
 * A grant's sync state: icon and words, the agent's message and when it reported, and the
 * resource's last sync. "In Keycloak" only for a `synced` report, always with its time.
 */
export function SyncStateCell({ report, lastSync }: { report: SyncReport; lastSync?: string | null }) {
  if (report.kind === 'off') {
    return (
      <Text size="xs" c="dimmed">
        Not reported for this offering
      </Text>
    );
  }
  if (report.kind === 'unreadable') {
    return (
      <Text size="xs" c="dimmed" style={clip} title={report.reason}>
        Unknown to this account
      </Text>
    );
  }
  const filter = syncFilterOf(report) ?? 'not_reported';
  const words = SYNC_WORDS[filter];
  const reported = report.kind === 'reported';
  return (
    <Stack gap={2}>
      <Group gap={4} wrap="nowrap">
        <Badge
          color={words.color}
          variant={filter === 'not_reported' ? 'outline' : 'light'}
          leftSection={<span aria-hidden="true">{words.icon}</span>}
          style={{ textTransform: 'none' }}
        >
          {words.label}
        </Badge>
      </Group>
      {reported && report.message ? (
        <Text size="xs" style={clip} lineClamp={3} title={report.message}>
          <bdi>{report.message}</bdi>
        </Text>
      ) : null}
      {reported ? (
        <Text size="xs" c="dimmed">
          {filter === 'synced' ? 'as of ' : 'reported '}
          {formatDateTime(report.reportedAt)}
        </Text>
      ) : null}
      {lastSync !== undefined ? (
        <Text size="xs" c="dimmed">
          Resource synced {lastSync ? formatDateTime(lastSync) : 'never'}
        </Text>
      ) : null}
    </Stack>
  );
}
