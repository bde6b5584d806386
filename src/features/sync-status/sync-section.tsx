import type { MessageDescriptor } from '@lingui/core';
import { msg, plural } from '@lingui/core/macro';
import { Trans, useLingui } from '@lingui/react/macro';
import { Button, Checkbox, Group, Paper, Text, Title } from '@mantine/core';
import { useMemo } from 'react';
import type { OfferingGroup, RemoteGroup } from '../../api/types';
import { openConfirmModal } from '../../components/confirm';
import { formatNumber } from '../../lib/format';
import { filterLines } from './line-search';
import { chosen, type LocalOnlyLine, type RemoteOnlyLine, type SyncedLine, type SyncLine } from './sync-lines';
import { LineRow } from './line-row';
import { REASON_ID, type Lookups, type SyncActions } from './sync-actions';
import { VirtualLines } from './virtual-lines';
import type { LineAct, Settled, WaitingActs } from './waiting-acts';
import { selectAllLabel } from '../../lib/select-all';

/** Bulk pulls of more groups than this ask first. */
const BULK_CONFIRM_ABOVE = 20;

type SectionKind = SyncLine['kind'];

const SECTION_TITLE: Record<SectionKind, MessageDescriptor> = {
  synced: msg`Synced`,
  local: msg`Only in Waldur`,
  remote: msg`Only in Keycloak`,
};
const SECTION_HELP: Record<SectionKind, MessageDescriptor> = {
  synced: msg`Local groups linked to a Keycloak group that exists.`,
  local: msg`Local groups that are not linked, or whose Keycloak group no longer exists.`,
  remote: msg`Keycloak groups that no local group points at.`,
};
const SECTION_LIST: Record<SectionKind, MessageDescriptor> = {
  synced: msg`Synced groups`,
  local: msg`Only in Waldur groups`,
  remote: msg`Only in Keycloak groups`,
};

/** A section's title, in the app's language. */
export function SectionTitle({ kind }: { kind: SectionKind }) {
  const { i18n } = useLingui();
  return <>{i18n._(SECTION_TITLE[kind])}</>;
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
  /** Same-name pairs: the remote group of the same name, by "Only in Waldur" line id. */
  partners: ReadonlyMap<string, RemoteGroup>;
  /** Clicks waiting for their line's group (waiting-acts.ts). */
  waiting: WaitingActs;
  wait: (line: SyncLine, act: LineAct) => Promise<Settled>;
};

function localTarget(line: SyncedLine | LocalOnlyLine, choices: ReadonlyMap<string, string>): OfferingGroup | undefined {
  return chosen(line.candidates, choices.get(line.id));
}

function remoteTarget(line: RemoteOnlyLine, choices: ReadonlyMap<string, string>): RemoteGroup | undefined {
  return chosen(line.candidates, choices.get(line.id));
}

/** One section of the diff (Synced, Only in Waldur, Only in Keycloak): select all, its bulk action, its lines. */
export function Section<T extends SyncLine>({
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
  partners,
  waiting,
  wait,
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
  const { t, i18n } = useLingui();
  const title = i18n._(SECTION_TITLE[kind]);
  const shownCount = formatNumber(shown.length);
  const lineCount = formatNumber(lines.length);
  const targetCount = localTargets.length;

  return (
    <Paper component="section" withBorder p="sm" aria-labelledby={headingId}>
      <Group justify="space-between" align="flex-start" wrap="wrap" gap="xs">
        <div>
          <Title order={2} size="h4" id={headingId}>
            {filter.trim() ? t`${title} (${shownCount} of ${lineCount})` : `${title} (${lineCount})`}
          </Title>
          <Text size="xs" c="dimmed">
            {i18n._(SECTION_HELP[kind])}
          </Text>
        </div>
        <Group gap="xs" wrap="wrap">
          <Checkbox
            label={selectAllLabel(allChosen || chosenLines.length === 0 ? shown.length : shown.length - chosenLines.length, {
              filtered: Boolean(filter.trim()),
              someChosen: chosenLines.length > 0 && !allChosen,
            })}
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
                  title: plural(targetCount, { one: 'Pull members of # group?', other: 'Pull members of # groups?' }),
                  children: (
                    <Text size="sm">
                      <Trans>
                        Waldur asks Keycloak for the members of each group, one group at a time, and adds the missing ones. This can take a
                        while; you can keep working meanwhile.
                      </Trans>
                    </Text>
                  ),
                  labels: {
                    confirm: plural(targetCount, { one: 'Pull members of # group', other: 'Pull members of # groups' }),
                    cancel: t`Cancel`,
                  },
                  onConfirm: run,
                });
              }}
            >
              <Trans>Pull members of selected ({count})</Trans>
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
              <Trans>Delete selected ({count})</Trans>
            </Button>
          ) : (
            <Button
              size="xs"
              variant="light"
              disabled={!actions.canManage || count === 0}
              {...disabledProps}
              onClick={() => actions.importRemote(remoteTargets)}
            >
              <Trans>Import selected ({count})</Trans>
            </Button>
          )}
        </Group>
      </Group>
      {undecided > 0 ? (
        <Text size="xs" c="var(--mantine-color-orange-light-color)" mt={4} role="status">
          {plural(undecided, {
            one: '# selected line needs a choice between same-named groups first; it is left out.',
            other: '# selected lines need a choice between same-named groups first; they are left out.',
          })}
        </Text>
      ) : null}
      {shown.length === 0 ? (
        <Text size="sm" c="dimmed" mt="sm">
          {lines.length === 0 ? t`None.` : t`No line matches the filter.`}
        </Text>
      ) : (
        <VirtualLines
          label={i18n._(SECTION_LIST[kind])}
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
              partner={partners.get(line.id)}
              waiting={waiting.get(line.id)}
              wait={wait}
            />
          )}
        />
      )}
    </Paper>
  );
}
