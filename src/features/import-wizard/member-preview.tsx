import { Badge, Group, Paper, Skeleton, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { remoteGroupQueries } from '../../api/group-queries';
import type { RemoteGroup } from '../../api/types';
import { ErrorAlert } from '../../components/error-alert';
import { pluralize } from '../../lib/format';
import { Bdi } from '../../components/bidi-text';
import { isolate } from '../../lib/bidi';

const SHOWN = 100;

/** Who is in the highlighted remote group, straight from Keycloak. */
export function MemberPreview({ offeringUuid, group }: { offeringUuid: string; group: RemoteGroup | null }) {
  return (
    <Paper withBorder p="sm" component="section" aria-labelledby="member-preview-title" h="100%">
      <Stack gap="xs">
        <Title order={3} size="h5" id="member-preview-title" style={{ overflowWrap: 'anywhere' }}>
          {group ? (
            <>
              Members of <Bdi>{group.name}</Bdi>
            </>
          ) : (
            'Member preview'
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
            Choose “Members” on a group to see who is in it in Keycloak.
          </Text>
        )}
      </Stack>
    </Paper>
  );
}

function Members({ offeringUuid, group }: { offeringUuid: string; group: RemoteGroup }) {
  const members = useQuery(remoteGroupQueries.members(offeringUuid, group.id));
  if (members.data) {
    const rows = members.data;
    return (
      <Stack gap={6}>
        <Text size="sm" c="dimmed">
          {pluralize(rows.length, 'member')} in Keycloak
          {group.sub_group_count > 0
            ? ` (not counting its ${pluralize(group.sub_group_count, 'sub-group')}: Waldur’s API lists one level only)`
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
            aria-label={`Members of ${isolate(group.name)}`}
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
                    {member.email || (name ? null : 'No name or email')}
                  </Text>
                </li>
              );
            })}
          </Stack>
        ) : null}
        {rows.length > SHOWN ? (
          <Group gap={4}>
            <Badge variant="light" color="gray">
              +{(rows.length - SHOWN).toLocaleString()} more
            </Badge>
          </Group>
        ) : null}
      </Stack>
    );
  }
  if (members.error) {
    return <ErrorAlert error={members.error} title="Could not list the members" onRetry={() => void members.refetch()} />;
  }
  return (
    <Stack gap={6} role="status" aria-label="Loading members">
      <Skeleton height={16} />
      <Skeleton height={16} />
      <Skeleton height={16} />
    </Stack>
  );
}
