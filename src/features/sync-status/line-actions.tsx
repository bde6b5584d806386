import { Trans, useLingui } from '@lingui/react/macro';
import type { RemoteGroup } from '../../api/types';
import { isolate } from '../../lib/bidi';
import { chosen, type SyncLine } from './sync-lines';
import { REASON_ID, type SyncActions } from './sync-actions';
import classes from './sync-status-view.module.css';

/**
 * A line's own buttons: Import, Pull members, or Link and Delete, by the section it is in. A
 * Waldur line with a same-named Keycloak group offers to link to that one (the dialog opens with
 * it chosen, and any other can still be picked there).
 */
export function LineActions({
  line,
  choice,
  actions,
  name,
  partner,
}: {
  line: SyncLine;
  choice: string | undefined;
  actions: SyncActions;
  name: string;
  partner?: RemoteGroup | undefined;
}) {
  const { t } = useLingui();
  const shownName = isolate(name);
  const disabled = !actions.canManage;
  const described = disabled ? { 'aria-describedby': REASON_ID } : {};
  if (line.kind === 'remote') {
    const target = chosen(line.candidates, choice);
    return (
      <div className={classes.actions}>
        <RowButton
          disabled={disabled || !target}
          {...described}
          aria-label={t`Import ${shownName}`}
          onClick={() => target && actions.importRemote([target.id])}
        >
          <Trans>Import</Trans>
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
          aria-label={t`Pull members of ${shownName}`}
          onClick={() => target && void actions.pullMembers([target])}
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
          disabled={disabled || !target || busy}
          {...described}
          aria-label={t`Link ${shownName} to the same-named group`}
          onClick={() => target && actions.link(target, partner.id)}
        >
          <Trans>Link to the same-named group</Trans>
        </RowButton>
      ) : (
        <RowButton
          disabled={disabled || !target || busy}
          {...described}
          aria-label={t`Link to remote group: ${shownName}`}
          onClick={() => target && actions.link(target)}
        >
          <Trans>Link to remote group</Trans>
        </RowButton>
      )}
      <RowButton
        red
        disabled={disabled || !target}
        loading={busy}
        {...described}
        aria-label={t`Delete ${shownName}`}
        onClick={() => target && actions.remove([target])}
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
