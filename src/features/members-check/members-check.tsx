import { Alert, Button, Checkbox, Group, Paper, Progress, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { memo, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { errorMessage } from '../../api/errors';
import type { OfferingMembership } from '../../api/types';
import { FIX_LABEL, fixesFor, readEveryMembership, readRemoteMembers, type MemberFix } from '../../api/member-fixes';
import { isRefusedByKeycloak, MISSING_BADGE, MISSING_FIXES, missingExplanation, needsLookup, remoteIdsOf } from '../../api/remote-presence';
import { groupQueries, remoteGroupQueries } from '../../api/group-queries';
import { offeringQueries } from '../../api/offering-queries';
import { DriftMemberCell, DriftWhatCell, FixButtons, KIND_COLOR, useFixRunner } from '../../components/fix-results';
import { VirtualTable } from '../../components/virtual-table';
import { csvFileName, downloadText, toCsv } from '../../lib/csv';
import { formatDateTime } from '../../lib/format';
import { describeLine, DRIFT_KINDS, KIND_LABEL, type DriftKind } from '../../lib/member-drift';
import { useUrlState } from '../../lib/url-state';
import { toggled } from '../../lib/toggled';
import {
  addCheck,
  allFindings,
  checkedCount,
  failedGroups,
  kindCounts,
  loadState,
  noDifferencesText,
  retryableGroups,
  saveState,
  startState,
  storageKey,
  unreadGroups,
  type CheckState,
  type FindingRow,
} from './check-state';
import { readOfferingMemberships } from './offering-memberships';
import { membersCheckSearchSchema } from './queries';
import { DEFAULT_CONCURRENCY, QUEUED_AHEAD, walkGroups, type CheckGroup, type GroupCheck, type GroupReader } from './walk';
import { Bdi } from '../../components/bidi-text';
import { isolate } from '../../lib/bidi';

/**
 * How often the results on screen (and in localStorage) catch up with a running check: twice a
 * second. At four a second the renders kept the main thread from sending the next reads as
 * answers came (bench figure 10, 5 runs each on a quiet machine: 2145 ms, now 2079 ms).
 */
const FLUSH_MS = 500;

/**
 * Adds group results in batches: one render and one save per FLUSH_MS instead of one per group
 * (the benchmark's profile of 200 groups showed the main thread busy re-rendering and saving
 * after every group).
 */
function batchedAdd(setState: React.Dispatch<React.SetStateAction<CheckState | null>>) {
  let waiting: GroupCheck[] = [];
  let timer: ReturnType<typeof setTimeout> | null = null;
  const flush = () => {
    if (timer !== null) clearTimeout(timer);
    timer = null;
    const checks = waiting;
    waiting = [];
    if (checks.length) setState((previous) => (previous ? checks.reduce(addCheck, previous) : previous));
  };
  return {
    add: (check: GroupCheck) => {
      waiting.push(check);
      timer ??= setTimeout(flush, FLUSH_MS);
    },
    flush,
  };
}

/** A group's read failed because Keycloak no longer has its remote group: a retry cannot help. */
const MISSING_PREFIX = `${MISSING_BADGE}.`;
const isMissingError = (error: string) => error.startsWith(MISSING_PREFIX);

/**
 * A ticked filter's box is filled: the check on orange 6–7 is under 4.5:1, so its orange is
 * darker (5.5:1).
 */
const FILTER_COLOR: Record<DriftKind, string> = { ...KIND_COLOR, 'local-only': '#b34700' };

type Props = { offeringUuid: string; userUuid: string; canManage: boolean };

/**
 * "Members check": every linked group of the offering read on both sides, one table of every
 * difference with its fix. Results are kept in localStorage (per user and offering), so they
 * survive a reload and the sign-in round trip, and always say when they were read.
 */
export function MembersCheck({ offeringUuid, userUuid, canManage }: Props) {
  const queryClient = useQueryClient();
  const key = storageKey(userUuid, offeringUuid);
  const [state, setState] = useState<CheckState | null>(() => loadState(window.localStorage, key));
  const [linkedTotal, setLinkedTotal] = useState<number | null>(null);
  const [saveFailed, setSaveFailed] = useState(false);
  const [loadError, setLoadError] = useState<unknown>(null);
  const controller = useRef<AbortController | null>(null);
  const [running, setRunning] = useState(false);
  const [url, setUrl] = useUrlState(membersCheckSearchSchema);
  const offeringName = useQuery(offeringQueries.detail(offeringUuid)).data?.name ?? offeringUuid;
  const shownKinds = new Set(url.drift.length ? url.drift : DRIFT_KINDS);

  useEffect(() => () => controller.current?.abort(), []);
  useEffect(() => {
    // What localStorage said to the write (full, or refused) is what the page reports.
    // eslint-disable-next-line react-hooks/set-state-in-effect -- the state is the answer of an external system
    if (state) setSaveFailed(!saveState(window.localStorage, key, state));
  }, [key, state]);

  // The offering's remote groups as read when the check started: a group missing from them
  // whose members Keycloak refuses is named as missing in Keycloak, not as a failed read.
  const remoteIds = useRef<ReadonlySet<string> | undefined>(undefined);
  /**
   * Each group's reads. `offering`: Waldur's side read for the whole offering at once (a walk of
   * many groups, see offering-memberships.ts), else each group's own memberships.
   */
  const readerOf = useCallback(
    (offering?: Promise<Map<string, OfferingMembership[]> | null>): GroupReader =>
      async (group, signal) => {
        const [members, remote] = await Promise.all([
          (offering ?? Promise.resolve(null)).then((byGroup) =>
            byGroup ? (byGroup.get(group.uuid) ?? []) : readEveryMembership(group.uuid, signal),
          ),
          readRemoteMembers(offeringUuid, group.backend_id, signal).catch((error: unknown) => {
            if (isRefusedByKeycloak(error) && needsLookup(group.backend_id, remoteIds.current)) {
              throw new Error(`${MISSING_BADGE}. ${missingExplanation(group.backend_id)} ${MISSING_FIXES}`);
            }
            throw error;
          }),
        ]);
        return { members, remote };
      },
    [offeringUuid],
  );
  const read = useMemo(() => readerOf(), [readerOf]);

  const readRemoteIds = useCallback(async () => {
    remoteIds.current = remoteIdsOf(
      await queryClient.fetchQuery({ ...remoteGroupQueries.all(offeringUuid), staleTime: 0 }).catch(() => undefined),
    );
  }, [offeringUuid, queryClient]);

  const linkedGroups = useCallback(async (): Promise<CheckGroup[]> => {
    // Side by side: neither read needs the other, and the check waits for both (one round trip, not two).
    const [, every] = await Promise.all([
      readRemoteIds(),
      queryClient.fetchQuery({ ...groupQueries.everyGroup(offeringUuid), staleTime: 0 }),
    ]);
    const linked = every.items.filter((group) => Boolean(group.backend_id));
    setLinkedTotal(linked.length);
    return linked;
  }, [offeringUuid, queryClient, readRemoteIds]);

  const walk = useCallback(
    async (groups: CheckGroup[], fresh: boolean) => {
      controller.current?.abort();
      const abort = new AbortController();
      controller.current = abort;
      setRunning(true);
      setState((previous) => (fresh || !previous ? startState(groups.length, Date.now()) : { ...previous, status: 'running' }));
      const batch = batchedAdd(setState);
      const offering = readOfferingMemberships(offeringUuid, groups.length, abort.signal);
      // Each group's read fails with it, if it fails: not unhandled meanwhile.
      offering.catch(() => undefined);
      await walkGroups(groups, readerOf(offering), {
        concurrency: DEFAULT_CONCURRENCY + QUEUED_AHEAD,
        signal: abort.signal,
        errorText: errorMessage,
        onGroup: batch.add,
      });
      batch.flush();
      setState((previous) => (previous ? { ...previous, status: abort.signal.aborted ? 'cancelled' : 'complete' } : previous));
      if (controller.current === abort) controller.current = null;
      setRunning(false);
    },
    [offeringUuid, readerOf],
  );

  const start = async (mode: 'all' | 'rest' | 'failed') => {
    setLoadError(null);
    try {
      if (mode === 'failed' && state) {
        await readRemoteIds();
        return await walk(retryableGroups(state, isMissingError), false);
      }
      const linked = await linkedGroups();
      if (mode === 'rest' && state) return await walk(unreadGroups(state, linked), false);
      await walk(linked, true);
    } catch (error) {
      setLoadError(error);
      setRunning(false);
    }
  };

  const rows = useMemo(() => (state ? allFindings(state) : []), [state]);
  const counts = useMemo(() => kindCounts(rows), [rows]);
  const shown = useMemo(() => rows.filter((row) => shownKinds.has(row.kind)), [rows, url.drift]); // eslint-disable-line react-hooks/exhaustive-deps
  const [selected, setSelected] = useState<Set<string>>(new Set());

  const recheck = useCallback(
    async (fixes: readonly MemberFix[]) => {
      const groups = new Map<string, CheckGroup>();
      for (const fix of fixes) {
        const check = state?.results[fix.group.uuid];
        if (check) groups.set(check.group.uuid, check.group);
      }
      const abort = new AbortController();
      await walkGroups([...groups.values()], read, {
        signal: abort.signal,
        errorText: errorMessage,
        onGroup: (check) => setState((previous) => (previous ? addCheck(previous, check) : previous)),
      });
    },
    [read, state],
  );
  const fixer = useFixRunner(offeringUuid, recheck);

  const total = state?.total ?? 0;
  const checked = state ? checkedCount(state) : 0;
  const failed = state ? failedGroups(state) : [];
  const retryable = state ? retryableGroups(state, isMissingError) : [];
  const done = checked + failed.length;
  const unread = state && state.status !== 'running' && done < total;

  const fixOf = (row: FindingRow) => fixesFor(row.group, row);
  const selectedRows = shown.filter((row) => selected.has(row.id));
  const { run: runFixer } = fixer;
  const runFixes = useCallback(
    (fixes: MemberFix[]) => {
      setSelected(new Set());
      runFixer(fixes);
    },
    [runFixer],
  );
  const rowKey = useCallback((index: number) => shown[index]?.id ?? index, [shown]);
  const select = useCallback((id: string, on: boolean) => setSelected((previous) => toggled(previous, id, on)), []);

  const exportCsv = () =>
    downloadText(csvFileName('members-check', offeringName), [
      '\ufeff',
      toCsv(
        ['Group', 'Role', 'Resource', 'Username', 'Difference', 'Details', 'Fix'],
        shown.map((row) => {
          const { main } = fixOf(row);
          return [
            row.group.name,
            row.group.role_name,
            row.group.resource_name ?? '',
            row.username,
            KIND_LABEL[row.kind],
            describeLine(row),
            main ? FIX_LABEL[main.kind] : '',
          ];
        }),
      ),
    ]);

  return (
    <Paper withBorder p="md" component="section" aria-label="Members check">
      <Stack gap="sm">
        <Group justify="space-between" align="flex-end">
          <div>
            <Title order={3} size="h4">
              Members check
            </Title>
            <Text size="sm" c="dimmed">
              Reads the members of every linked group in Waldur and in Keycloak and lists every difference, with its fix.
            </Text>
          </div>
          <Group gap="xs">
            {running ? (
              <Button variant="default" color="red" onClick={() => controller.current?.abort()}>
                Cancel check
              </Button>
            ) : (
              <>
                {unread ? (
                  <Button variant="light" onClick={() => void start('rest')}>
                    Check the rest ({(total - done).toLocaleString()})
                  </Button>
                ) : null}
                {retryable.length ? (
                  <Button variant="light" onClick={() => void start('failed')}>
                    Retry failed groups ({retryable.length})
                  </Button>
                ) : null}
                <Button onClick={() => void start('all')}>{state ? 'Check all members again' : 'Check all members'}</Button>
              </>
            )}
          </Group>
        </Group>
        {loadError ? (
          <Alert color="red" role="alert" title="Could not list the groups of the offering">
            {errorMessage(loadError)}
          </Alert>
        ) : null}
        {state ? (
          <Stack gap={4}>
            <Progress value={total ? (done / total) * 100 : 100} aria-label="Members check progress" animated={running} />
            <Text size="sm" aria-live="polite">
              {state.status === 'running'
                ? 'Checking: '
                : state.status === 'cancelled'
                  ? 'Cancelled: '
                  : state.status === 'interrupted'
                    ? 'Interrupted: '
                    : 'Checked: '}
              {checked.toLocaleString()} of {total.toLocaleString()} linked groups read
              {failed.length ? `, ${failed.length} failed` : ''}; {rows.length.toLocaleString()} differences.{' '}
              {state.readAt ? `Read ${formatDateTime(state.readAt)}.` : ''}
              {linkedTotal !== null && linkedTotal !== total && !running ? ` The offering now has ${linkedTotal} linked groups.` : ''}
            </Text>
            {saveFailed ? (
              <Text size="xs" c="orange">
                These results are too large for this browser’s storage: they will not survive a reload.
              </Text>
            ) : null}
          </Stack>
        ) : null}
        {failed.length && !running ? (
          <Alert color="orange" variant="light" title={`${failed.length} groups could not be read`}>
            {failed.slice(0, 5).map((group) => (
              <Text key={group.uuid} size="sm">
                <Bdi>{group.name}</Bdi>:{' '}
                {state?.results[group.uuid]?.status === 'failed' ? (state.results[group.uuid] as { error: string }).error : ''}
              </Text>
            ))}
          </Alert>
        ) : null}
        {fixer.panel}
        {state ? (
          <>
            <Group justify="space-between">
              <Group gap="sm" role="group" aria-label="Show differences">
                {DRIFT_KINDS.map((kind) => (
                  <Checkbox
                    key={kind}
                    size="xs"
                    color={FILTER_COLOR[kind]}
                    label={`${KIND_LABEL[kind]} (${counts[kind]})`}
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
                    <Text size="sm">{selectedRows.length} selected</Text>
                    <Button
                      size="xs"
                      disabled={!canManage || fixer.running}
                      onClick={() => runFixes(selectedRows.flatMap((row) => fixOf(row).main ?? []))}
                    >
                      Fix selected
                    </Button>
                  </>
                ) : null}
                <Button size="xs" variant="light" disabled={shown.length === 0} onClick={exportCsv}>
                  Export CSV
                </Button>
              </Group>
            </Group>
            {shown.length === 0 ? (
              <Text size="sm" c="dimmed">
                {rows.length === 0 && state.status !== 'running'
                  ? noDifferencesText(state, { canSeeGroups: canManage })
                  : 'No differences of the kinds shown.'}
              </Text>
            ) : (
              <VirtualTable
                count={shown.length}
                columns={5}
                estimateRowHeight={56}
                label="Member differences across the offering"
                rowKey={rowKey}
                head={
                  <Table.Tr>
                    <Table.Th w={36}>
                      <Checkbox
                        aria-label="Select every difference shown"
                        checked={selectedRows.length === shown.length}
                        indeterminate={selectedRows.length > 0 && selectedRows.length < shown.length}
                        onChange={(event) => setSelected(event.currentTarget.checked ? new Set(shown.map((row) => row.id)) : new Set())}
                      />
                    </Table.Th>
                    <Table.Th>Group</Table.Th>
                    <Table.Th>Member</Table.Th>
                    <Table.Th>What differs</Table.Th>
                    <Table.Th w={200}>Fix</Table.Th>
                  </Table.Tr>
                }
                row={(index) => {
                  const row = shown[index];
                  return row ? (
                    <FindingCells
                      row={row}
                      selected={selected.has(row.id)}
                      disabled={!canManage || fixer.running}
                      onSelect={select}
                      onRun={runFixes}
                    />
                  ) : null;
                }}
              />
            )}
          </>
        ) : null}
      </Stack>
    </Paper>
  );
}

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
  return (
    <>
      <Table.Td>
        <Checkbox
          aria-label={`Select ${isolate(row.username)} in ${isolate(row.group.name)}`}
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
