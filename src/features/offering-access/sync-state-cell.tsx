import { i18n } from '@lingui/core';
import { t } from '@lingui/core/macro';
import { Trans, useLingui } from '@lingui/react/macro';
import { Badge, Group, Stack, Text } from '@mantine/core';
import { formatDateTime } from '../../lib/format';
import { SYNC_WORDS, syncFilterOf, type SyncReport } from './sync-state';

const clip: React.CSSProperties = { overflowWrap: 'anywhere' };

/** The words for a report, one line: for the CSV and for screen readers alike. */
export function syncSentence(report: SyncReport): string {
  if (report.kind === 'off') return t`Not reported for this offering`;
  if (report.kind === 'unreadable') return t`Unknown`;
  const filter = syncFilterOf(report);
  return filter ? i18n._(SYNC_WORDS[filter].label) : t`Unknown`;
}

/**
 * A grant's sync state: icon and words, the agent's message and when it reported, and the
 * resource's last sync. "In Keycloak" only for a `synced` report, always with its time.
 */
export function SyncStateCell({ report, lastSync }: { report: SyncReport; lastSync?: string | null }) {
  const { i18n } = useLingui();
  if (report.kind === 'off') {
    return (
      <Text size="xs" c="dimmed">
        <Trans>Not reported for this offering</Trans>
      </Text>
    );
  }
  if (report.kind === 'unreadable') {
    return (
      <Text size="xs" c="dimmed" style={clip} title={i18n._(report.reason)}>
        <Trans>Unknown to this account</Trans>
      </Text>
    );
  }
  const filter = syncFilterOf(report) ?? 'not_reported';
  const words = SYNC_WORDS[filter];
  const reported = report.kind === 'reported';
  const reportedAt = reported ? formatDateTime(report.reportedAt) : '';
  const lastSynced = lastSync ? formatDateTime(lastSync) : '';
  return (
    <Stack gap={2}>
      <Group gap={4} wrap="nowrap">
        <Badge
          color={words.color}
          variant={filter === 'not_reported' ? 'outline' : 'light'}
          leftSection={<span aria-hidden="true">{words.icon}</span>}
          style={{ textTransform: 'none' }}
        >
          {i18n._(words.label)}
        </Badge>
      </Group>
      {reported && report.message ? (
        <Text size="xs" style={clip} lineClamp={3} title={report.message}>
          <bdi>{report.message}</bdi>
        </Text>
      ) : null}
      {reported ? (
        <Text size="xs" c="dimmed">
          {filter === 'synced' ? <Trans>as of {reportedAt}</Trans> : <Trans>reported {reportedAt}</Trans>}
        </Text>
      ) : null}
      {lastSync !== undefined ? (
        <Text size="xs" c="dimmed">
          {lastSync ? <Trans>Resource synced {lastSynced}</Trans> : <Trans>Resource synced never</Trans>}
        </Text>
      ) : null}
    </Stack>
  );
}
