import { Text } from '@mantine/core';
import type { OfferingMembership } from '../../api/types';
import { personColumns, stateColumns, type ListColumn } from '../../components/selectable-table';

/** What the CSV writes of a membership (the export is tested on these fields alone). */
export type CsvMember = Pick<
  OfferingMembership,
  | 'uuid'
  | 'username'
  | 'first_name'
  | 'last_name'
  | 'email'
  | 'group_name'
  | 'group_role_name'
  | 'group_resource_name'
  | 'group_scope_id'
  | 'state'
  | 'error_message'
  | 'created'
  | 'last_checked'
>;

const clip: React.CSSProperties = { overflowWrap: 'anywhere' };

/** The members table's columns, and the CSV's. */
export const MEMBER_COLUMNS: readonly ListColumn<OfferingMembership, CsvMember>[] = [
  ...personColumns({ user: '15%', email: '16%' }),
  {
    header: 'Group',
    width: '14%',
    cell: (member) => (
      <Text size="sm" style={clip} lineClamp={2} title={member.group_name}>
        <bdi>{member.group_name}</bdi>
      </Text>
    ),
    csv: [['Group', (member) => member.group_name]],
  },
  {
    header: 'Role',
    width: '10%',
    cell: (member) => (
      <>
        <Text size="sm" style={clip}>
          {member.group_role_name}
        </Text>
        {member.group_role_scope_type ? (
          <Text size="xs" c="dimmed">
            {member.group_role_scope_type_label || member.group_role_scope_type}
          </Text>
        ) : null}
      </>
    ),
    csv: [['Role', (member) => member.group_role_name]],
  },
  {
    header: 'Resource',
    width: '11%',
    cell: (member) => (
      <Text size="sm" style={clip}>
        {member.group_resource_name || '—'}
      </Text>
    ),
    csv: [['Resource', (member) => member.group_resource_name]],
  },
  {
    header: 'Scope ID',
    width: '8%',
    cell: (member) =>
      member.group_scope_id ? (
        <Text size="xs" ff="monospace" truncate="end" title={member.group_scope_id}>
          {member.group_scope_id}
        </Text>
      ) : (
        '—'
      ),
    csv: [['Scope ID', (member) => member.group_scope_id]],
  },
  ...stateColumns({ state: '14%', lastChecked: '12%' }),
];

/** "alice in physics": names the row's checkbox and actions. */
export function memberRowLabel(member: Pick<OfferingMembership, 'username' | 'group_name'>): string {
  return `${member.username} in ${member.group_name}`;
}
