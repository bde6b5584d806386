import { t } from '@lingui/core/macro';
import { Text } from '@mantine/core';
import type { OfferingMembership } from '../../api/types';
import { personColumns, stateColumns, type CsvPerson, type ListColumn } from '../../components/selectable-table';
import { Bdi } from '../../components/bidi-text';
import { showControls } from '../../lib/bidi';

/** What the CSV writes of a membership (the export is tested on these fields alone). */
export type CsvMember = CsvPerson & Pick<OfferingMembership, 'group_name' | 'group_role_name' | 'group_resource_name' | 'group_scope_id'>;

const clip: React.CSSProperties = { overflowWrap: 'anywhere' };

/**
 * The members table's columns, and the CSV's. The table's headers are getters, translated when
 * the table reads them; the CSV's column names stay English (scripts read them).
 */
export const MEMBER_COLUMNS: readonly ListColumn<OfferingMembership, CsvMember>[] = [
  ...personColumns({ user: '15%', email: '16%' }),
  {
    get header() {
      return t`Group`;
    },
    width: '14%',
    // Auto-named groups all start with the offering's uuid: the cell shows the part that differs.
    cell: (member) => (
      <Text size="sm" style={clip} lineClamp={2} title={showControls(member.group_name)}>
        <Bdi>{withoutOfferingPrefix(member.group_name, member.group_offering_uuid)}</Bdi>
      </Text>
    ),
    // A CSV column name: stays English (scripts read it).
    csv: [['Group', (member) => member.group_name]],
  },
  {
    get header() {
      return t`Role`;
    },
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
    get header() {
      return t`Resource`;
    },
    width: '11%',
    cell: (member) => (
      <Text size="sm" style={clip}>
        {member.group_resource_name || '—'}
      </Text>
    ),
    csv: [['Resource', (member) => member.group_resource_name]],
  },
  {
    get header() {
      return t`Scope ID`;
    },
    width: '8%',
    cell: (member) =>
      member.group_scope_id ? (
        <Text size="xs" ff="monospace" truncate="end" title={member.group_scope_id}>
          {member.group_scope_id}
        </Text>
      ) : (
        '—'
      ),
    // A CSV column name: stays English (scripts read it).
    csv: [['Scope ID', (member) => member.group_scope_id]],
  },
  ...stateColumns({ state: '14%', lastChecked: '12%' }),
];

/**
 * A group name without the offering's uuid in front ("<offering uuid>_<resource>_<role>" is how
 * Waldur names the groups it creates): "…_<resource>_<role>". Other names stay as they are.
 */
export function withoutOfferingPrefix(name: string, offeringUuid: string | undefined | null): string {
  if (!offeringUuid) return name;
  const plain = offeringUuid.replaceAll('-', '').toLowerCase();
  const lower = name.toLowerCase();
  for (const prefix of [
    plain,
    `${plain.slice(0, 8)}-${plain.slice(8, 12)}-${plain.slice(12, 16)}-${plain.slice(16, 20)}-${plain.slice(20)}`,
  ]) {
    if (lower.startsWith(prefix) && name.length > prefix.length + 1 && /[_\-.:/ ]/.test(name.charAt(prefix.length))) {
      return `…${name.slice(prefix.length)}`;
    }
  }
  return name;
}

/** "alice in physics": names the row's checkbox and actions. */
export function memberRowLabel(member: Pick<OfferingMembership, 'username' | 'group_name'>): string {
  const username = member.username;
  const group = member.group_name;
  return t`${username} in ${group}`;
}
