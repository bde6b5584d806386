import { useLingui } from '@lingui/react/macro';
import { memo } from 'react';
import { Bdi } from '../../components/bidi-text';
import { isolate, showControls } from '../../lib/bidi';
import type { RemoteGroup } from '../../api/types';
import type { SyncLine } from './sync-lines';
import { LineActions } from './line-actions';
import { LocalDetails, RemoteDetails, SyncedDetails } from './line-details';
import type { ListState, SyncActions } from './sync-actions';
import type { LineAct, Settled } from './waiting-acts';
import classes from './sync-status-view.module.css';

export function lineName(line: SyncLine): string {
  return line.kind === 'synced' ? line.localName : line.name;
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
  /** The remote group of the same name, for an "Only in Waldur" line with one (same-name.ts). */
  partner?: RemoteGroup | undefined;
  /** This line's click waiting for its group, if any (waiting-acts.ts). */
  waiting: LineAct | undefined;
  wait: (line: SyncLine, act: LineAct) => Promise<Settled>;
};

/** One line of the diff: its checkbox, its name and details, and its actions. */
export const LineRow = memo(function LineRow({ line, checked, toggle, choice, choose, actions, lookup, partner, waiting, wait }: RowProps) {
  const { t } = useLingui();
  const name = lineName(line);
  const display = name || t`(no name)`;
  const shownName = isolate(display);
  return (
    <>
      <input
        type="checkbox"
        className={classes.check}
        aria-label={t`Select ${shownName}`}
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
      <LineActions
        line={line}
        choice={choice}
        actions={actions}
        name={display}
        partner={partner}
        lookup={lookup}
        waiting={waiting}
        wait={wait}
      />
    </>
  );
});
