import { i18n } from '@lingui/core';
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
  const label = `Actions for ${isolate(group.name || '(no name)')}`;
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
            Pull members
            {!canManage ? (
              <Reason>{reason}</Reason>
            ) : !linked ? (
              <Reason>{NOT_LINKED_REASON}</Reason>
            ) : missing ? (
              <Reason>{i18n._(MISSING_PULL_REASON)}</Reason>
            ) : null}
          </Menu.Item>
          <Menu.Item disabled={!canManage || busy} onClick={() => actions.openLink(group)}>
            Link to remote group
            {!canManage ? (
              <Reason>{reason}</Reason>
            ) : missing ? (
              <Reason>Keycloak no longer has the linked group: choose another</Reason>
            ) : linked ? (
              <Reason>Change the linked group, resource or scope</Reason>
            ) : null}
          </Menu.Item>
          <Menu.Item disabled={!canManage || !linked || busy} onClick={() => actions.confirmUnlink(group)}>
            Unlink
            {!canManage ? <Reason>{reason}</Reason> : !linked ? <Reason>Not linked.</Reason> : null}
          </Menu.Item>
          <Menu.Divider />
          <Menu.Item color="red" disabled={!canManage || busy} onClick={() => actions.confirmDelete([group])}>
            Delete
            {!canManage ? <Reason>{reason}</Reason> : null}
          </Menu.Item>
        </>
      )}
    </DeferredMenu>
  );
}
