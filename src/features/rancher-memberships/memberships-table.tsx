import { ActionIcon, Checkbox, Menu, Table, Text, Tooltip, VisuallyHidden } from '@mantine/core';
import type { RancherMembership, RoleTemplate } from '../../api/types';
import { StateBadge } from '../../components/state-badge';
import { formatDateTime } from '../../lib/format';
import { fullName } from './mutations';
import { SCOPE_TYPE_LABEL, isScopeType, roleDisplayName } from './queries';

type Props = {
  memberships: RancherMembership[];
  roles: readonly RoleTemplate[] | undefined;
  selected: ReadonlySet<string>;
  onSelect: (memberships: RancherMembership[], selected: boolean) => void;
  onEdit: (membership: RancherMembership) => void;
  onMove: (membership: RancherMembership) => void;
  onDelete: (membership: RancherMembership) => void;
  /** Why membership actions are disabled; null when allowed. */
  disabledReason: string | null;
  /** Rows being deleted. */
  busy: ReadonlySet<string>;
  dimmed: boolean;
};

const clip: React.CSSProperties = { overflowWrap: 'anywhere' };

export function scopeLabel(membership: Pick<RancherMembership, 'group_scope_type' | 'group_scope_name'>): string {
  const type = isScopeType(membership.group_scope_type)
    ? SCOPE_TYPE_LABEL[membership.group_scope_type]
    : membership.group_scope_type || 'Scope';
  return `${type} ${membership.group_scope_name ?? '(deleted)'}`;
}

/** One page of Rancher memberships; the selection survives paging (kept by the page). */
export function MembershipsTable({
  memberships,
  roles,
  selected,
  onSelect,
  onEdit,
  onMove,
  onDelete,
  disabledReason,
  busy,
  dimmed,
}: Props) {
  const onPage = memberships.filter((membership) => selected.has(membership.uuid)).length;
  const all = memberships.length > 0 && onPage === memberships.length;
  return (
    <Table.ScrollContainer minWidth={1080}>
      <Table
        striped
        highlightOnHover
        layout="fixed"
        verticalSpacing={6}
        aria-label="Rancher memberships"
        style={{ opacity: dimmed ? 0.6 : 1 }}
        aria-busy={dimmed}
      >
        <Table.Thead>
          <Table.Tr>
            <Table.Th w={44}>
              <Checkbox
                aria-label="Select all memberships on this page"
                checked={all}
                indeterminate={onPage > 0 && !all}
                onChange={() => onSelect(memberships, !all)}
              />
            </Table.Th>
            <Table.Th w="15%">User</Table.Th>
            <Table.Th w="17%">Email</Table.Th>
            <Table.Th w="17%">Group</Table.Th>
            <Table.Th w="11%">Role</Table.Th>
            <Table.Th w="13%">Scope</Table.Th>
            <Table.Th w="15%">State</Table.Th>
            <Table.Th w="12%">Last checked</Table.Th>
            <Table.Th w={48}>
              <VisuallyHidden>Actions</VisuallyHidden>
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {memberships.map((membership) => {
            const name = fullName(membership);
            const isSelected = selected.has(membership.uuid);
            const scope = scopeLabel(membership);
            const role = roleDisplayName(membership.group_role, roles);
            return (
              <Table.Tr key={membership.uuid} bg={isSelected ? 'var(--mantine-primary-color-light)' : undefined}>
                <Table.Td>
                  <Checkbox
                    aria-label={`Select ${membership.username} in ${scope}`}
                    checked={isSelected}
                    onChange={(event) => onSelect([membership], event.currentTarget.checked)}
                  />
                </Table.Td>
                <Table.Td>
                  <Text size="sm" fw={500} style={clip} lineClamp={2} title={name || membership.username}>
                    {name ? <bdi>{name}</bdi> : <bdi>{membership.username}</bdi>}
                  </Text>
                  {name ? (
                    <Text size="xs" c="dimmed" style={clip} lineClamp={1} title={membership.username}>
                      <bdi>{membership.username}</bdi>
                    </Text>
                  ) : null}
                </Table.Td>
                <Table.Td>
                  <Text size="sm" truncate="end" title={membership.email}>
                    {membership.email || '—'}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Text size="xs" ff="monospace" style={clip} lineClamp={2} title={membership.group_name}>
                    <bdi>{membership.group_name}</bdi>
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Text size="sm" style={clip} title={membership.group_role}>
                    {role || '—'}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Text size="xs" c="dimmed">
                    {isScopeType(membership.group_scope_type) ? SCOPE_TYPE_LABEL[membership.group_scope_type] : membership.group_scope_type}
                  </Text>
                  <Text size="sm" style={clip} lineClamp={2} title={membership.group_scope_name ?? undefined}>
                    {membership.group_scope_name ? (
                      <bdi>{membership.group_scope_name}</bdi>
                    ) : (
                      <Text span size="sm" c="dimmed">
                        Deleted
                      </Text>
                    )}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <StateBadge
                    state={membership.state}
                    errorMessage={membership.error_message}
                    errorTraceback={membership.error_traceback}
                  />
                </Table.Td>
                <Table.Td>
                  <Text size="sm">{formatDateTime(membership.last_checked)}</Text>
                </Table.Td>
                <Table.Td>
                  <Menu position="bottom-end" withinPortal>
                    <Menu.Target>
                      <ActionIcon
                        variant="subtle"
                        aria-label={`Actions for ${membership.username} in ${scope}`}
                        loading={busy.has(membership.uuid)}
                      >
                        <span aria-hidden="true">⋯</span>
                      </ActionIcon>
                    </Menu.Target>
                    <Menu.Dropdown>
                      <DisabledHint reason={disabledReason}>
                        <Menu.Item disabled={Boolean(disabledReason)} onClick={() => onEdit(membership)}>
                          Edit
                        </Menu.Item>
                      </DisabledHint>
                      <DisabledHint reason={disabledReason}>
                        <Menu.Item disabled={Boolean(disabledReason)} onClick={() => onMove(membership)}>
                          Move to another scope or role
                        </Menu.Item>
                      </DisabledHint>
                      <DisabledHint reason={disabledReason}>
                        <Menu.Item color="red" disabled={Boolean(disabledReason)} onClick={() => onDelete(membership)}>
                          Delete
                        </Menu.Item>
                      </DisabledHint>
                    </Menu.Dropdown>
                  </Menu>
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

function DisabledHint({ reason, children }: { reason: string | null; children: React.ReactElement }) {
  if (!reason) return children;
  return (
    <Tooltip label={reason} multiline w={260} position="left">
      <div>{children}</div>
    </Tooltip>
  );
}
