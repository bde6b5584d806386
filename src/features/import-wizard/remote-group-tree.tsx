import { plural } from '@lingui/core/macro';
import { Trans, useLingui } from '@lingui/react/macro';
import { ActionIcon, Badge, Box, Button, Checkbox, Group, Text, Tooltip, VisuallyHidden } from '@mantine/core';
import { memo, useId } from 'react';
import { useVirtualRows } from '../../lib/use-virtual-rows';
import type { RemoteGroup } from '../../api/types';
import { groupLabel, type RemoteTree, type VisibleRow } from './remote-tree';
import { Bdi } from '../../components/bidi-text';
import { showControls, isolate } from '../../lib/bidi';

const ROW_HEIGHT = 40;
const MAX_HEIGHT = 480;
const INDENT = 20;
const rowHeight = () => ROW_HEIGHT;

export type GroupMark = { kind: 'linked'; localName: string } | { kind: 'imported' };

type Props = {
  tree: RemoteTree;
  rows: VisibleRow[];
  selected: ReadonlySet<string>;
  marks: ReadonlyMap<string, GroupMark>;
  highlighted: string | null;
  onToggleSelect: (group: RemoteGroup, selected: boolean) => void;
  onToggleExpand: (key: string) => void;
  onHighlight: (group: RemoteGroup) => void;
};

/**
 * The remote groups as an indented, virtualised list: only the rows in view are drawn, so
 * tens of thousands of groups scroll smoothly. Each row: expand/collapse (when it has listed
 * sub-groups), a checkbox, the name, the sub-group count, and "Members" for the preview.
 */
export function RemoteGroupTree({ tree, rows, selected, marks, highlighted, onToggleSelect, onToggleExpand, onHighlight }: Props) {
  const { scrollRef, items, totalSize } = useVirtualRows<HTMLDivElement>({
    count: rows.length,
    size: rowHeight,
    overscan: 10,
    initialHeight: MAX_HEIGHT,
  });
  const height = Math.min(MAX_HEIGHT, Math.max(rows.length, 1) * ROW_HEIGHT + 2);
  const { t } = useLingui();
  return (
    <Box
      ref={scrollRef}
      style={{
        height,
        overflowY: 'auto',
        border: '1px solid var(--mantine-color-default-border)',
        borderRadius: 'var(--mantine-radius-sm)',
      }}
    >
      <div role="list" aria-label={t`Remote groups`} style={{ height: totalSize, position: 'relative', width: '100%' }}>
        {items.map((item) => {
          const row = rows[item.index];
          if (!row) return null;
          const group = row.node.group;
          return (
            <TreeRow
              key={row.node.key}
              row={row}
              top={item.start}
              position={item.index + 1}
              total={rows.length}
              label={group ? groupLabel(tree, group) : row.node.label}
              checked={group ? selected.has(group.id) : false}
              mark={group ? marks.get(group.id) : undefined}
              highlighted={group !== null && group.id === highlighted}
              onToggleSelect={onToggleSelect}
              onToggleExpand={onToggleExpand}
              onHighlight={onHighlight}
            />
          );
        })}
      </div>
    </Box>
  );
}

type RowProps = {
  row: VisibleRow;
  top: number;
  position: number;
  total: number;
  label: string;
  checked: boolean;
  mark: GroupMark | undefined;
  highlighted: boolean;
  onToggleSelect: Props['onToggleSelect'];
  onToggleExpand: Props['onToggleExpand'];
  onHighlight: Props['onHighlight'];
};

const TreeRow = memo(function TreeRow({
  row,
  top,
  position,
  total,
  label,
  checked,
  mark,
  highlighted,
  onToggleSelect,
  onToggleExpand,
  onHighlight,
}: RowProps) {
  const { node, depth, expandable, expanded, match } = row;
  const group = node.group;
  const checkboxId = group ? `remote-group-${group.id}` : undefined;
  // Waldur counts a group's direct sub-groups; those it also lists (the flattened layout) are
  // reachable as rows below this one, so only the others are "not listed".
  const unlisted = group ? group.sub_group_count - node.children.filter((child) => child.group !== null).length : 0;
  const locked = mark !== undefined;
  const { t } = useLingui();
  const shownLabel = isolate(label);
  const localName = mark?.kind === 'linked' ? isolate(mark.localName) : '';
  return (
    <div
      role="listitem"
      aria-posinset={position}
      aria-setsize={total}
      aria-current={highlighted ? 'true' : undefined}
      onClick={(event) => {
        if (group && !(event.target as HTMLElement).closest('button, input, label')) onHighlight(group);
      }}
      style={{
        position: 'absolute',
        top: 0,
        insetInlineStart: 0,
        width: '100%',
        height: ROW_HEIGHT,
        transform: `translateY(${top}px)`,
        background: highlighted ? 'var(--mantine-primary-color-light)' : undefined,
        borderBottom: '1px solid var(--mantine-color-default-border)',
      }}
    >
      <Group gap={6} wrap="nowrap" h="100%" ps={8 + depth * INDENT} pe={8}>
        {expandable ? (
          <ActionIcon
            variant="subtle"
            color="gray"
            size="sm"
            aria-label={expanded ? t`Collapse ${shownLabel}` : t`Expand ${shownLabel}`}
            aria-expanded={expanded}
            onClick={() => onToggleExpand(node.key)}
          >
            <span aria-hidden="true">{expanded ? '▾' : '▸'}</span>
          </ActionIcon>
        ) : (
          <Box w={22} style={{ flexShrink: 0 }} />
        )}
        {group ? (
          <Checkbox
            id={checkboxId}
            aria-label={isolate(label)}
            checked={checked || mark?.kind === 'imported'}
            disabled={locked}
            onChange={(event) => onToggleSelect(group, event.currentTarget.checked)}
          />
        ) : (
          <span aria-hidden="true" style={{ width: 20, textAlign: 'center', flexShrink: 0 }}>
            ▤
          </span>
        )}
        <Text
          component={group ? 'label' : 'span'}
          htmlFor={checkboxId}
          size="sm"
          truncate="end"
          title={showControls(group?.path ?? node.key)}
          c={match ? undefined : 'dimmed'}
          fw={group ? 500 : 400}
          style={{ flex: 1, minWidth: 0, cursor: group && !locked ? 'pointer' : undefined }}
        >
          <Bdi>{node.label}</Bdi>
        </Text>
        {unlisted > 0 ? <SubGroupBadge count={unlisted} /> : null}
        {mark?.kind === 'linked' ? (
          <Tooltip label={t`Linked to the local group “${localName}”`} multiline maw={320}>
            <Badge variant="light" color="gray" size="sm" style={{ flexShrink: 0 }} tabIndex={0}>
              <Trans>Linked</Trans>
              <VisuallyHidden> {t`to the local group “${localName}”`}</VisuallyHidden>
            </Badge>
          </Tooltip>
        ) : mark?.kind === 'imported' ? (
          <Badge variant="light" color="green" size="sm" style={{ flexShrink: 0 }}>
            <Trans>Imported</Trans>
          </Badge>
        ) : null}
        {group ? (
          <Button
            size="compact-xs"
            variant={highlighted ? 'light' : 'subtle'}
            aria-label={t`Members of ${shownLabel}`}
            aria-pressed={highlighted}
            onClick={() => onHighlight(group)}
            style={{ flexShrink: 0 }}
          >
            <Trans>Members</Trans>
          </Button>
        ) : null}
      </Group>
    </div>
  );
});

/** Why a count of sub-groups comes without the sub-groups: on hover, focus, touch and to screen readers. */
function subGroupHelp(count: number): string {
  return plural(count, {
    one: 'Waldur’s API lists one level of groups only: this sub-group cannot be shown, chosen or imported here. Manage it in Keycloak.',
    other:
      'Waldur’s API lists one level of groups only: these # sub-groups cannot be shown, chosen or imported here. Manage them in Keycloak.',
  });
}

function SubGroupBadge({ count }: { count: number }) {
  const helpId = useId();
  const help = subGroupHelp(count);
  return (
    <>
      <Tooltip label={help} multiline w={300} withArrow events={{ hover: true, focus: true, touch: true }}>
        <Badge
          component="button"
          type="button"
          variant="light"
          color="gray"
          size="sm"
          aria-describedby={helpId}
          style={{ flexShrink: 0, cursor: 'help' }}
        >
          {plural(count, { one: '# sub-group · not listed', other: '# sub-groups · not listed' })}
        </Badge>
      </Tooltip>
      <VisuallyHidden id={helpId}>{help}</VisuallyHidden>
    </>
  );
}
