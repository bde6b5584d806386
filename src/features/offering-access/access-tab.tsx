import { plural, t } from '@lingui/core/macro';
import { Alert, Button, Group, Select, Stack, Text, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback, useMemo, useRef, useState } from 'react';
import { BulkProgress, type BulkWords } from '../../components/bulk-progress';
import { confirmDestructive } from '../../components/confirm';
import { EmptyState } from '../../components/empty-state';
import { ErrorAlert } from '../../components/error-alert';
import { ChosenList, ExportProgressAlert, ListBody, SelectionBar, type ListWords } from '../../components/list-page';
import { NotAllowedDialog } from '../../components/not-allowed-dialog';
import type { RowAction } from '../../components/selectable-table';
import { csvHeader, csvLineOf } from '../../components/selectable-table';
import { bulkProgressOf, useListForm, useSelectableListPage } from '../../components/use-selectable-list-page';
import { isolate } from '../../lib/bidi';
import { csvFileName, csvLine } from '../../lib/csv';
import { hexUuid, pluralize } from '../../lib/format';
import { useUrlState } from '../../lib/use-url-state';
import { useDebouncedUrlText } from '../../lib/use-debounced-url-text';
import { accessSearchSchema, NO_ACCESS_FILTERS, type AccessSearch } from './access-search';
import { grantColumns, grantRowLabel, scopeLabel, type GrantRow } from './access-columns';
import { AccessStatus, SyncNote } from './access-status';
import { ChangeRoleDialog } from './change-role-form';
import { ExpirationDialog } from './expiration-form';
import { GrantDialog } from './grant-form';
import { filterGrants, type Grant } from './grants';
import { accessMutations, invalidateGrants, revokeGrants, type RevokeOutcome } from './mutations';
import { accessQueries } from './queries';
import { SYNC_FILTERS, SYNC_WORDS } from './sync-state';
import { useOfferingAccess } from './use-offering-access';

/** Why this account cannot grant, change or revoke (section 4), said where the buttons would be. */
export const GRANT_REFUSED =
  'Waldur lets only staff grant, change and revoke offering roles here: for other accounts its provider endpoints answer 403. Owners of the consumer’s organization and managers of its project can do it on the resource’s Team tab in Waldur itself.';

const grantCount = (count: number) => plural(count, { one: '# grant', other: '# grants' });
const LIST_WORDS: ListWords = {
  noun: 'grants',
  label: 'Grants',
  noMatchHint: 'Try other filters, or clear them.',
  count: grantCount,
  get noMatch() {
    return t`No grants match these filters`;
  },
  get forbidden() {
    return t`You cannot see these grants`;
  },
  get loading() {
    return t`Loading grants`;
  },
  get selectAll() {
    return t`Select all grants on this page`;
  },
};
const SELECTION_WORDS = { one: 'grant', action: 'Revoke selected', count: grantCount };
const BULK_WORDS: BulkWords = {
  doing: 'Revoking',
  did: 'Revoked',
  done: 'revoked',
  count: grantCount,
  get notDone() {
    return t`not revoked`;
  },
  get alreadyDone() {
    return t`already revoked`;
  },
  get stayHint() {
    return t`The grants that could not be revoked stay selected: use “Revoke selected” to try again.`;
  },
  one: 'grant',
  many: 'grants',
  retry: 'Revoke selected',
  progressLabel: 'Revocation progress',
  resultsLabel: 'Revocation results',
};

/** What Waldur records on a revocation, and what nobody can tell yet. */
const REVOKED_NOTE =
  'Waldur no longer lists the revoked grants (it keeps them as inactive). The site agent removes the Keycloak memberships at its next cycle; nothing here confirms that, since a revoked grant has no sync state.';

const SYNC_OPTIONS = SYNC_FILTERS.map((value) => ({ value, label: SYNC_WORDS[value].label }));

type Dialog = { kind: 'expiration' | 'role'; grant: Grant } | null;

export function AccessTab({ offeringUuid, isStaff }: { offeringUuid: string; isStaff: boolean | undefined }) {
  const queryClient = useQueryClient();
  const [state, setState] = useUrlState(accessSearchSchema);
  const access = useOfferingAccess(offeringUuid, isStaff);
  // After the grants: until then every connection is theirs (the route's loader does the same).
  const roles = useQuery({ ...accessQueries.roles(offeringUuid), enabled: access.complete });
  const canWrite = isStaff === true;
  const disabledReason = isStaff === false ? GRANT_REFUSED : null;
  const showSync = access.reportsSync !== false;

  const filters = useMemo(
    () => ({ resource: state.resource, project: state.project, role: state.role, sync: state.sync, q: state.q }),
    [state.resource, state.project, state.role, state.sync, state.q],
  );
  const filtered = useMemo(() => filterGrants(access.grants, filters), [access.grants, filters]);
  const lastSync = useMemo(
    () => new Map((access.resources ?? []).map((resource) => [hexUuid(resource.uuid ?? ''), resource.last_sync ?? null])),
    [access.resources],
  );
  const toRow = useCallback(
    (grant: Grant): GrantRow => ({ ...grant, uuid: grant.key, lastSync: lastSync.get(grant.resourceUuid) ?? null }),
    [lastSync],
  );
  const start = (state.page - 1) * state.page_size;
  const pageRows = useMemo(() => filtered.slice(start, start + state.page_size).map(toRow), [filtered, start, state.page_size, toRow]);
  const list = {
    data: access.complete ? { items: pageRows, total: filtered.length } : undefined,
    isPlaceholderData: false,
    error: access.error,
    refetch: access.refetch,
  };

  // Which resources a write touched: re-read those only.
  const touched = useRef(new Set<string>());
  const page = useSelectableListPage({
    list,
    paging: state,
    setState,
    toRef: useCallback((row: GrantRow) => row, []),
    afterChange: async () => {
      const resources = [...touched.current];
      touched.current.clear();
      await Promise.all(resources.map((resource) => invalidateGrants(queryClient, offeringUuid, resource)));
    },
    rowChange: {
      mutation: accessMutations.revoke(offeringUuid),
      onSuccess: (_done, grant) =>
        notifications.show({
          color: 'teal',
          title: `Revoked ${isolate(grant.roleName)} of ${isolate(grant.username)}`,
          message: `Waldur no longer lists ${isolate(grant.username)} as ${isolate(grant.roleName)} on ${isolate(scopeLabel(grant))}. The site agent removes the Keycloak membership at its next cycle; it has not reported that yet.`,
        }),
      failedTitle: (grant) => `Could not revoke ${grant.roleName} of ${grant.username}`,
    },
    outcomeUuid: (outcome: RevokeOutcome) => outcome.grant.key,
    exportCount: grantCount,
    filters: { filtered: Object.values(filters).some(Boolean), none: NO_ACCESS_FILTERS, serverNames: {} },
  });

  const form = useListForm<Dialog>(state.add, setState, canWrite);
  const [dialog, setDialog] = useState<Dialog>(null);

  const roleTitle = useCallback(
    (roleUuid: string) => roles.data?.find((role) => hexUuid(role.uuid) === roleUuid)?.description ?? '',
    [roles.data],
  );
  const columns = useMemo(() => grantColumns({ showSync, roleTitle }), [showSync, roleTitle]);

  const confirmRevoke = (grant: GrantRow) =>
    confirmDestructive({
      title: `Revoke ${grant.roleName} of ${grant.username}?`,
      children: (
        <Text size="sm">
          <bdi>{grant.fullName || grant.username}</bdi> loses the role <bdi>{grant.roleName}</bdi> on <bdi>{scopeLabel(grant)}</bdi>. Waldur
          records the revocation at once; the site agent removes the Keycloak membership at its next cycle, and with it the access it gives.
        </Text>
      ),
      confirmLabel: 'Revoke grant',
      onConfirm: () => page.changeRow.mutate(grant),
    });

  const confirmBulk = () => {
    const chosen = [...page.selection.values()];
    if (chosen.length === 0) return;
    confirmDestructive({
      title: `Revoke ${pluralize(chosen.length, 'grant')}?`,
      children: (
        <Stack gap="xs">
          <Text size="sm">
            These users lose these roles. Waldur records each revocation at once; the site agent removes the Keycloak memberships at its
            next cycle.
          </Text>
          <ChosenList
            items={chosen}
            label="Grants to revoke"
            more={(count) => plural(count, { one: 'and # more grant', other: 'and # more grants' })}
            render={(grant) => grantRowLabel(grant)}
          />
        </Stack>
      ),
      confirmLabel: `Revoke ${pluralize(chosen.length, 'grant')}`,
      onConfirm: () => {
        for (const grant of chosen) touched.current.add(grant.resourceUuid);
        void page.runBulk(chosen, (onOutcome) => revokeGrants(chosen, { onOutcome }));
      },
    });
  };

  const runExport = () =>
    void page.runExport(
      async () => {
        const line = csvLineOf(columns);
        const parts = ['\uFEFF' + csvLine(csvHeader(columns)) + '\r\n'];
        // Every grant that matches the filters, not only this page's.
        parts.push(filtered.map((grant) => line(toRow(grant))).join('\r\n') + (filtered.length ? '\r\n' : ''));
        return { parts, rows: filtered.length };
      },
      () => csvFileName('grants', null),
    );

  const rowActions: RowAction<GrantRow>[] = [
    { label: 'Change expiration', onClick: (grant) => setDialog({ kind: 'expiration', grant }) },
    { label: 'Change role', onClick: (grant) => setDialog({ kind: 'role', grant }) },
    { label: 'Revoke', color: 'red', onClick: confirmRevoke },
  ];

  const setFilters = (patch: Partial<AccessSearch>) => setState({ ...patch, page: 1 });
  const search = useDebouncedUrlText(state.q, (value) => setState({ q: value.trim(), page: 1 }, { replace: true }));
  const resourceOptions = useMemo(
    () => (access.resources ?? []).map((resource) => ({ value: hexUuid(resource.uuid ?? ''), label: resource.name ?? '' })),
    [access.resources],
  );
  const projectOptions = useMemo(() => {
    const names = new Map(resourceOptions.map((option) => [option.value, option.label]));
    const chosen = state.resource ? hexUuid(state.resource) : '';
    return access.projects
      .filter((project) => !chosen || project.resourceUuid === chosen)
      .map((project) => ({ value: project.uuid, label: `${project.name} (${names.get(project.resourceUuid) ?? ''})` }));
  }, [access.projects, resourceOptions, state.resource]);
  const roleOptions = useMemo(() => (roles.data ?? []).map((role) => ({ value: hexUuid(role.uuid), label: role.name })), [roles.data]);

  const empty = (
    <EmptyState
      title="No grants yet"
      description={
        canWrite
          ? 'Nobody holds a role of this offering on its resources or resource projects. Grant a role to give a user access.'
          : 'Nobody holds a role of this offering on its resources or resource projects.'
      }
    >
      {canWrite ? <Button onClick={form.openAdd}>Grant a role</Button> : null}
    </EmptyState>
  );

  return (
    <Stack gap="sm">
      <Group justify="space-between" align="flex-start" wrap="wrap">
        <AccessStatus offeringUuid={offeringUuid} access={access} />
        <Group gap="xs">
          <Button
            variant="default"
            onClick={runExport}
            loading={page.exporting !== null}
            disabled={!access.complete || filtered.length === 0}
          >
            Export CSV
          </Button>
          {canWrite ? <Button onClick={form.openAdd}>Grant a role</Button> : null}
        </Group>
      </Group>
      <SyncNote reportsSync={access.reportsSync} syncReadable={access.syncReadable} />
      {disabledReason ? (
        <Alert color="gray" variant="light" role="note" title="You can see grants, not change them">
          <Text size="sm">{disabledReason}</Text>
        </Alert>
      ) : null}
      {access.failed.length > 0 ? (
        <ErrorAlert
          error={access.failed[0]?.error}
          title={`The grants of ${pluralize(access.failed.length, 'resource')} could not be read: ${access.failed
            .slice(0, 3)
            .map((item) => item.resource.name)
            .join(', ')}${access.failed.length > 3 ? ', …' : ''}. Their grants are not in the table.`}
          onRetry={() =>
            void Promise.all(access.failed.map((item) => invalidateGrants(queryClient, offeringUuid, item.resource.uuid ?? '')))
          }
        />
      ) : null}
      <Group gap="sm" align="flex-end" wrap="wrap" role="search" aria-label="Filter grants">
        <TextInput label="Search users" placeholder="Name, username or email" w={220} {...search} />
        <Select
          label="Resource"
          placeholder="All resources"
          w={200}
          searchable
          clearable
          data={resourceOptions}
          value={state.resource ? hexUuid(state.resource) : null}
          onChange={(value) => setFilters({ resource: value ?? '', project: '' })}
        />
        <Select
          label="Resource project"
          placeholder="All resource projects"
          w={220}
          searchable
          clearable
          data={projectOptions}
          value={state.project ? hexUuid(state.project) : null}
          onChange={(value) => setFilters({ project: value ?? '' })}
        />
        <Select
          label="Role"
          placeholder="All roles"
          w={180}
          clearable
          data={roleOptions}
          value={state.role ? hexUuid(state.role) : null}
          onChange={(value) => setFilters({ role: value ?? '' })}
        />
        {access.reportsSync && access.syncReadable ? (
          <Select
            label="Sync state"
            placeholder="Any sync state"
            w={200}
            clearable
            data={SYNC_OPTIONS}
            value={state.sync || null}
            onChange={(value) => setFilters({ sync: (value ?? '') as AccessSearch['sync'] })}
          />
        ) : null}
        {Object.values(filters).some(Boolean) ? (
          <Button variant="subtle" onClick={() => page.clearFilters()}>
            Clear filters
          </Button>
        ) : null}
      </Group>
      <SelectionBar {...page.selectionBar} words={SELECTION_WORDS} onAction={confirmBulk} disabledReason={disabledReason} />
      <ExportProgressAlert title="Exporting grants to CSV" progress={page.exporting} onCancel={page.cancelExport} />
      {page.bulk ? (
        <BulkProgress
          {...bulkProgressOf(page.bulk, (outcome: RevokeOutcome) => ({
            key: outcome.grant.key,
            label: grantRowLabel(outcome.grant),
            status: outcome.status === 'failed' ? 'failed' : 'done',
            error: outcome.status === 'failed' ? outcome.error : undefined,
            message: outcome.status === 'failed' ? undefined : 'revoked in Waldur; the agent has not reported yet',
          }))}
          words={BULK_WORDS}
          note={page.bulk.outcomes.some((outcome) => outcome.status !== 'failed') ? <Text size="sm">{REVOKED_NOTE}</Text> : null}
          onDismiss={page.dismissBulk}
        />
      ) : null}
      <ListBody
        body={page.body}
        words={LIST_WORDS}
        empty={empty}
        table={{ columns, rowLabel: grantRowLabel, actions: rowActions, disabledReason }}
      />
      <GrantDialog
        opened={form.adding}
        offeringUuid={offeringUuid}
        resources={access.resources ?? []}
        roles={roles.data ?? []}
        reportsSync={access.reportsSync === true}
        preset={{ resource: state.resource, project: state.project }}
        onClose={form.close}
      />
      <ExpirationDialog
        grant={dialog?.kind === 'expiration' ? dialog.grant : null}
        offeringUuid={offeringUuid}
        onClose={() => setDialog(null)}
      />
      <ChangeRoleDialog
        grant={dialog?.kind === 'role' ? dialog.grant : null}
        offeringUuid={offeringUuid}
        roles={roles.data ?? []}
        reportsSync={access.reportsSync === true}
        onClose={() => setDialog(null)}
      />
      <NotAllowedDialog opened={state.add === '1' && isStaff === false} title="Grant a role" reason={GRANT_REFUSED} onClose={form.close} />
    </Stack>
  );
}
