import { plural } from '@lingui/core/macro';
import { Trans, useLingui } from '@lingui/react/macro';
import { Alert, Anchor, Button, Group, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback, useMemo } from 'react';
import { Link } from 'react-router';
import { ApiError } from '../../api/errors';
import type { RancherMembership } from '../../api/types';
import { confirmDestructive } from '../../components/confirm';
import { EmptyState } from '../../components/empty-state';
import { ChosenList, ExportProgressAlert, ListBody, SelectionBar, type ListWords } from '../../components/list-page';
import { NotAllowedDialog } from '../../components/not-allowed-dialog';
import type { RowAction } from '../../components/selectable-table';
import { useListForm, useSelectableListPage } from '../../components/use-selectable-list-page';
import { isolate } from '../../lib/bidi';
import { useUrlState } from '../../lib/use-url-state';
import { BulkDeletePanel, whoLabel } from './bulk-delete-panel';
import { exportFileName, exportMembershipsCsv } from './export-csv';
import { membershipColumns, membershipRowLabel } from './membership-columns';
import { MembershipFormDialog, type MembershipFormMode } from './membership-form';
import { MembershipsFilters } from './memberships-filters';
import { rancherMutations, deleteMemberships, invalidateMemberships, membershipRef, type DeleteOutcome } from './mutations';
import {
  MEMBERSHIP_SERVER_NAMES,
  NO_FILTERS,
  membershipsPages,
  hasFilters,
  membershipFilters,
  rancherQueries,
  rancherSearchSchema,
  type MembershipFilters,
} from './queries';
import { Bdi } from '../../components/bidi-text';

const membershipCount = (count: number) => plural(count, { one: '# membership', other: '# memberships' });

type Props = {
  /** Why this server cannot show the page (its capabilities probe), or null. */
  unavailableReason: string | null;
};

const clip: React.CSSProperties = { overflowWrap: 'anywhere' };

export function RancherMembershipsPage({ unavailableReason }: Props) {
  return (
    <Stack>
      <Title order={1}>
        <Trans>Rancher memberships</Trans>
      </Title>
      {unavailableReason ? <Unavailable reason={unavailableReason} /> : <MembershipsSection />}
    </Stack>
  );
}

function Unavailable({ reason }: { reason: string }) {
  const { t } = useLingui();
  return (
    <Alert color="gray" variant="light" title={t`Not available on this server`} role="note">
      <Stack gap="xs">
        <Text size="sm" style={clip}>
          {reason}
        </Text>
        <Text size="sm">
          <Anchor component={Link} to="/server">
            <Trans>See what this server offers</Trans>
          </Anchor>
        </Text>
      </Stack>
    </Alert>
  );
}

function MembershipsSection() {
  const { t } = useLingui();
  const queryClient = useQueryClient();
  const [state, setState] = useUrlState(rancherSearchSchema);
  const filters = useMemo(() => membershipFilters(state), [state]);
  const memberships = useQuery(rancherQueries.list(filters, { page: state.page, page_size: state.page_size }));
  const clusters = useQuery(rancherQueries.clusters());
  const roles = useQuery(rancherQueries.allRoleTemplates());
  const filtered = hasFilters(filters);
  const disabledReason =
    clusters.data && clusters.data.length === 0
      ? t`You cannot see any Rancher cluster: memberships are managed by staff and by the owners of a cluster’s organization.`
      : null;

  const toRef = useCallback((row: RancherMembership) => membershipRef(row, roles.data), [roles.data]);
  const list = useSelectableListPage({
    list: memberships,
    paging: state,
    setState,
    toRef,
    afterChange: () => invalidateMemberships(queryClient),
    rowChange: {
      mutation: rancherMutations.delete(),
      onSuccess: (status, membership) => {
        const username = isolate(membership.username);
        const groupName = isolate(membership.groupName);
        notifications.show({
          color: 'teal',
          title: status === 'gone' ? t`Already deleted` : t`Membership of ${username} deleted`,
          message:
            status === 'gone'
              ? t`${username}’s membership had already been deleted. The list has been refreshed.`
              : // Rancher's API has no view of Keycloak: what Waldur did is all that can be said.
                t`Waldur deleted the membership of ${username} in “${groupName}”. Waldur removes the user from the Keycloak group too, but its Rancher API cannot show Keycloak, so that was not checked.`,
        });
      },
      failedTitle: (membership) => {
        const username = isolate(membership.username);
        return t`Could not delete the membership of ${username}`;
      },
    },
    outcomeUuid: (outcome: DeleteOutcome) => outcome.membership.uuid,
    exportCount: membershipCount,
    filters: { filtered, none: NO_FILTERS, serverNames: MEMBERSHIP_SERVER_NAMES },
  });

  // Add (add=1 in the URL, so a sign-in round trip comes back to the form) and edit.
  const form = useListForm<Extract<MembershipFormMode, { membership: RancherMembership }>>(state.add, setState, !disabledReason);
  const formMode: MembershipFormMode | null = form.editing ?? (form.adding ? { kind: 'add' } : null);

  // Delete one: ask first, then a notification with the outcome.
  const confirmDelete = (row: RancherMembership) => {
    const membership = membershipRef(row, roles.data);
    const username = isolate(membership.username);
    const who = whoLabel(membership);
    const groupName = <Bdi>{membership.groupName}</Bdi>;
    confirmDestructive({
      title: t`Delete the membership of ${username}?`,
      children: (
        <Text size="sm" style={clip}>
          <Trans>
            {who}: the user is removed from the Keycloak group “{groupName}” and loses this role in Rancher.
          </Trans>
        </Text>
      ),
      confirmLabel: t`Delete membership`,
      onConfirm: () => list.changeRow.mutate(membership),
    });
  };

  // Delete selected: one confirmation listing which, then progress and a result per membership.
  const confirmBulk = () => {
    const chosen = [...list.selection.values()];
    if (chosen.length === 0) return;
    const count = chosen.length;
    confirmDestructive({
      title: t`Delete ${plural(count, { one: '# membership', other: '# memberships' })}?`,
      children: (
        <Stack gap="xs">
          <Text size="sm">
            <Trans>These users are removed from their Keycloak groups and lose these roles in Rancher:</Trans>
          </Text>
          <ChosenList
            items={chosen}
            label={t`Memberships to delete`}
            more={(count) => plural(count, { one: 'and # more membership', other: 'and # more memberships' })}
            render={whoLabel}
          />
        </Stack>
      ),
      confirmLabel: t`Delete ${plural(count, { one: '# membership', other: '# memberships' })}`,
      onConfirm: () => void list.runBulk(chosen, (onOutcome) => deleteMemberships(chosen, { onOutcome })),
    });
  };

  const runExport = () =>
    void list.runExport(
      (signal, onProgress) =>
        exportMembershipsCsv({
          fetchPage: membershipsPages(filters),
          signal,
          onProgress,
        }),
      () => exportFileName(),
    );

  const rowActions: RowAction<RancherMembership>[] = [
    { label: t`Edit`, onClick: (membership) => form.edit({ kind: 'edit', membership }) },
    { label: t`Move to another scope or role`, onClick: (membership) => form.edit({ kind: 'move', membership }) },
    { label: t`Delete`, color: 'red', onClick: confirmDelete },
  ];
  const columns = useMemo(() => membershipColumns(roles.data), [roles.data]);
  const setFilters = (patch: Partial<MembershipFilters>) => setState({ ...patch, page: 1 });

  const empty = disabledReason ? (
    <EmptyState title={t`No memberships you can see`} description={disabledReason} />
  ) : (
    <EmptyState title={t`No Rancher memberships yet`} description={t`Add a membership: the Keycloak groups are created for you.`}>
      <Button onClick={form.openAdd}>
        <Trans>Add membership</Trans>
      </Button>
    </EmptyState>
  );
  const table = { columns, rowLabel: membershipRowLabel, actions: rowActions, disabledReason };
  const listWords: ListWords = {
    noun: t`memberships`,
    label: t`Rancher memberships`,
    noMatchHint: t`Text filters match exactly. Try other values, or clear the filters.`,
    count: membershipCount,
    noMatch: t`No memberships match these filters`,
    forbidden: t`You cannot see these memberships`,
    loading: t`Loading memberships`,
    selectAll: t`Select all memberships on this page`,
  };
  const selectionWords = { one: t`membership`, action: t`Delete selected`, count: membershipCount };

  // A 404 on the collection: this server has no Rancher plugin (the probe may not have said so yet).
  if (!memberships.data && memberships.error instanceof ApiError && memberships.error.isNotFound) {
    return (
      <Unavailable
        reason={t`This server does not offer Rancher Keycloak memberships (HTTP 404 on /api/keycloak-user-group-memberships/): the Rancher plugin is not enabled.`}
      />
    );
  }

  return (
    <>
      <Group justify="space-between" align="flex-start" wrap="wrap">
        <Text size="sm" c="dimmed" maw={640}>
          <Trans>Keycloak group memberships that give users a role in a Rancher cluster or project. Text filters match exactly.</Trans>
        </Text>
        <Group gap="xs">
          <Button
            variant="default"
            onClick={runExport}
            loading={list.exporting !== null}
            disabled={!memberships.data || memberships.data.total === 0}
          >
            <Trans>Export CSV</Trans>
          </Button>
          <Button onClick={form.openAdd} disabled={Boolean(disabledReason)}>
            <Trans>Add membership</Trans>
          </Button>
        </Group>
      </Group>
      {disabledReason ? (
        <Text size="sm" c="dimmed" role="note">
          {disabledReason}
        </Text>
      ) : null}
      <MembershipsFilters filters={filters} onChange={setFilters} onClear={() => list.clearFilters()} filtered={filtered} />
      <SelectionBar {...list.selectionBar} words={selectionWords} onAction={confirmBulk} disabledReason={disabledReason} />
      <ExportProgressAlert title={t`Exporting memberships to CSV`} progress={list.exporting} onCancel={list.cancelExport} />
      {list.bulk ? <BulkDeletePanel run={list.bulk} onDismiss={list.dismissBulk} /> : null}
      <ListBody body={list.body} words={listWords} empty={empty} table={table} />
      <MembershipFormDialog mode={formMode} onClose={form.close} />
      <NotAllowedDialog
        opened={state.add === '1' && Boolean(disabledReason)}
        title={t`Add membership`}
        reason={disabledReason ?? ''}
        onClose={form.close}
      />
    </>
  );
}
