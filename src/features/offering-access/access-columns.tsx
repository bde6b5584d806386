import { i18n } from '@lingui/core';
import { t } from '@lingui/core/macro';
import { Trans } from '@lingui/react/macro';
import { Badge, Stack, Text } from '@mantine/core';
import type { ListColumn } from '../../components/selectable-table';
import { formatDateTime } from '../../lib/format';
import { isExpired, type Grant } from './grants';
import { syncSentence, SyncStateCell } from './sync-state-cell';

/** A grant as a table row: its key is the row's id. */
export type GrantRow = Grant & { uuid: string; lastSync: string | null };

const clip: React.CSSProperties = { overflowWrap: 'anywhere' };

export function scopeLabel(grant: Pick<Grant, 'scopeType' | 'resourceName' | 'projectName'>): string {
  const { resourceName, projectName } = grant;
  return grant.scopeType === 'resource' ? t`Resource ${resourceName}` : t`Project ${projectName} of ${resourceName}`;
}

export function grantRowLabel(grant: Grant): string {
  const { username, roleName } = grant;
  const scope = scopeLabel(grant);
  return t`${username} as ${roleName} on ${scope}`;
}

export function expirationText(expirationTime: string | null): string {
  return expirationTime ? formatDateTime(expirationTime) : t`Never`;
}

/**
 * The Access table's columns; the CSV writes every field, the sync report in words. The table's
 * headers follow the app's language; the CSV's column names stay English (scripts read them).
 */
export function grantColumns({
  showSync,
  roleTitle,
}: {
  showSync: boolean;
  roleTitle: (roleUuid: string) => string;
}): ListColumn<GrantRow, GrantRow>[] {
  return [
    {
      header: t`User`,
      width: '22%',
      cell: (row) => (
        <>
          <Text size="sm" fw={500} style={clip} lineClamp={2}>
            <bdi>{row.fullName || row.username}</bdi>
          </Text>
          <Text size="xs" c="dimmed" style={clip} lineClamp={1}>
            <bdi>{row.fullName ? row.username : row.email}</bdi>
          </Text>
        </>
      ),
      csv: [
        ['Username', (row) => row.username],
        ['Full name', (row) => row.fullName],
        ['Email', (row) => row.email],
        ['User UUID', (row) => row.userUuid],
      ],
    },
    {
      header: t`Role`,
      width: '16%',
      cell: (row) => {
        const title = roleTitle(row.roleUuid);
        return (
          <>
            <Text size="sm" style={clip}>
              <bdi>{row.roleName}</bdi>
            </Text>
            {title && title !== row.roleName ? (
              <Text size="xs" c="dimmed" style={clip} lineClamp={2}>
                <bdi>{title}</bdi>
              </Text>
            ) : null}
          </>
        );
      },
      csv: [
        ['Role', (row) => row.roleName],
        ['Role UUID', (row) => row.roleUuid],
      ],
    },
    {
      header: t`Scope`,
      width: '22%',
      cell: ({ resourceName, ...row }) => (
        <Stack gap={0}>
          <Text size="xs" c="dimmed">
            {row.scopeType === 'resource' ? t`Resource` : t`Resource project`}
          </Text>
          <Text size="sm" style={clip} lineClamp={2}>
            <bdi>{row.scopeType === 'resource' ? resourceName : row.projectName}</bdi>
          </Text>
          {row.scopeType === 'resource_project' ? (
            <Text size="xs" c="dimmed" style={clip} lineClamp={1}>
              <Trans>
                of <bdi>{resourceName}</bdi>
              </Trans>
            </Text>
          ) : null}
        </Stack>
      ),
      csv: [
        ['Scope type', (row) => row.scopeType],
        ['Resource', (row) => row.resourceName],
        ['Resource UUID', (row) => row.resourceUuid],
        ['Resource project', (row) => row.projectName],
        ['Resource project UUID', (row) => row.projectUuid],
      ],
    },
    {
      header: t`Expires`,
      width: '13%',
      cell: (row) => (
        <Stack gap={2}>
          <Text size="sm">{expirationText(row.expirationTime)}</Text>
          {isExpired(row.expirationTime) ? (
            <Badge color="gray" variant="light" style={{ textTransform: 'none' }}>
              <Trans>Expired, not yet revoked</Trans>
            </Badge>
          ) : null}
        </Stack>
      ),
      csv: [['Expiration time', (row) => row.expirationTime ?? '']],
    },
    {
      header: showSync ? t`Sync state` : undefined,
      width: '21%',
      cell: (row) => (
        <SyncStateCell
          report={row.sync}
          lastSync={row.sync.kind === 'reported' || row.sync.kind === 'not-reported' ? row.lastSync : undefined}
        />
      ),
      csv: [
        ['Sync state', (row) => syncSentence(row.sync)],
        [
          'Sync message',
          (row) => (row.sync.kind === 'reported' ? row.sync.message : row.sync.kind === 'unreadable' ? i18n._(row.sync.reason) : ''),
        ],
        ['Sync reported at', (row) => (row.sync.kind === 'reported' ? (row.sync.reportedAt ?? '') : '')],
        ['Resource last sync', (row) => row.lastSync ?? ''],
      ],
    },
  ];
}
