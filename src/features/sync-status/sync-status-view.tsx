import { Trans } from '@lingui/react/macro';
import { Button, Group, Stack, Text } from '@mantine/core';
import { useCallback, useMemo, useState } from 'react';
import type { SyncJoin, SyncLine } from './sync-lines';
import { SECTION_HEIGHT } from './line-layout';
import { REASON_ID, type Lookups, type SyncActions } from './sync-actions';
import { Section, SectionTitle } from './sync-section';
import type { SyncShow } from './sync-search';
import { sameNamePartners } from './same-name';
import { settle, type DroppedAct, type LineAct, type Settled, type WaitingActs, type WhenRead } from './waiting-acts';
import { WaitingNotes } from './waiting-notes';

const FETCHED: Lookups = { local: 'fetched', remote: 'fetched' };

type Props = {
  join: SyncJoin;
  filter: string;
  actions: SyncActions;
  /** Default: both lists fetched. */
  lookups?: Lookups;
  /** Maximum height of each section's scroll container, in pixels. */
  sectionHeight?: number;
  /** The one section shown (from the URL), with the way back to all three. */
  show?: { section: SyncShow; showAll: () => void } | null;
  /** Waits for a group list being read; a click on a line still looking up its group waits on it. */
  whenRead?: WhenRead;
};

/**
 * The sync status diff, three sections with their own virtualised scroll container, so 10,000
 * lines per section keep a bounded number of DOM rows. Pure: it takes the joined lines and the
 * actions; fetching lives in the tab. The benchmark renders it with a large join.
 */
export function SyncStatusView({ join, filter, actions, lookups = FETCHED, sectionHeight = SECTION_HEIGHT, show = null, whenRead }: Props) {
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

  // Pairs are known once the remote groups are: a line's partner is a remote group to link to.
  const partners = useMemo(() => sameNamePartners(join), [join]);

  // Clicks made before their line knew its group, carried out (or dropped, saying why) once it does.
  const [waiting, setWaiting] = useState<WaitingActs>(new Map());
  const [dropped, setDropped] = useState<readonly DroppedAct[]>([]);
  const wait = useCallback(
    async (line: SyncLine, act: LineAct): Promise<Settled> => {
      setWaiting((previous) => new Map(previous).set(line.id, act));
      try {
        const read = whenRead ? await whenRead(line.kind === 'remote' ? 'remote' : 'local') : { join, lookups };
        const outcome: Settled = read ? settle(read.join, read.lookups, line.id, act) : { lineId: line.id, act, kind: 'gone' };
        if (outcome.kind === 'choose' || outcome.kind === 'not-found' || outcome.kind === 'failed')
          setDropped((previous) => [...previous, outcome]);
        return outcome;
      } finally {
        setWaiting((previous) => {
          const next = new Map(previous);
          next.delete(line.id);
          return next;
        });
      }
    },
    [whenRead, join, lookups],
  );

  const shared = { selected, toggle, choices, choose, actions, lookups, sectionHeight, filter, partners, waiting, wait };
  return (
    <Stack gap="lg">
      {!actions.canManage && actions.reason ? (
        <Text size="sm" c="dimmed" id={REASON_ID} role="note">
          {actions.reason} <Trans>Sync actions are disabled.</Trans>
        </Text>
      ) : null}
      <WaitingNotes notes={dropped} dismiss={(note) => setDropped((previous) => previous.filter((other) => other !== note))} />
      {show ? (
        <Group gap="xs" wrap="wrap">
          <Text size="sm">
            <Trans>
              Showing only “<SectionTitle kind={show.section} />
              ”.
            </Trans>
          </Text>
          <Button size="compact-sm" variant="light" onClick={show.showAll}>
            <Trans>Show all sections</Trans>
          </Button>
        </Group>
      ) : null}
      {!show || show.section === 'synced' ? <Section kind="synced" lines={join.synced} {...shared} /> : null}
      {!show || show.section === 'local' ? <Section kind="local" lines={join.local} {...shared} /> : null}
      {!show || show.section === 'remote' ? <Section kind="remote" lines={join.remote} {...shared} /> : null}
    </Stack>
  );
}
