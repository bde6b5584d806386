import { plural } from '@lingui/core/macro';
import { Trans, useLingui } from '@lingui/react/macro';
import { Badge, Group, Paper, Skeleton, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { remoteGroupQueries } from '../../api/group-queries';
import type { RemoteGroup } from '../../api/types';
import { ErrorAlert } from '../../components/error-alert';
import { formatNumber } from '../../lib/format';
import { Bdi } from '../../components/bidi-text';
import { isolate } from '../../lib/bidi';

const SHOWN = 100;

/** Who is in the highlighted remote group, straight from Keycloak. */
export function MemberPreview({ offeringUuid, group }: { offeringUuid: string; group: RemoteGroup | null }) {
  const { t } = useLingui();
  const groupName = group?.name;
  return (
    <Paper withBorder p="sm" component="section" aria-labelledby="member-preview-title" h="100%">
      <Stack gap="xs">
        <Title order={3} size="h5" id="member-preview-title" style={{ overflowWrap: 'anywhere' }}>
          {group ? (
            <Trans>
              Members of <Bdi>{groupName}</Bdi>
            </Trans>
          ) : (
            t`Member preview`
          )}
        </Title>
        {group ? (
          <Text size="xs" c="dimmed" mt={-6} style={{ overflowWrap: 'anywhere' }}>
            <Bdi>{group.path}</Bdi>
          </Text>
        ) : null}
        {group ? (
          <Members offeringUuid={offeringUuid} group={group} />
        ) : (
          <Text size="sm" c="dimmed">
            <Trans>Choose “Members” on a group to see who is in it in Keycloak.</Trans>
          </Text>
        )}
      </Stack>
    </Paper>
  );
}

function Members({ offeringUuid, group }: { offeringUuid: string; group: RemoteGroup }) {
  const members = useQuery(remoteGroupQueries.members(offeringUuid, group.id));
  const { t } = useLingui();
  const groupName = isolate(group.name);
  if (members.data) {
    const rows = members.data;
    const moreText = formatNumber(rows.length - SHOWN);
    return (
      <Stack gap={6}>
        <Text size="sm" c="dimmed">
          {plural(rows.length, { one: '# member in Keycloak', other: '# members in Keycloak' })}
          {group.sub_group_count > 0
            ? ` ${plural(group.sub_group_count, {
                one: '(not counting its # sub-group: Waldur’s API lists one level only)',
                other: '(not counting its # sub-groups: Waldur’s API lists one level only)',
              })}`
            : ''}
        </Text>
        {rows.length > 0 ? (
          <Stack
            gap={6}
            component="ul"
            m={0}
            p={0}
            pe={4}
            // Scrolls on its own: focusable so keyboard users can scroll it too.
            tabIndex={0}
            style={{ listStyle: 'none', maxHeight: 380, overflowY: 'auto' }}
            aria-label={t`Members of ${groupName}`}
          >
            {rows.slice(0, SHOWN).map((member) => {
              const name = [member.first_name, member.last_name].filter(Boolean).join(' ');
              return (
                <li key={member.id}>
                  <Text size="sm" fw={500} style={{ overflowWrap: 'anywhere' }}>
                    <Bdi>{member.username}</Bdi>
                  </Text>
                  <Text size="xs" c="dimmed" lineClamp={2} style={{ overflowWrap: 'anywhere' }}>
                    {name ? <Bdi>{name}</Bdi> : null}
                    {name && member.email ? ' · ' : null}
                    {member.email ? <Bdi>{member.email}</Bdi> : name ? null : t`No name or email`}
                  </Text>
                </li>
              );
            })}
          </Stack>
        ) : null}
        {rows.length > SHOWN ? (
          <Group gap={4}>
            <Badge variant="light" color="gray">
              {t`+${moreText} more`}
            </Badge>
          </Group>
        ) : null}
      </Stack>
    );
  }
  if (members.error) {
    return <ErrorAlert error={members.error} title={t`Could not list the members`} onRetry={() => void members.refetch()} />;
  }
  return (
    <Stack gap={6} role="status" aria-label={t`Loading members`}>
      <Skeleton height={16} />
      <Skeleton height={16} />
      <Skeleton height={16} />
    </Stack>
  );
}
