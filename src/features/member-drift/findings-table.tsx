import { Trans, useLingui } from '@lingui/react/macro';
import { Button, Checkbox, Group, Table, Text } from '@mantine/core';
import { memo, useCallback, useMemo, useState } from 'react';
import { Bdi } from '../../components/bidi-text';
import { VirtualTable } from '../../components/virtual-table';
import { isolate } from '../../lib/bidi';
import { formatNumber } from '../../lib/format';
import { toggled } from '../../lib/toggled';
import { useUrlState } from '../../lib/use-url-state';
import { kindCounts, noDifferencesText, type CheckState, type FindingRow } from './check-state';
import { DriftMemberCell, DriftWhatCell, FixButtons, KIND_COLOR } from './fix-results';
import { downloadFindingsCsv } from './findings-csv';
import { fixesFor, type MemberFix } from './member-fixes';
import { DRIFT_KINDS, KIND_LABEL, type DriftKind } from './member-lines';
import { membersCheckSearchSchema } from './members-check-search';

/**
 * A ticked filter's box is filled: the check on orange 6–7 is under 4.5:1, so its orange is
 * darker (5.5:1).
 */
const FILTER_COLOR: Record<DriftKind, string> = { ...KIND_COLOR, 'local-only': '#b34700' };

type Props = {
  state: CheckState;
  /** Every finding of the check. */
  rows: readonly FindingRow[];
  offeringName: string;
  canManage: boolean;
  /** Fixes are running: no other can start. */
  fixing: boolean;
  onRun: (fixes: MemberFix[]) => void;
};

/**
 * A members check's findings: filtered by kind of difference (kept in the URL), selected for
 * "Fix selected", exported as CSV, one virtual row each with its fix.
 */
export const FindingsTable = memo(function FindingsTable({ state, rows, offeringName, canManage, fixing, onRun }: Props) {
  const [url, setUrl] = useUrlState(membersCheckSearchSchema);
  const shownKinds = new Set(url.drift.length ? url.drift : DRIFT_KINDS);
  const counts = useMemo(() => kindCounts(rows), [rows]);
  const shown = useMemo(() => rows.filter((row) => shownKinds.has(row.kind)), [rows, url.drift]); // eslint-disable-line react-hooks/exhaustive-deps
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const selectedRows = shown.filter((row) => selected.has(row.id));

  const run = useCallback(
    (fixes: MemberFix[]) => {
      setSelected(new Set());
      onRun(fixes);
    },
    [onRun],
  );
  const rowKey = useCallback((index: number) => shown[index]?.id ?? index, [shown]);
  const select = useCallback((id: string, on: boolean) => setSelected((previous) => toggled(previous, id, on)), []);
  const { t, i18n } = useLingui();
  const selectedCount = selectedRows.length;

  return (
    <>
      <Group justify="space-between">
        <Group gap="sm" role="group" aria-label={t`Show differences`}>
          {DRIFT_KINDS.map((kind) => (
            <Checkbox
              key={kind}
              size="xs"
              color={FILTER_COLOR[kind]}
              label={`${i18n._(KIND_LABEL[kind])} (${formatNumber(counts[kind])})`}
              checked={shownKinds.has(kind)}
              onChange={(event) => {
                const next = DRIFT_KINDS.filter((other) => (other === kind ? event.currentTarget.checked : shownKinds.has(other)));
                // None ticked, or all: every difference shows (an empty filter).
                setUrl({ drift: next.length === DRIFT_KINDS.length ? [] : next });
              }}
            />
          ))}
        </Group>
        <Group gap="xs">
          {selectedRows.length ? (
            <>
              <Text size="sm">
                <Trans>{selectedCount} selected</Trans>
              </Text>
              <Button
                size="xs"
                disabled={!canManage || fixing}
                onClick={() => run(selectedRows.flatMap((row) => fixesFor(row.group, row).main ?? []))}
              >
                <Trans>Fix selected</Trans>
              </Button>
            </>
          ) : null}
          <Button size="xs" variant="light" disabled={shown.length === 0} onClick={() => downloadFindingsCsv(offeringName, shown)}>
            <Trans>Export CSV</Trans>
          </Button>
        </Group>
      </Group>
      {shown.length === 0 ? (
        <Text size="sm" c="dimmed">
          {rows.length === 0 && state.status !== 'running'
            ? noDifferencesText(state, { canSeeGroups: canManage })
            : t`No differences of the kinds shown.`}
        </Text>
      ) : (
        <VirtualTable
          count={shown.length}
          columns={5}
          estimateRowHeight={56}
          label={t`Member differences across the offering`}
          rowKey={rowKey}
          // While the check runs, each batch draws only the new rows in view, not up to 60 at once.
          alwaysVirtual={state.status === 'running'}
          head={
            <Table.Tr>
              <Table.Th w={36}>
                <Checkbox
                  aria-label={t`Select every difference shown`}
                  checked={selectedRows.length === shown.length}
                  indeterminate={selectedRows.length > 0 && selectedRows.length < shown.length}
                  onChange={(event) => setSelected(event.currentTarget.checked ? new Set(shown.map((row) => row.id)) : new Set())}
                />
              </Table.Th>
              <Table.Th>
                <Trans>Group</Trans>
              </Table.Th>
              <Table.Th>
                <Trans>Member</Trans>
              </Table.Th>
              <Table.Th>
                <Trans>What differs</Trans>
              </Table.Th>
              <Table.Th w={200}>
                <Trans>Fix</Trans>
              </Table.Th>
            </Table.Tr>
          }
          row={(index) => {
            const row = shown[index];
            return row ? (
              <FindingCells row={row} selected={selected.has(row.id)} disabled={!canManage || fixing} onSelect={select} onRun={run} />
            ) : null;
          }}
        />
      )}
    </>
  );
});

type FindingCellsProps = {
  row: FindingRow;
  selected: boolean;
  disabled: boolean;
  onSelect: (id: string, selected: boolean) => void;
  onRun: (fixes: MemberFix[]) => void;
};

/**
 * One difference's cells. Memoized: a row object lives as long as its finding (allFindings), so
 * while a check runs, each batch of results draws only the rows it brings, not every row in
 * view (bench figure 10: re-rendering the rows was most of the main thread's work).
 */
const FindingCells = memo(function FindingCells({ row, selected, disabled, onSelect, onRun }: FindingCellsProps) {
  const { main, other, why } = fixesFor(row.group, row);
  const { t } = useLingui();
  const username = isolate(row.username);
  const groupName = isolate(row.group.name);
  return (
    <>
      <Table.Td>
        <Checkbox
          aria-label={t`Select ${username} in ${groupName}`}
          checked={selected}
          onChange={(event) => onSelect(row.id, event.currentTarget.checked)}
        />
      </Table.Td>
      <Table.Td style={{ overflowWrap: 'anywhere' }}>
        <Text size="sm">
          <Bdi>{row.group.name}</Bdi>
        </Text>
        <Text size="xs" c="dimmed">
          <Bdi>{[row.group.role_name, row.group.resource_name].filter(Boolean).join(' · ')}</Bdi>
        </Text>
      </Table.Td>
      <DriftMemberCell username={row.username} kind={row.kind} />
      <DriftWhatCell line={row} why={why} />
      <FixButtons main={main} other={other} disabled={disabled} onRun={onRun} />
    </>
  );
});
