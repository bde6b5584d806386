import { ActionIcon, Checkbox, Menu, Table, Text, Tooltip, VisuallyHidden } from '@mantine/core';
import type { OfferingMembership } from '../../api/types';
import { StateBadge } from '../../components/state-badge';
import { formatDateTime } from '../../lib/format';

type Props = {
  members: OfferingMembership[];
  selected: ReadonlySet<string>;
  onSelect: (members: OfferingMembership[], selected: boolean) => void;
  onChangeGroup: (member: OfferingMembership) => void;
  /** Offered for memberships Waldur flagged (`error_message`): delete and create again. */
  onReadd: (member: OfferingMembership) => void;
  onRemove: (member: OfferingMembership) => void;
  /** Why member actions are disabled; null when allowed. */
  disabledReason: string | null;
  /** Rows of a member being removed or checked. */
  busy: ReadonlySet<string>;
  dimmed: boolean;
};

const clip: React.CSSProperties = { overflowWrap: 'anywhere' };

export function fullName(member: Pick<OfferingMembership, 'first_name' | 'last_name'>): string {
  return [member.first_name, member.last_name].filter(Boolean).join(' ');
}

/** The offering's memberships, one page; the selection survives paging (kept by the tab). */
export function MembersTable({ members, selected, onSelect, onChangeGroup, onReadd, onRemove, disabledReason, busy, dimmed }: Props) {
  const onPage = members.filter((member) => selected.has(member.uuid)).length;
  const all = members.length > 0 && onPage === members.length;
  return (
    <Table.ScrollContainer minWidth={1080}>
      <Table
        striped
        highlightOnHover
        layout="fixed"
        verticalSpacing={6}
        aria-label="Members"
        style={{ opacity: dimmed ? 0.6 : 1 }}
        aria-busy={dimmed}
      >
        <Table.Thead>
          <Table.Tr>
            <Table.Th w={44}>
              <Checkbox
                aria-label="Select all members on this page"
                checked={all}
                indeterminate={onPage > 0 && !all}
                onChange={() => onSelect(members, !all)}
              />
            </Table.Th>
            <Table.Th w="15%">User</Table.Th>
            <Table.Th w="16%">Email</Table.Th>
            <Table.Th w="14%">Group</Table.Th>
            <Table.Th w="10%">Role</Table.Th>
            <Table.Th w="11%">Resource</Table.Th>
            <Table.Th w="8%">Scope ID</Table.Th>
            <Table.Th w="14%">State</Table.Th>
            <Table.Th w="12%">Last checked</Table.Th>
            <Table.Th w={48}>
              <VisuallyHidden>Actions</VisuallyHidden>
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {members.map((member) => {
            const name = fullName(member);
            const isSelected = selected.has(member.uuid);
            return (
              <Table.Tr key={member.uuid} bg={isSelected ? 'var(--mantine-primary-color-light)' : undefined}>
                <Table.Td>
                  <Checkbox
                    aria-label={`Select ${member.username} in ${member.group_name}`}
                    checked={isSelected}
                    onChange={(event) => onSelect([member], event.currentTarget.checked)}
                  />
                </Table.Td>
                <Table.Td>
                  <Text size="sm" fw={500} style={clip} lineClamp={2} title={name || member.username}>
                    {name ? <bdi>{name}</bdi> : member.username}
                  </Text>
                  {name ? (
                    <Text size="xs" c="dimmed" style={clip} lineClamp={1} title={member.username}>
                      {member.username}
                    </Text>
                  ) : null}
                </Table.Td>
                <Table.Td>
                  <Text size="sm" truncate="end" title={member.email}>
                    {member.email || '—'}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Text size="sm" style={clip} lineClamp={2} title={member.group_name}>
                    <bdi>{member.group_name}</bdi>
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Text size="sm" style={clip}>
                    {member.group_role_name}
                  </Text>
                  {member.group_role_scope_type ? (
                    <Text size="xs" c="dimmed">
                      {member.group_role_scope_type_label || member.group_role_scope_type}
                    </Text>
                  ) : null}
                </Table.Td>
                <Table.Td>
                  <Text size="sm" style={clip}>
                    {member.group_resource_name || '—'}
                  </Text>
                </Table.Td>
                <Table.Td>
                  {member.group_scope_id ? (
                    <Text size="xs" ff="monospace" truncate="end" title={member.group_scope_id}>
                      {member.group_scope_id}
                    </Text>
                  ) : (
                    '—'
                  )}
                </Table.Td>
                <Table.Td>
                  <StateBadge state={member.state} errorMessage={member.error_message} errorTraceback={member.error_traceback} />
                </Table.Td>
                <Table.Td>
                  <Text size="sm">{formatDateTime(member.last_checked)}</Text>
                </Table.Td>
                <Table.Td>
                  <Menu position="bottom-end" withinPortal>
                    <Menu.Target>
                      <ActionIcon
                        variant="subtle"
                        aria-label={`Actions for ${member.username} in ${member.group_name}`}
                        loading={busy.has(member.uuid)}
                      >
                        <span aria-hidden="true">⋯</span>
                      </ActionIcon>
                    </Menu.Target>
                    <Menu.Dropdown>
                      <DisabledHint reason={disabledReason}>
                        <Menu.Item disabled={Boolean(disabledReason)} onClick={() => onChangeGroup(member)}>
                          Change group
                        </Menu.Item>
                      </DisabledHint>
                      {member.error_message ? (
                        <DisabledHint reason={disabledReason}>
                          <Menu.Item disabled={Boolean(disabledReason)} onClick={() => onReadd(member)}>
                            Re-add
                          </Menu.Item>
                        </DisabledHint>
                      ) : null}
                      <DisabledHint reason={disabledReason}>
                        <Menu.Item color="red" disabled={Boolean(disabledReason)} onClick={() => onRemove(member)}>
                          Remove
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
