import { plural, t } from '@lingui/core/macro';
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
import { pluralize } from '../../lib/format';
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

type Props = {
  /** Why this server cannot show the page (its capabilities probe), or null. */
  unavailableReason: string | null;
};

/** Rancher's API has no view of Keycloak: what Waldur did is all that can be said. */
const RANCHER_UNCHECKED =
  'Waldur removes the user from the Keycloak group too, but its Rancher API cannot show Keycloak, so that was not checked.';

const clip: React.CSSProperties = { overflowWrap: 'anywhere' };

const membershipCount = (count: number) => plural(count, { one: '# membership', other: '# memberships' });
const LIST_WORDS: ListWords = {
  noun: 'memberships',
  label: 'Rancher memberships',
  noMatchHint: 'Text filters match exactly. Try other values, or clear the filters.',
  count: membershipCount,
  get noMatch() {
    return t`No memberships match these filters`;
  },
  get forbidden() {
    return t`You cannot see these memberships`;
  },
  get loading() {
    return t`Loading memberships`;
  },
  get selectAll() {
    return t`Select all memberships on this page`;
  },
};
const SELECTION_WORDS = { one: 'membership', action: 'Delete selected', count: membershipCount };

const GENERIC_MISSING =
  'This server does not offer Rancher Keycloak memberships (HTTP 404 on /api/keycloak-user-group-memberships/): the Rancher plugin is not enabled.';

export function RancherMembershipsPage({ unavailableReason }: Props) {
  return (
    <Stack>
      <Title order={1}>Rancher memberships</Title>
      {unavailableReason ? <Unavailable reason={unavailableReason} /> : <MembershipsSection />}
    </Stack>
  );
}

function Unavailable({ reason }: { reason: string }) {
  return (
    <Alert color="gray" variant="light" title="Not available on this server" role="note">
      <Stack gap="xs">
        <Text size="sm" style={clip}>
          {reason}
        </Text>
        <Text size="sm">
          <Anchor component={Link} to="/server">
            See what this server offers
          </Anchor>
        </Text>
      </Stack>
    </Alert>
  );
}

function MembershipsSection() {
  const queryClient = useQueryClient();
  const [state, setState] = useUrlState(rancherSearchSchema);
  const filters = useMemo(() => membershipFilters(state), [state]);
  const memberships = useQuery(rancherQueries.list(filters, { page: state.page, page_size: state.page_size }));
  const clusters = useQuery(rancherQueries.clusters());
  const roles = useQuery(rancherQueries.allRoleTemplates());
  const filtered = hasFilters(filters);
  const disabledReason =
    clusters.data && clusters.data.length === 0
      ? 'You cannot see any Rancher cluster: memberships are managed by staff and by the owners of a cluster’s organization.'
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
        notifications.show({
          color: 'teal',
          title: status === 'gone' ? 'Already deleted' : `Membership of ${isolate(membership.username)} deleted`,
          message:
            status === 'gone'
              ? `${isolate(membership.username)}’s membership had already been deleted. The list has been refreshed.`
              : `Waldur deleted the membership of ${isolate(membership.username)} in “${isolate(membership.groupName)}”. ${RANCHER_UNCHECKED}`,
        });
      },
      failedTitle: (membership) => `Could not delete the membership of ${isolate(membership.username)}`,
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
    confirmDestructive({
      title: `Delete the membership of ${isolate(membership.username)}?`,
      children: (
        <Text size="sm" style={clip}>
          {whoLabel(membership)}: the user is removed from the Keycloak group “<Bdi>{membership.groupName}</Bdi>” and loses this role in
          Rancher.
        </Text>
      ),
      confirmLabel: 'Delete membership',
      onConfirm: () => list.changeRow.mutate(membership),
    });
  };

  // Delete selected: one confirmation listing which, then progress and a result per membership.
  const confirmBulk = () => {
    const chosen = [...list.selection.values()];
    if (chosen.length === 0) return;
    confirmDestructive({
      title: `Delete ${pluralize(chosen.length, 'membership')}?`,
      children: (
        <Stack gap="xs">
          <Text size="sm">These users are removed from their Keycloak groups and lose these roles in Rancher:</Text>
          <ChosenList
            items={chosen}
            label="Memberships to delete"
            more={(count) => plural(count, { one: 'and # more membership', other: 'and # more memberships' })}
            render={whoLabel}
          />
        </Stack>
      ),
      confirmLabel: `Delete ${pluralize(chosen.length, 'membership')}`,
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
    { label: 'Edit', onClick: (membership) => form.edit({ kind: 'edit', membership }) },
    { label: 'Move to another scope or role', onClick: (membership) => form.edit({ kind: 'move', membership }) },
    { label: 'Delete', color: 'red', onClick: confirmDelete },
  ];
  const columns = useMemo(() => membershipColumns(roles.data), [roles.data]);
  const setFilters = (patch: Partial<MembershipFilters>) => setState({ ...patch, page: 1 });

  const empty = disabledReason ? (
    <EmptyState title="No memberships you can see" description={disabledReason} />
  ) : (
    <EmptyState title="No Rancher memberships yet" description="Add a membership: the Keycloak groups are created for you.">
      <Button onClick={form.openAdd}>Add membership</Button>
    </EmptyState>
  );
  const table = { columns, rowLabel: membershipRowLabel, actions: rowActions, disabledReason };

  // A 404 on the collection: this server has no Rancher plugin (the probe may not have said so yet).
  if (!memberships.data && memberships.error instanceof ApiError && memberships.error.isNotFound) {
    return <Unavailable reason={GENERIC_MISSING} />;
  }

  return (
    <>
      <Group justify="space-between" align="flex-start" wrap="wrap">
        <Text size="sm" c="dimmed" maw={640}>
          Keycloak group memberships that give users a role in a Rancher cluster or project. Text filters match exactly.
        </Text>
        <Group gap="xs">
          <Button
            variant="default"
            onClick={runExport}
            loading={list.exporting !== null}
            disabled={!memberships.data || memberships.data.total === 0}
          >
            Export CSV
          </Button>
          <Button onClick={form.openAdd} disabled={Boolean(disabledReason)}>
            Add membership
          </Button>
        </Group>
      </Group>
      {disabledReason ? (
        <Text size="sm" c="dimmed" role="note">
          {disabledReason}
        </Text>
      ) : null}
      <MembershipsFilters filters={filters} onChange={setFilters} onClear={() => list.clearFilters()} filtered={filtered} />
      <SelectionBar {...list.selectionBar} words={SELECTION_WORDS} onAction={confirmBulk} disabledReason={disabledReason} />
      <ExportProgressAlert title="Exporting memberships to CSV" progress={list.exporting} onCancel={list.cancelExport} />
      {list.bulk ? <BulkDeletePanel run={list.bulk} onDismiss={list.dismissBulk} /> : null}
      <ListBody body={list.body} words={LIST_WORDS} empty={empty} table={table} />
      <MembershipFormDialog mode={formMode} onClose={form.close} />
      <NotAllowedDialog
        opened={state.add === '1' && Boolean(disabledReason)}
        title="Add membership"
        reason={disabledReason ?? ''}
        onClose={form.close}
      />
    </>
  );
}
