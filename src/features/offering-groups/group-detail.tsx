import type { MessageDescriptor } from '@lingui/core';
import { msg } from '@lingui/core/macro';
import { Trans, useLingui } from '@lingui/react/macro';
import { Alert, Badge, Button, Code, Drawer, Group, Paper, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { ApiError } from '../../api/errors';
import { MISSING_FIXES, MISSING_PULL_REASON, missingExplanation } from '../../api/remote-presence';
import { groupQueries, remoteGroupQueries } from '../../api/group-queries';
import type { OfferingGroup } from '../../api/types';
import { ErrorAlert } from '../../components/error-alert';
import { StateBadge } from '../../components/state-badge';
import { TableSkeleton } from '../../components/table-skeleton';
import { isolate } from '../../lib/bidi';
import { formatDateTime, formatNumber, formatTime } from '../../lib/format';
import { memberLines, type MemberLine } from '../member-drift/member-lines';
import { DriftFixes } from '../member-drift/group-drift-fixes';
import type { GroupActions } from './group-actions';
import { NOT_LINKED_REASON } from './group-messages';
import { KEYCLOAK_SETTINGS_HINT } from '../../api/keycloak-refusal';
import { LinkBadge, useRemotePresence } from './remote-presence';
import { Bdi } from '../../components/bidi-text';

type Presence = 'both' | 'local' | 'remote';
const PRESENCE_LABEL: Record<Presence, MessageDescriptor> = {
  both: msg`In both`,
  local: msg`Only in Waldur`,
  remote: msg`Only in Keycloak`,
};

/** The two columns' view of the lines: who is on both sides, and who on one only. */
function presenceView(lines: readonly MemberLine[]) {
  const local = lines.flatMap((line) =>
    line.local ? [{ member: line.local, presence: line.remote ? ('both' as const) : ('local' as const) }] : [],
  );
  const remote = lines.flatMap((line) =>
    line.remote ? [{ user: line.remote, presence: line.local ? ('both' as const) : ('remote' as const) }] : [],
  );
  const both = local.filter((row) => row.presence === 'both').length;
  return { local, remote, counts: { both, localOnly: local.length - both, remoteOnly: remote.length - both } };
}

const PRESENCE_COLOR: Record<Presence, string> = { both: 'teal', local: 'orange', remote: 'grape' };

export function PresenceBadge({ presence }: { presence: Presence }) {
  const { i18n } = useLingui();
  return (
    <Badge color={PRESENCE_COLOR[presence]} variant="light" style={{ flexShrink: 0 }}>
      {i18n._(PRESENCE_LABEL[presence])}
    </Badge>
  );
}

type Props = {
  offeringUuid: string;
  groupUuid: string;
  actions: GroupActions;
  onClose: () => void;
};

/** One group: its facts, its actions and the member-level diff between Waldur and Keycloak. */
export function GroupDetail({ offeringUuid, groupUuid, actions, onClose }: Props) {
  const detail = useQuery(groupQueries.detail(offeringUuid, groupUuid));
  const { t } = useLingui();
  if (detail.data)
    return (
      <GroupDetailBody
        offeringUuid={offeringUuid}
        group={detail.data}
        actions={actions}
        onClose={onClose}
        onChanged={() => detail.refetch()}
      />
    );
  if (detail.error) {
    if (detail.error instanceof ApiError && detail.error.isNotFound) {
      return (
        <Alert color="yellow" title={t`This group was deleted, or is not yours to see`} role="alert">
          <Text size="sm">
            <Trans>
              Waldur answers “not found” in both cases: someone may have deleted the group, or your account cannot see it (only staff and
              the owners of the offering’s organization can). It may also not belong to this offering.
            </Trans>
          </Text>
          <Button mt="sm" size="xs" variant="white" onClick={onClose}>
            <Trans>Close</Trans>
          </Button>
        </Alert>
      );
    }
    return <ErrorAlert error={detail.error} onRetry={() => void detail.refetch()} />;
  }
  return <TableSkeleton rows={4} label={t`Loading the group`} />;
}

function Fact({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <Table.Tr>
      <Table.Th w={150} style={{ verticalAlign: 'top' }}>
        {label}
      </Table.Th>
      <Table.Td style={{ overflowWrap: 'anywhere' }}>{children}</Table.Td>
    </Table.Tr>
  );
}

function GroupDetailBody({
  offeringUuid,
  group,
  actions,
  onClose,
  onChanged,
}: {
  offeringUuid: string;
  group: OfferingGroup;
  actions: GroupActions;
  onClose: () => void;
  onChanged: () => Promise<unknown>;
}) {
  const { canManage, reason } = actions.permission;
  const linked = Boolean(group.backend_id);
  const busy = actions.isBusy(group.uuid);
  const remoteGroups = useQuery({ ...remoteGroupQueries.all(offeringUuid), enabled: linked });
  const remote = remoteGroups.data?.find((item) => item.id === group.backend_id);
  const presence = useRemotePresence(offeringUuid, group.backend_id);
  const missing = presence === 'missing';
  const disabledReason = !canManage ? reason : null;
  const { t, i18n } = useLingui();
  const scopeType = group.role_scope_type;
  const notLinkedReason = i18n._(NOT_LINKED_REASON);

  return (
    <Stack gap="md">
      <Table variant="vertical" withTableBorder layout="fixed">
        <Table.Tbody>
          <Fact label={t`Role`}>
            {group.role_name}{' '}
            <Text span size="sm" c="dimmed">
              ({scopeType ? t`scope: ${scopeType}` : t`offering-wide`})
            </Text>
          </Fact>
          <Fact label={t`Resource`}>{group.resource_name || '—'}</Fact>
          <Fact label={t`Scope ID`}>{group.scope_id ? <Code dir="ltr">{group.scope_id}</Code> : '—'}</Fact>
          <Fact label={t`Remote group`}>
            {linked ? (
              <Stack gap={2}>
                <LinkBadge backendId={group.backend_id} presence={presence} />
                {remote ? (
                  <Text size="sm" c="dimmed">
                    <Bdi>{remote.path}</Bdi>
                  </Text>
                ) : missing ? (
                  <Text size="sm" c="red.8" style={{ overflowWrap: 'anywhere' }}>
                    {i18n._(missingExplanation(group.backend_id))} {i18n._(MISSING_FIXES)}
                  </Text>
                ) : presence === 'unchecked' ? (
                  <Text size="sm" c="dimmed">
                    <Trans>Keycloak could not be read, so whether this remote group still exists was not checked.</Trans>
                  </Text>
                ) : presence === 'elsewhere' ? (
                  <Text size="sm" c="dimmed">
                    <Trans>
                      Outside the offering’s group in Keycloak (it is not among the remote groups Waldur lists for this offering).
                    </Trans>
                  </Text>
                ) : null}
              </Stack>
            ) : (
              <LinkBadge backendId="" presence="unknown" />
            )}
          </Fact>
          <Fact label={t`Created`}>{formatDateTime(group.created)}</Fact>
          <Fact label={t`Modified`}>{formatDateTime(group.modified)}</Fact>
        </Table.Tbody>
      </Table>
      <Stack gap={4}>
        <Group gap="xs">
          <Button
            size="xs"
            variant="light"
            disabled={!canManage || !linked || missing}
            loading={busy}
            onClick={() => void actions.pullMembers([group])}
          >
            <Trans>Pull members</Trans>
          </Button>
          <Button size="xs" variant="light" disabled={!canManage || busy} onClick={() => actions.openLink(group)}>
            <Trans>Link to remote group</Trans>
          </Button>
          <Button size="xs" variant="light" disabled={!canManage || !linked || busy} onClick={() => actions.confirmUnlink(group)}>
            <Trans>Unlink</Trans>
          </Button>
          <Button
            size="xs"
            variant="light"
            color="red"
            disabled={!canManage || busy}
            onClick={() => actions.confirmDelete([group], { onConfirmed: onClose })}
          >
            <Trans>Delete</Trans>
          </Button>
        </Group>
        {disabledReason ? (
          <Text size="xs" c="dimmed">
            {disabledReason}
          </Text>
        ) : !linked ? (
          <Text size="xs" c="dimmed">
            {t`Pull members: ${notLinkedReason}`}
          </Text>
        ) : missing ? (
          <Text size="xs" c="dimmed">
            {i18n._(MISSING_PULL_REASON)}
          </Text>
        ) : null}
      </Stack>
      <MemberDiff offeringUuid={offeringUuid} group={group} missing={missing} canManage={canManage} onChanged={onChanged} />
    </Stack>
  );
}

const SHOWN = 200;

const MISSING_MEMBERS_HINT = msg`Its members cannot be listed: see Remote group above.`;

function MemberDiff({
  offeringUuid,
  group,
  missing,
  canManage,
  onChanged,
}: {
  offeringUuid: string;
  group: OfferingGroup;
  /** Keycloak answers, but has no group with this backend_id. */
  missing: boolean;
  canManage: boolean;
  onChanged: () => Promise<unknown>;
}) {
  const linked = Boolean(group.backend_id);
  const local = useQuery(groupQueries.members(offeringUuid, group.uuid));
  const remote = useQuery({ ...remoteGroupQueries.members(offeringUuid, group.backend_id), enabled: linked });
  const lines = useMemo(() => memberLines(local.data?.items ?? [], remote.data ?? []), [local.data, remote.data]);
  const diff = useMemo(() => presenceView(lines), [lines]);
  const ready = Boolean(local.data) && (!linked || Boolean(remote.data));
  const checkedAt = Math.max(local.dataUpdatedAt, linked ? remote.dataUpdatedAt : 0);
  const fetching = local.isFetching || remote.isFetching;
  const { t, i18n } = useLingui();
  const { both, localOnly, remoteOnly } = diff.counts;
  const checkedTime = formatTime(checkedAt);
  const localCount = local.data ? formatNumber(local.data.items.length) : '';
  const remoteCount = remote.data ? formatNumber(remote.data.length) : '';

  return (
    <Stack gap="sm">
      <Group justify="space-between" align="flex-end">
        <div>
          <Title order={3} size="h4">
            <Trans>Members in Waldur and Keycloak</Trans>
          </Title>
          {ready && linked ? (
            <Text size="sm" c="dimmed" aria-live="polite">
              <Trans>
                {both} in both, {localOnly} only in Waldur, {remoteOnly} only in Keycloak
              </Trans>
            </Text>
          ) : null}
        </div>
        <Group gap="xs">
          {checkedAt ? (
            <Text size="xs" c="dimmed">
              <Trans>Checked at {checkedTime}</Trans>
            </Text>
          ) : null}
          <Button
            size="xs"
            variant="default"
            loading={fetching}
            onClick={() => void Promise.all([local.refetch(), linked ? remote.refetch() : null])}
          >
            <Trans>Refresh members</Trans>
          </Button>
        </Group>
      </Group>
      {ready && linked ? (
        <DriftFixes
          offeringUuid={offeringUuid}
          group={group}
          lines={lines}
          canManage={canManage}
          reread={() => Promise.all([local.refetch(), remote.refetch(), onChanged()])}
        />
      ) : null}
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
        <Paper withBorder p="sm" component="section" aria-label={t`Members in Waldur`}>
          <Title order={4} size="h5" mb="xs">
            {local.data ? t`In Waldur (${localCount})` : t`In Waldur`}
          </Title>
          {local.data ? (
            diff.local.length === 0 ? (
              <Text size="sm" c="dimmed">
                <Trans>No members in Waldur.</Trans>
              </Text>
            ) : (
              <MemberList
                rows={diff.local.map(({ member, presence }) => ({
                  key: member.uuid,
                  username: member.username,
                  name: [member.first_name, member.last_name].filter(Boolean).join(' '),
                  email: member.email,
                  // Without the Keycloak side there is nothing to compare with.
                  presence: linked && remote.data ? presence : null,
                  extra:
                    member.error_message || member.state !== 'active' ? (
                      <StateBadge state={member.state ?? 'pending'} errorMessage={member.error_message} />
                    ) : null,
                }))}
              />
            )
          ) : local.error ? (
            <ErrorAlert error={local.error} onRetry={() => void local.refetch()} />
          ) : (
            <TableSkeleton rows={3} label={t`Loading members in Waldur`} />
          )}
        </Paper>
        <Paper withBorder p="sm" component="section" aria-label={t`Members in Keycloak`}>
          <Title order={4} size="h5" mb="xs">
            {remote.data ? t`In Keycloak (${remoteCount})` : t`In Keycloak`}
          </Title>
          {!linked ? (
            <Text size="sm" c="dimmed">
              <Trans>Not linked to a Keycloak group, so there are no remote members to compare. Link it to see them.</Trans>
            </Text>
          ) : remote.data ? (
            diff.remote.length === 0 ? (
              <Text size="sm" c="dimmed">
                <Trans>No members in Keycloak.</Trans>
              </Text>
            ) : (
              <MemberList
                rows={diff.remote.map(({ user, presence }) => ({
                  key: user.id,
                  username: user.username,
                  name: [user.first_name, user.last_name].filter(Boolean).join(' '),
                  email: user.email,
                  presence,
                  extra: null,
                }))}
              />
            )
          ) : remote.error && missing ? (
            // Missing in Keycloak is said once, beside the remote group with why and the fixes.
            <Text size="sm" c="dimmed">
              {i18n._(MISSING_MEMBERS_HINT)}
            </Text>
          ) : remote.error ? (
            <ErrorAlert
              error={remote.error}
              title={t`Could not list the members in Keycloak`}
              // Why, and the fixes, stand once above (Remote group and the buttons under it); a retry
              // cannot bring a deleted remote group back.
              hint={i18n._(KEYCLOAK_SETTINGS_HINT)}
              onRetry={missing ? undefined : () => void remote.refetch()}
            />
          ) : (
            <TableSkeleton rows={3} label={t`Loading members in Keycloak`} />
          )}
        </Paper>
      </SimpleGrid>
    </Stack>
  );
}

type Row = { key: string; username: string; name: string; email: string; presence: Presence | null; extra: React.ReactNode };

function MemberList({ rows }: { rows: Row[] }) {
  const [all, setAll] = useState(false);
  const shown = all ? rows : rows.slice(0, SHOWN);
  const { t } = useLingui();
  const allCount = formatNumber(rows.length);
  return (
    <Stack gap={0}>
      <Stack gap={0} component="ul" style={{ listStyle: 'none', margin: 0, padding: 0 }}>
        {shown.map((row) => (
          <li key={row.key} style={{ borderTop: '1px solid var(--mantine-color-default-border)', padding: '6px 0' }}>
            <Group justify="space-between" wrap="nowrap" align="flex-start" gap="xs">
              <div style={{ minWidth: 0 }}>
                <Text size="sm" fw={500} style={{ overflowWrap: 'anywhere' }}>
                  {row.username || t`(no username)`}
                </Text>
                {row.name || row.email ? (
                  <Text size="xs" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
                    {[row.name, row.email].filter(Boolean).map(isolate).join(' · ')}
                  </Text>
                ) : null}
                {row.extra}
              </div>
              {row.presence ? <PresenceBadge presence={row.presence} /> : null}
            </Group>
          </li>
        ))}
      </Stack>
      {rows.length > SHOWN && !all ? (
        <Button variant="subtle" size="xs" mt="xs" onClick={() => setAll(true)}>
          <Trans>Show all {allCount}</Trans>
        </Button>
      ) : null}
    </Stack>
  );
}

const clip: React.CSSProperties = { overflowWrap: 'anywhere' };

/** The detail panel of the groups tab: a drawer open while the URL names a group. */
export function GroupDetailDrawer({
  offeringUuid,
  groupUuid,
  title,
  actions,
  onClose,
}: {
  offeringUuid: string;
  groupUuid: string;
  title: string | undefined;
  actions: GroupActions;
  onClose: () => void;
}) {
  const { t } = useLingui();
  return (
    <Drawer
      opened={Boolean(groupUuid)}
      onClose={onClose}
      position="right"
      size={960}
      title={
        <span style={clip}>
          <Bdi>{title ?? t`Group`}</Bdi>
        </span>
      }
    >
      {groupUuid ? <GroupDetail offeringUuid={offeringUuid} groupUuid={groupUuid} actions={actions} onClose={onClose} /> : null}
    </Drawer>
  );
}
