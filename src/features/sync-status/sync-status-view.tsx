import { Button, Checkbox, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { openConfirmModal } from '../../components/confirm';
import { memo, useCallback, useId, useMemo, useState } from 'react';
import classes from './sync-status-view.module.css';
import type { OfferingGroup, RemoteGroup } from '../../api/types';
import { isolate, showControls } from '../../lib/bidi';
import { useVirtualRows } from '../../lib/use-virtual-rows';
import { LINE_OVERSCAN, lineHeight, SECTION_HEIGHT } from './line-layout';
import { chosen, filterLines, type LocalOnlyLine, type RemoteOnlyLine, type SyncedLine, type SyncJoin, type SyncLine } from './join';
import { Bdi } from '../../components/bidi-text';

/**
 * The sync status diff, three sections with their own virtualised scroll container, so 10,000
 * lines per section keep a bounded number of DOM rows. Pure: it takes the joined lines and the
 * actions; fetching lives in the tab. The benchmark renders it with a large join.
 */
export type SyncActions = {
  canManage: boolean;
  /** Why actions are disabled; shown once, referenced by every disabled button. */
  reason: string | null;
  isBusy: (groupUuid: string) => boolean;
  pullMembers: (groups: OfferingGroup[]) => void | Promise<void>;
  link: (group: OfferingGroup) => void;
  remove: (groups: OfferingGroup[]) => void;
  /** Opens the import wizard with these remote groups selected. */
  importRemote: (remoteGroupIds: string[]) => void;
};

/**
 * Where each group list the lines are matched against stands: still being fetched, failed, or
 * fetched. A line is "not found" only in a list that was fetched: until then it says it is being
 * looked up (the sync status comes first and its lines show at once).
 */
export type ListState = 'pending' | 'failed' | 'fetched';
export type Lookups = { local: ListState; remote: ListState };
const FETCHED: Lookups = { local: 'fetched', remote: 'fetched' };

type Props = {
  join: SyncJoin;
  filter: string;
  actions: SyncActions;
  /** Default: both lists fetched. */
  lookups?: Lookups;
  /** Maximum height of each section's scroll container, in pixels. */
  sectionHeight?: number;
};

const REASON_ID = 'sync-actions-reason';
/** Bulk pulls of more groups than this ask first. */
const BULK_CONFIRM_ABOVE = 20;

type SectionKind = SyncLine['kind'];

const SECTION_TITLE: Record<SectionKind, string> = { synced: 'Synced', local: 'Only in Waldur', remote: 'Only in Keycloak' };
const SECTION_HELP: Record<SectionKind, string> = {
  synced: 'Local groups linked to a Keycloak group that exists.',
  local: 'Local groups that are not linked, or whose Keycloak group no longer exists.',
  remote: 'Keycloak groups that no local group points at.',
};

export function SyncStatusView({ join, filter, actions, lookups = FETCHED, sectionHeight = SECTION_HEIGHT }: Props) {
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const [choices, setChoices] = useState<ReadonlyMap<string, string>>(new Map());

  const toggle = useCallback((ids: readonly string[], on: boolean) => {
    setSelected((previous) => {
      const next = new Set(previous);
      for (const id of ids) {
        if (on) next.add(id);
        else next.delete(id);
      }
      return next;
    });
  }, []);
  const choose = useCallback((lineId: string, value: string) => {
    setChoices((previous) => new Map(previous).set(lineId, value));
  }, []);

  const shared = { selected, toggle, choices, choose, actions, lookups, sectionHeight, filter };
  return (
    <Stack gap="lg">
      {!actions.canManage && actions.reason ? (
        <Text size="sm" c="dimmed" id={REASON_ID} role="note">
          {actions.reason} Sync actions are disabled.
        </Text>
      ) : null}
      <Section kind="synced" lines={join.synced} {...shared} />
      <Section kind="local" lines={join.local} {...shared} />
      <Section kind="remote" lines={join.remote} {...shared} />
    </Stack>
  );
}

type SectionProps<T extends SyncLine> = {
  kind: T['kind'];
  lines: readonly T[];
  filter: string;
  selected: ReadonlySet<string>;
  toggle: (ids: readonly string[], on: boolean) => void;
  choices: ReadonlyMap<string, string>;
  choose: (lineId: string, value: string) => void;
  actions: SyncActions;
  lookups: Lookups;
  sectionHeight: number;
};

function localTarget(line: SyncedLine | LocalOnlyLine, choices: ReadonlyMap<string, string>): OfferingGroup | undefined {
  return chosen(line.candidates, choices.get(line.id));
}

function remoteTarget(line: RemoteOnlyLine, choices: ReadonlyMap<string, string>): RemoteGroup | undefined {
  return chosen(line.candidates, choices.get(line.id));
}

function Section<T extends SyncLine>({
  kind,
  lines,
  filter,
  selected,
  toggle,
  choices,
  choose,
  actions,
  lookups,
  sectionHeight,
}: SectionProps<T>) {
  // Synced and Waldur lines are matched to the local groups, Keycloak lines to the remote ones.
  const lookup = kind === 'remote' ? lookups.remote : lookups.local;
  const shown = useMemo(() => filterLines(lines, filter), [lines, filter]);
  const headingId = `sync-section-${kind}`;
  const chosenLines = useMemo(() => (selected.size === 0 ? [] : shown.filter((line) => selected.has(line.id))), [shown, selected]);
  const allChosen = shown.length > 0 && chosenLines.length === shown.length;
  const disabledProps = actions.canManage ? {} : { 'aria-describedby': REASON_ID };

  // Targets of the selected lines; lines still waiting for a choice are left out and counted.
  const localTargets: OfferingGroup[] = [];
  const remoteTargets: string[] = [];
  let undecided = 0;
  for (const line of chosenLines) {
    if (line.kind === 'remote') {
      const target = remoteTarget(line, choices);
      if (target) remoteTargets.push(target.id);
      else undecided += 1;
    } else {
      const target = localTarget(line, choices);
      if (target) localTargets.push(target);
      else undecided += 1;
    }
  }
  const count = kind === 'remote' ? remoteTargets.length : localTargets.length;

  return (
    <Paper component="section" withBorder p="sm" aria-labelledby={headingId}>
      <Group justify="space-between" align="flex-start" wrap="wrap" gap="xs">
        <div>
          <Title order={2} size="h4" id={headingId}>
            {SECTION_TITLE[kind]} (
            {filter.trim() ? `${shown.length.toLocaleString()} of ${lines.length.toLocaleString()}` : lines.length.toLocaleString()})
          </Title>
          <Text size="xs" c="dimmed">
            {SECTION_HELP[kind]}
          </Text>
        </div>
        <Group gap="xs" wrap="wrap">
          <Checkbox
            label={`Select all ${shown.length.toLocaleString()}`}
            checked={allChosen}
            indeterminate={chosenLines.length > 0 && !allChosen}
            disabled={shown.length === 0}
            onChange={(event) =>
              toggle(
                shown.map((line) => line.id),
                event.currentTarget.checked,
              )
            }
          />
          {kind === 'synced' ? (
            <Button
              size="xs"
              variant="light"
              disabled={!actions.canManage || count === 0}
              {...disabledProps}
              onClick={() => {
                const run = () => {
                  void actions.pullMembers(localTargets);
                  toggle(
                    chosenLines.map((line) => line.id),
                    false,
                  );
                };
                if (localTargets.length <= BULK_CONFIRM_ABOVE) return run();
                // Each group is one request to Waldur and one to Keycloak: say so before sending thousands.
                openConfirmModal({
                  title: `Pull members of ${localTargets.length.toLocaleString()} groups?`,
                  children: (
                    <Text size="sm">
                      Waldur asks Keycloak for the members of each group, one group at a time, and adds the missing ones. This can take a
                      while; you can keep working meanwhile.
                    </Text>
                  ),
                  labels: { confirm: `Pull members of ${localTargets.length.toLocaleString()} groups`, cancel: 'Cancel' },
                  onConfirm: run,
                });
              }}
            >
              Pull members of selected ({count})
            </Button>
          ) : kind === 'local' ? (
            <Button
              size="xs"
              variant="light"
              color="red"
              disabled={!actions.canManage || count === 0}
              {...disabledProps}
              onClick={() => actions.remove(localTargets)}
            >
              Delete selected ({count})
            </Button>
          ) : (
            <Button
              size="xs"
              variant="light"
              disabled={!actions.canManage || count === 0}
              {...disabledProps}
              onClick={() => actions.importRemote(remoteTargets)}
            >
              Import selected ({count})
            </Button>
          )}
        </Group>
      </Group>
      {undecided > 0 ? (
        <Text size="xs" c="var(--mantine-color-orange-light-color)" mt={4} role="status">
          {undecided === 1 ? '1 selected line needs' : `${undecided} selected lines need`} a choice between same-named groups first; it is
          left out.
        </Text>
      ) : null}
      {shown.length === 0 ? (
        <Text size="sm" c="dimmed" mt="sm">
          {lines.length === 0 ? 'None.' : 'No line matches the filter.'}
        </Text>
      ) : (
        <VirtualLines
          label={`${SECTION_TITLE[kind]} groups`}
          lines={shown}
          height={sectionHeight}
          choices={choices}
          render={(line) => (
            <LineRow
              line={line}
              checked={selected.has(line.id)}
              toggle={toggle}
              choice={choices.get(line.id)}
              choose={choose}
              actions={actions}
              lookup={lookup}
            />
          )}
        />
      )}
    </Paper>
  );
}

function VirtualLines<T extends SyncLine>({
  label,
  lines,
  height,
  choices,
  render,
}: {
  label: string;
  lines: readonly T[];
  height: number;
  choices: ReadonlyMap<string, string>;
  render: (line: T) => React.ReactNode;
}) {
  // Sizes are computed, never measured: a new function when the lines or a choice change them,
  // and the rows' starts are summed again (once per change, not per scroll).
  const size = useCallback(
    (index: number) => {
      const line = lines[index];
      return line ? lineHeight(line, choices) : 0;
    },
    [lines, choices],
  );
  const { scrollRef, items, totalSize } = useVirtualRows<HTMLDivElement>({
    count: lines.length,
    size,
    overscan: LINE_OVERSCAN,
    // Rows on the first render, before the scroll box is observed.
    initialHeight: height,
  });
  return (
    <div ref={scrollRef} className={classes.scroller} style={{ height: Math.min(height, totalSize) }}>
      <div role="list" aria-label={label} className={classes.list} style={{ height: totalSize }}>
        {items.map((item) => {
          const line = lines[item.index];
          if (!line) return null;
          return (
            <div
              key={line.id}
              role="listitem"
              aria-setsize={lines.length}
              aria-posinset={item.index + 1}
              className={classes.row}
              style={{ height: item.size, transform: `translateY(${item.start}px)` }}
            >
              {render(line)}
            </div>
          );
        })}
      </div>
    </div>
  );
}

function lineName(line: SyncLine): string {
  return line.kind === 'synced' ? line.localName : line.name;
}

function groupFacts(group: OfferingGroup): string {
  return [
    isolate(group.role_name),
    group.resource_name ? `resource ${isolate(group.resource_name)}` : 'no resource',
    group.scope_id ? `scope ${isolate(group.scope_id)}` : null,
  ]
    .filter(Boolean)
    .join(' · ');
}

type RowProps = {
  line: SyncLine;
  checked: boolean;
  toggle: (ids: readonly string[], on: boolean) => void;
  choice: string | undefined;
  choose: (lineId: string, value: string) => void;
  actions: SyncActions;
  /** The list this line's group is looked up in. */
  lookup: ListState;
};

const LineRow = memo(function LineRow({ line, checked, toggle, choice, choose, actions, lookup }: RowProps) {
  const name = lineName(line);
  const display = name || '(no name)';
  return (
    <>
      <input
        type="checkbox"
        className={classes.check}
        aria-label={`Select ${isolate(display)}`}
        checked={checked}
        onChange={(event) => toggle([line.id], event.currentTarget.checked)}
      />
      <div className={classes.body}>
        <p className={name ? classes.name : `${classes.name} ${classes.unnamed}`} title={showControls(name)}>
          <Bdi>{display}</Bdi>
        </p>
        {line.kind === 'synced' ? <SyncedDetails line={line} choice={choice} choose={choose} lookup={lookup} /> : null}
        {line.kind === 'local' ? <LocalDetails line={line} choice={choice} choose={choose} lookup={lookup} /> : null}
        {line.kind === 'remote' ? <RemoteDetails line={line} choice={choice} choose={choose} lookup={lookup} /> : null}
      </div>
      <LineActions line={line} choice={choice} actions={actions} name={display} />
    </>
  );
});

/** One line of a line's details, cut to the row's width; the title holds all of it. */
function Detail({ title, warning = false, children }: { title: string; warning?: boolean; children: React.ReactNode }) {
  return (
    <p className={warning ? `${classes.detail} ${classes.warning}` : classes.detail} title={showControls(title)}>
      {children}
    </p>
  );
}

function CandidatePicker<C>({
  lineId,
  candidates,
  choice,
  choose,
  label,
  valueOf,
  describe,
}: {
  lineId: string;
  candidates: readonly C[];
  choice: string | undefined;
  choose: (lineId: string, value: string) => void;
  label: string;
  valueOf: (candidate: C) => string;
  describe: (candidate: C) => string;
}) {
  const id = useId();
  const description = `${candidates.length} groups have this name; choose the one this line is about.`;
  return (
    <>
      <div className={classes.picker}>
        <label htmlFor={id} className={classes.pickerLabel}>
          {label}
        </label>
        <select
          id={id}
          className={classes.select}
          aria-describedby={`${id}-description`}
          value={choice ?? ''}
          onChange={(event) => choose(lineId, event.currentTarget.value)}
        >
          <option value="">Choose…</option>
          {candidates.map((candidate) => {
            const value = valueOf(candidate);
            return (
              <option key={value} value={value}>
                {describe(candidate)}
              </option>
            );
          })}
        </select>
      </div>
      <Detail title={description}>
        <span id={`${id}-description`}>{description}</span>
      </Detail>
    </>
  );
}

/**
 * A line without a group: "not found" only once the list it is looked up in was fetched. Until
 * then it is being looked up; if the list failed, it is not known (the alert above says why).
 */
function NotFoundNote({ what, lookup }: { what: 'local group' | 'local group linked' | 'Keycloak group'; lookup: ListState }) {
  const list = what === 'Keycloak group' ? 'Keycloak' : 'local';
  const text =
    lookup === 'pending'
      ? `Looking up the ${list} group…`
      : lookup === 'failed'
        ? `Not known: the ${list} groups could not be listed.`
        : `No ${what} with this name in the lists just fetched. Refresh to check again.`;
  return (
    <Detail title={text} warning={lookup !== 'pending'}>
      {text}
    </Detail>
  );
}

type DetailsProps<L extends SyncLine> = {
  line: L;
  choice: string | undefined;
  choose: (id: string, value: string) => void;
  lookup: ListState;
};

function SyncedDetails({ line, choice, choose, lookup }: DetailsProps<SyncedLine>) {
  const group = chosen(line.candidates, choice);
  const renamed = line.remoteName !== line.localName;
  const path = line.remote?.path;
  const keycloak = `Keycloak: ${renamed ? `“${line.remoteName}” · ` : ''}${path ? `${path} · ` : ''}id ${line.backendId}`;
  const waldur = group ? `Waldur: ${groupFacts(group)}` : '';
  return (
    <>
      <Detail title={keycloak}>
        Keycloak:{' '}
        {renamed ? (
          <>
            “<Bdi>{line.remoteName}</Bdi>” ·{' '}
          </>
        ) : null}
        {path ? (
          <>
            <Bdi>{path}</Bdi> ·{' '}
          </>
        ) : null}
        id <code className={classes.code}>{line.backendId}</code>
      </Detail>
      {group ? <Detail title={waldur}>{waldur}</Detail> : null}
      <LocalGroupChoice line={line} choice={choice} choose={choose} lookup={lookup} notFound="local group linked" />
    </>
  );
}

/** Several local groups could be the one a line names: the user picks; none found: said so. */
function LocalGroupChoice({
  line,
  choice,
  choose,
  lookup,
  notFound,
}: DetailsProps<SyncedLine | LocalOnlyLine> & { notFound: 'local group' | 'local group linked' }) {
  if (line.candidates.length > 1) {
    return (
      <CandidatePicker
        lineId={line.id}
        candidates={line.candidates}
        choice={choice}
        choose={choose}
        label="Which local group?"
        valueOf={(candidate) => candidate.uuid}
        describe={(candidate) => `${isolate(candidate.name)} · ${groupFacts(candidate)} · ${candidate.uuid.slice(0, 8)}`}
      />
    );
  }
  return line.candidates.length === 0 ? <NotFoundNote what={notFound} lookup={lookup} /> : null;
}

function LocalDetails({ line, choice, choose, lookup }: DetailsProps<LocalOnlyLine>) {
  const group = chosen(line.candidates, choice);
  const facts = group ? groupFacts(group) : '';
  return (
    <>
      {group ? (
        <Detail title={`${facts} · ${group.backend_id ? `linked to ${group.backend_id}, which is not in Keycloak` : 'not linked'}`}>
          {facts}
          {group.backend_id ? (
            <>
              {' '}
              · linked to <code className={classes.code}>{group.backend_id}</code>, which is not in Keycloak
            </>
          ) : (
            ' · not linked'
          )}
        </Detail>
      ) : null}
      <LocalGroupChoice line={line} choice={choice} choose={choose} lookup={lookup} notFound="local group" />
    </>
  );
}

function RemoteDetails({ line, choice, choose, lookup }: DetailsProps<RemoteOnlyLine>) {
  const group = chosen(line.candidates, choice);
  const subgroups = group?.sub_group_count ? ` · ${group.sub_group_count} subgroups` : '';
  return (
    <>
      {group ? (
        <Detail title={`${group.path} · id ${group.id}${subgroups}`}>
          <Bdi>{group.path}</Bdi> · id <code className={classes.code}>{group.id}</code>
          {subgroups}
        </Detail>
      ) : null}
      {line.candidates.length > 1 ? (
        <CandidatePicker
          lineId={line.id}
          candidates={line.candidates}
          choice={choice}
          choose={choose}
          label="Which Keycloak group?"
          valueOf={(candidate) => candidate.id}
          describe={(candidate) => `${isolate(candidate.path || candidate.name)} · id ${candidate.id}`}
        />
      ) : line.candidates.length === 0 ? (
        <NotFoundNote what="Keycloak group" lookup={lookup} />
      ) : null}
    </>
  );
}

function LineActions({ line, choice, actions, name }: { line: SyncLine; choice: string | undefined; actions: SyncActions; name: string }) {
  const disabled = !actions.canManage;
  const described = disabled ? { 'aria-describedby': REASON_ID } : {};
  if (line.kind === 'remote') {
    const target = chosen(line.candidates, choice);
    return (
      <div className={classes.actions}>
        <RowButton
          disabled={disabled || !target}
          {...described}
          aria-label={`Import ${isolate(name)}`}
          onClick={() => target && actions.importRemote([target.id])}
        >
          Import
        </RowButton>
      </div>
    );
  }
  const target = chosen(line.candidates, choice);
  const busy = target ? actions.isBusy(target.uuid) : false;
  if (line.kind === 'synced') {
    return (
      <div className={classes.actions}>
        <RowButton
          disabled={disabled || !target}
          loading={busy}
          {...described}
          aria-label={`Pull members of ${isolate(name)}`}
          onClick={() => target && void actions.pullMembers([target])}
        >
          Pull members
        </RowButton>
      </div>
    );
  }
  return (
    <div className={classes.actions}>
      <RowButton
        disabled={disabled || !target || busy}
        {...described}
        aria-label={`Link to remote group: ${isolate(name)}`}
        onClick={() => target && actions.link(target)}
      >
        Link to remote group
      </RowButton>
      <RowButton
        red
        disabled={disabled || !target}
        loading={busy}
        {...described}
        aria-label={`Delete ${isolate(name)}`}
        onClick={() => target && actions.remove([target])}
      >
        Delete
      </RowButton>
    </div>
  );
}

/**
 * A line's action button: a plain <button> styled like Mantine's light xs Button. A screenful
 * of new lines mounts on every scrolled frame, and Mantine's Button (Box, its loader, its style
 * props) cost most of such a frame's script time (bench figure 13).
 */
function RowButton({
  red = false,
  loading = false,
  disabled = false,
  children,
  ...rest
}: React.ButtonHTMLAttributes<HTMLButtonElement> & { red?: boolean; loading?: boolean }) {
  return (
    <button
      type="button"
      {...rest}
      className={red ? `${classes.button} ${classes.red}` : classes.button}
      disabled={disabled || loading}
      aria-busy={loading || undefined}
      data-loading={loading || undefined}
    >
      {loading ? <span className={classes.spinner} aria-hidden /> : null}
      <span className={loading ? classes.hidden : undefined}>{children}</span>
    </button>
  );
}
