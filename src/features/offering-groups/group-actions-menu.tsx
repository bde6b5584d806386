import { Trans, useLingui } from '@lingui/react/macro';
import { Loader, Text } from '@mantine/core';
import { MISSING_PULL_REASON, type RemotePresence } from '../../api/remote-presence';
import type { OfferingGroup } from '../../api/types';
import { DeferredMenu } from '../../components/deferred/widgets';
import type { GroupActions } from './group-actions';
import { NOT_LINKED_REASON } from './group-messages';
import classes from './group-row.module.css';
import { isolate } from '../../lib/bidi';

function Reason({ children }: { children: React.ReactNode }) {
  return (
    <Text size="xs" c="dimmed" component="span" display="block">
      {children}
    </Text>
  );
}

/** The row's actions. Those the user cannot use stay visible, disabled, with the reason. */
export function GroupActionsMenu({
  group,
  actions,
  presence = 'unknown',
}: {
  group: OfferingGroup;
  actions: GroupActions;
  presence?: RemotePresence;
}) {
  const { canManage, reason } = actions.permission;
  const busy = actions.isBusy(group.uuid);
  const linked = Boolean(group.backend_id);
  const missing = presence === 'missing';
  const { t, i18n } = useLingui();
  const shownName = isolate(group.name || t`(no name)`);
  const label = t`Actions for ${shownName}`;
  return (
    <DeferredMenu
      position="bottom-end"
      withinPortal
      width={260}
      target={
        // A plain button with the look of a subtle gray ActionIcon (one in every row of the
        // table): Menu.Target gives it its ref and props as it would the ActionIcon.
        <button type="button" className={classes.trigger} aria-label={label} title={label} aria-busy={busy}>
          {busy ? <Loader size={14} aria-hidden="true" /> : <span aria-hidden="true">⋯</span>}
        </button>
      }
    >
      {(Menu) => (
        <>
          <Menu.Item disabled={!canManage || !linked || missing || busy} onClick={() => void actions.pullMembers([group])}>
            <Trans>Pull members</Trans>
            {!canManage ? (
              <Reason>{reason}</Reason>
            ) : !linked ? (
              <Reason>{i18n._(NOT_LINKED_REASON)}</Reason>
            ) : missing ? (
              <Reason>{i18n._(MISSING_PULL_REASON)}</Reason>
            ) : null}
          </Menu.Item>
          <Menu.Item disabled={!canManage || busy} onClick={() => actions.openLink(group)}>
            <Trans>Link to remote group</Trans>
            {!canManage ? (
              <Reason>{reason}</Reason>
            ) : missing ? (
              <Reason>
                <Trans>Keycloak no longer has the linked group: choose another</Trans>
              </Reason>
            ) : linked ? (
              <Reason>
                <Trans>Change the linked group, resource or scope</Trans>
              </Reason>
            ) : null}
          </Menu.Item>
          <Menu.Item disabled={!canManage || !linked || busy} onClick={() => actions.confirmUnlink(group)}>
            <Trans>Unlink</Trans>
            {!canManage ? (
              <Reason>{reason}</Reason>
            ) : !linked ? (
              <Reason>
                <Trans>Not linked.</Trans>
              </Reason>
            ) : null}
          </Menu.Item>
          <Menu.Divider />
          <Menu.Item color="red" disabled={!canManage || busy} onClick={() => actions.confirmDelete([group])}>
            <Trans>Delete</Trans>
            {!canManage ? <Reason>{reason}</Reason> : null}
          </Menu.Item>
        </>
      )}
    </DeferredMenu>
  );
}
