import { t } from '@lingui/core/macro';
import { Trans } from '@lingui/react/macro';
import { Text } from '@mantine/core';
import type { RancherMembership, RoleTemplate } from '../../api/types';
import { personColumns, stateColumns, textColumn, type CsvPerson, type ListColumn } from '../../components/selectable-table';
import { SCOPE_TYPE_LABEL, isScopeType, roleDisplayName } from './queries';
import { Bdi } from '../../components/bidi-text';
import { showControls } from '../../lib/bidi';

/** What the CSV writes of a membership (the export is tested on these fields alone). */
export type CsvMembership = CsvPerson & Pick<RancherMembership, 'group_name' | 'group_role' | 'group_scope_type' | 'group_scope_name'>;

const clip: React.CSSProperties = { overflowWrap: 'anywhere' };

export function scopeLabel(membership: Pick<RancherMembership, 'group_scope_type' | 'group_scope_name'>): string {
  const type = isScopeType(membership.group_scope_type)
    ? SCOPE_TYPE_LABEL[membership.group_scope_type]
    : membership.group_scope_type || t`Scope`;
  return `${type} ${membership.group_scope_name ?? t`(deleted)`}`;
}

/** "alice in Cluster prod": names the row's checkbox and actions. */
export function membershipRowLabel(membership: Pick<RancherMembership, 'username' | 'group_scope_type' | 'group_scope_name'>): string {
  const username = membership.username;
  const scope = scopeLabel(membership);
  return t`${username} in ${scope}`;
}

/**
 * The table's columns, and the CSV's. The table names a role by its template's display name
 * (`roles`, when loaded); the CSV writes the role as Waldur has it. The table's headers are
 * getters, translated when the table reads them; the CSV's column names stay English (scripts
 * read them).
 */
export function membershipColumns(roles: readonly RoleTemplate[] | undefined): ListColumn<RancherMembership, CsvMembership>[] {
  return [
    ...personColumns({ user: '15%', email: '17%' }),
    {
      // eslint-disable-next-line lingui/no-unlocalized-strings -- the CSV's column name (stays English); the table's is the getter
      ...textColumn('Group', '17%', (membership: CsvMembership) => membership.group_name, { mono: true }),
      get header() {
        return t`Group`;
      },
    },
    {
      get header() {
        return t`Role`;
      },
      width: '11%',
      cell: (membership) => (
        <Text size="sm" style={clip} title={membership.group_role}>
          {roleDisplayName(membership.group_role, roles) || '—'}
        </Text>
      ),
      // CSV column names stay English: scripts read them.
      csv: [['Role', (membership) => membership.group_role]],
    },
    {
      get header() {
        return t`Scope`;
      },
      width: '13%',
      cell: (membership) => (
        <>
          <Text size="xs" c="dimmed">
            {isScopeType(membership.group_scope_type) ? SCOPE_TYPE_LABEL[membership.group_scope_type] : membership.group_scope_type}
          </Text>
          <Text size="sm" style={clip} lineClamp={2} title={showControls(membership.group_scope_name ?? '')}>
            {membership.group_scope_name ? (
              <Bdi>{membership.group_scope_name}</Bdi>
            ) : (
              <Text span size="sm" c="dimmed">
                <Trans>Deleted</Trans>
              </Text>
            )}
          </Text>
        </>
      ),
      // A CSV column name: stays English (scripts read it).
      csv: [
        ['Scope type', (membership) => membership.group_scope_type],
        ['Scope', (membership) => membership.group_scope_name],
      ],
    },
    ...stateColumns({ state: '15%', lastChecked: '12%' }),
  ];
}
