import { Trans, useLingui } from '@lingui/react/macro';
import type { OfferingGroup, RemoteGroup } from '../../api/types';
import { isolate } from '../../lib/bidi';
import { chosen, type SyncLine } from './sync-lines';
import { REASON_ID, type ListState, type SyncActions } from './sync-actions';
import { canWait, type LineAct, type Settled } from './waiting-acts';
import classes from './sync-status-view.module.css';

/**
 * A line's own buttons: Import, Pull members, or Link and Delete, by the section it is in. A
 * Waldur line with a same-named Keycloak group offers to link to that one (the dialog opens with
 * it chosen, and any other can still be picked there). Before the line knows its group, a click
 * waits for it (waiting-acts.ts): the button shows it is busy until the click is carried out.
 */
export function LineActions({
  line,
  choice,
  actions,
  name,
  partner,
  lookup,
  waiting,
  wait,
}: {
  line: SyncLine;
  choice: string | undefined;
  actions: SyncActions;
  name: string;
  partner?: RemoteGroup | undefined;
  /** The list this line's group is looked up in. */
  lookup: ListState;
  /** The click of this line waiting for its group, if any. */
  waiting: LineAct | undefined;
  wait: (line: SyncLine, act: LineAct) => Promise<Settled>;
}) {
  const { t } = useLingui();
  const shownName = isolate(name);
  const disabled = !actions.canManage;
  const described = disabled ? { 'aria-describedby': REASON_ID } : {};
  // Without a group yet, a click waits for the lookup instead of being lost on a disabled button.
  const early = canWait(line, lookup);
  const later = (act: LineAct, run: (outcome: Settled) => void) => () => void wait(line, act).then(run);
  if (line.kind === 'remote') {
    const target = chosen(line.candidates, choice);
    return (
      <div className={classes.actions}>
        <RowButton
          disabled={disabled || (!target && !early)}
          loading={waiting === 'import'}
          {...described}
          aria-label={t`Import ${shownName}`}
          onClick={
            target
              ? () => actions.importRemote([target.id])
              : later('import', (found) => found.kind === 'remote' && actions.importRemote([found.group.id]))
          }
        >
          <Trans>Import</Trans>
        </RowButton>
      </div>
    );
  }
  const target = chosen(line.candidates, choice);
  const busy = target ? actions.isBusy(target.uuid) : false;
  const press = (act: LineAct, run: (group: OfferingGroup) => void) =>
    target ? () => run(target) : later(act, (found) => found.kind === 'local' && run(found.group));
  const off = disabled || (!target && !early);
  if (line.kind === 'synced') {
    return (
      <div className={classes.actions}>
        <RowButton
          disabled={off}
          loading={busy || waiting === 'pull'}
          {...described}
          aria-label={t`Pull members of ${shownName}`}
          onClick={press('pull', (group) => void actions.pullMembers([group]))}
        >
          <Trans>Pull members</Trans>
        </RowButton>
      </div>
    );
  }
  return (
    <div className={classes.actions}>
      {partner ? (
        <RowButton
          disabled={off || busy}
          loading={waiting === 'link-same'}
          {...described}
          aria-label={t`Link ${shownName} to the same-named group`}
          onClick={press('link-same', (group) => actions.link(group, partner.id))}
        >
          <Trans>Link to the same-named group</Trans>
        </RowButton>
      ) : (
        <RowButton
          disabled={off || busy}
          loading={waiting === 'link'}
          {...described}
          aria-label={t`Link to remote group: ${shownName}`}
          onClick={press('link', (group) => actions.link(group))}
        >
          <Trans>Link to remote group</Trans>
        </RowButton>
      )}
      <RowButton
        red
        disabled={off}
        loading={busy || waiting === 'delete'}
        {...described}
        aria-label={t`Delete ${shownName}`}
        onClick={press('delete', (group) => actions.remove([group]))}
      >
        <Trans>Delete</Trans>
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
