import { msg, plural } from '@lingui/core/macro';
import { Trans, useLingui } from '@lingui/react/macro';
import { Alert, Button, Group, Stack, Text, TextInput } from '@mantine/core';
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
import { hexUuid } from '../../lib/format';
import { useUrlState } from '../../lib/use-url-state';
import { useDebouncedUrlText } from '../../lib/use-debounced-url-text';
import { accessSearchSchema, NO_ACCESS_FILTERS, type AccessSearch } from './access-search';
import { grantColumns, grantRowLabel, scopeLabel, type GrantRow } from './access-columns';
import { AccessStatus, SyncNote } from './access-status';
import { LazyListSelect } from '../../components/lazy-list-select';
import { ChangeRoleDialog } from './change-role-form';
import { ExpirationDialog } from './expiration-form';
import { GrantDialog } from './grant-form';
import { filterGrants, type Grant } from './grants';
import { accessMutations, invalidateGrants, revokeGrants, type RevokeOutcome } from './mutations';
import { accessQueries } from './queries';
import { SYNC_FILTERS, SYNC_WORDS } from './sync-state';
import { useOfferingAccess } from './use-offering-access';

const grantCount = (count: number) => plural(count, { one: '# grant', other: '# grants' });

/** Why this account cannot grant, change or revoke (section 4), said where the buttons would be. */
export const GRANT_REFUSED = msg`Waldur lets only staff grant, change and revoke offering roles here: for other accounts its provider endpoints answer 403. Owners of the consumer’s organization and managers of its project can do it on the resource’s Team tab in Waldur itself.`;

/** The words the shared list, selection and bulk components compose, in the app's language. */
function useListWords(): {
  list: ListWords;
  selection: { one: string; action: string; count: (count: number) => string };
  bulk: BulkWords;
} {
  const { t } = useLingui();
  return useMemo(
    () => ({
      list: {
        noun: t`grants`,
        label: t`Grants`,
        noMatchHint: t`Try other filters, or clear them.`,
        count: grantCount,
        noMatch: t`No grants match these filters`,
        forbidden: t`You cannot see these grants`,
        loading: t`Loading grants`,
        selectAll: t`Select all grants on this page`,
      },
      selection: { one: t`grant`, action: t`Revoke selected`, count: grantCount },
      bulk: {
        doing: t`Revoking`,
        did: t`Revoked`,
        done: t`revoked`,
        one: t`grant`,
        many: t`grants`,
        retry: t`Revoke selected`,
        progressLabel: t`Revocation progress`,
        resultsLabel: t`Revocation results`,
        count: grantCount,
        notDone: t`not revoked`,
        alreadyDone: t`already revoked`,
        stayHint: t`The grants that could not be revoked stay selected: use “Revoke selected” to try again.`,
      },
    }),
    [t],
  );
}

type Dialog = { kind: 'expiration' | 'role'; grant: Grant } | null;

export function AccessTab({ offeringUuid, isStaff }: { offeringUuid: string; isStaff: boolean | undefined }) {
  const queryClient = useQueryClient();
  const { t, i18n } = useLingui();
  const words = useListWords();
  const [state, setState] = useUrlState(accessSearchSchema);
  const access = useOfferingAccess(offeringUuid, isStaff);
  // After the grants: until then every connection is theirs (the route's loader does the same).
  const roles = useQuery({ ...accessQueries.roles(offeringUuid), enabled: access.complete });
  const canWrite = isStaff === true;
  const disabledReason = isStaff === false ? i18n._(GRANT_REFUSED) : null;
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
      onSuccess: (_done, grant) => {
        const role = isolate(grant.roleName);
        const user = isolate(grant.username);
        const scope = isolate(scopeLabel(grant));
        notifications.show({
          color: 'teal',
          title: t`Revoked ${role} of ${user}`,
          message: t`Waldur no longer lists ${user} as ${role} on ${scope}. The site agent removes the Keycloak membership at its next cycle; it has not reported that yet.`,
        });
      },
      failedTitle: ({ roleName, username }) => t`Could not revoke ${roleName} of ${username}`,
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
  // eslint-disable-next-line react-hooks/exhaustive-deps -- `t` changes with the language, and the headers (core `t`) with it
  const columns = useMemo(() => grantColumns({ showSync, roleTitle }), [showSync, roleTitle, t]);

  const confirmRevoke = (grant: GrantRow) => {
    const { roleName, username } = grant;
    const who = grant.fullName || grant.username;
    const scope = scopeLabel(grant);
    confirmDestructive({
      title: t`Revoke ${roleName} of ${username}?`,
      children: (
        <Text size="sm">
          <Trans>
            <bdi>{who}</bdi> loses the role <bdi>{roleName}</bdi> on <bdi>{scope}</bdi>. Waldur records the revocation at once; the site
            agent removes the Keycloak membership at its next cycle, and with it the access it gives.
          </Trans>
        </Text>
      ),
      confirmLabel: t`Revoke grant`,
      onConfirm: () => page.changeRow.mutate(grant),
    });
  };

  const confirmBulk = () => {
    const chosen = [...page.selection.values()];
    if (chosen.length === 0) return;
    confirmDestructive({
      title: t`Revoke ${plural(chosen.length, { one: '# grant', other: '# grants' })}?`,
      children: (
        <Stack gap="xs">
          <Text size="sm">
            <Trans>
              These users lose these roles. Waldur records each revocation at once; the site agent removes the Keycloak memberships at its
              next cycle.
            </Trans>
          </Text>
          <ChosenList
            items={chosen}
            label={t`Grants to revoke`}
            more={(count) => plural(count, { one: 'and # more grant', other: 'and # more grants' })}
            render={(grant) => grantRowLabel(grant)}
          />
        </Stack>
      ),
      confirmLabel: t`Revoke ${plural(chosen.length, { one: '# grant', other: '# grants' })}`,
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
    { label: t`Change expiration`, onClick: (grant) => setDialog({ kind: 'expiration', grant }) },
    { label: t`Change role`, onClick: (grant) => setDialog({ kind: 'role', grant }) },
    { label: t`Revoke`, color: 'red', onClick: confirmRevoke },
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

  const failedCount = access.failed.length;
  const failedNames =
    access.failed
      .slice(0, 3)
      .map((item) => item.resource.name)
      .join(', ') + (access.failed.length > 3 ? ', …' : '');
  const syncOptions = SYNC_FILTERS.map((value) => ({ value, label: i18n._(SYNC_WORDS[value].label) }));

  const empty = (
    <EmptyState
      title={t`No grants yet`}
      description={
        canWrite
          ? t`Nobody holds a role of this offering on its resources or resource projects. Grant a role to give a user access.`
          : t`Nobody holds a role of this offering on its resources or resource projects.`
      }
    >
      {canWrite ? (
        <Button onClick={form.openAdd}>
          <Trans>Grant a role</Trans>
        </Button>
      ) : null}
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
            <Trans>Export CSV</Trans>
          </Button>
          {canWrite ? (
            <Button onClick={form.openAdd}>
              <Trans>Grant a role</Trans>
            </Button>
          ) : null}
        </Group>
      </Group>
      <SyncNote reportsSync={access.reportsSync} syncReadable={access.syncReadable} />
      {disabledReason ? (
        <Alert color="gray" variant="light" role="note" title={t`You can see grants, not change them`}>
          <Text size="sm">{disabledReason}</Text>
        </Alert>
      ) : null}
      {access.failed.length > 0 ? (
        <ErrorAlert
          error={access.failed[0]?.error}
          title={t`Could not read the grants of ${plural(failedCount, { one: '# resource', other: '# resources' })}: ${failedNames}. Their grants are not in the table.`}
          onRetry={() =>
            void Promise.all(access.failed.map((item) => invalidateGrants(queryClient, offeringUuid, item.resource.uuid ?? '')))
          }
        />
      ) : null}
      <Group gap="sm" align="flex-end" wrap="wrap" role="search" aria-label={t`Filter grants`}>
        <TextInput label={t`Search users`} placeholder={t`Name, username or email`} w={220} {...search} />
        <LazyListSelect
          label={t`Resource`}
          placeholder={t`All resources`}
          w={200}
          searchable
          clearable
          data={resourceOptions}
          value={state.resource ? hexUuid(state.resource) : null}
          onChange={(value) => setFilters({ resource: value ?? '', project: '' })}
        />
        <LazyListSelect
          label={t`Resource project`}
          placeholder={t`All resource projects`}
          w={220}
          searchable
          clearable
          data={projectOptions}
          value={state.project ? hexUuid(state.project) : null}
          onChange={(value) => setFilters({ project: value ?? '' })}
        />
        <LazyListSelect
          label={t`Role`}
          placeholder={t`All roles`}
          w={180}
          clearable
          data={roleOptions}
          value={state.role ? hexUuid(state.role) : null}
          onChange={(value) => setFilters({ role: value ?? '' })}
        />
        {access.reportsSync && access.syncReadable ? (
          <LazyListSelect
            label={t`Sync state`}
            placeholder={t`Any sync state`}
            w={200}
            clearable
            data={syncOptions}
            value={state.sync || null}
            onChange={(value) => setFilters({ sync: (value ?? '') as AccessSearch['sync'] })}
          />
        ) : null}
        {Object.values(filters).some(Boolean) ? (
          <Button variant="subtle" onClick={() => page.clearFilters()}>
            <Trans>Clear filters</Trans>
          </Button>
        ) : null}
      </Group>
      <SelectionBar {...page.selectionBar} words={words.selection} onAction={confirmBulk} disabledReason={disabledReason} />
      <ExportProgressAlert title={t`Exporting grants to CSV`} progress={page.exporting} onCancel={page.cancelExport} />
      {page.bulk ? (
        <BulkProgress
          {...bulkProgressOf(page.bulk, (outcome: RevokeOutcome) => ({
            key: outcome.grant.key,
            label: grantRowLabel(outcome.grant),
            status: outcome.status === 'failed' ? 'failed' : 'done',
            error: outcome.status === 'failed' ? outcome.error : undefined,
            message: outcome.status === 'failed' ? undefined : t`revoked in Waldur; the agent has not reported yet`,
          }))}
          words={words.bulk}
          note={
            page.bulk.outcomes.some((outcome) => outcome.status !== 'failed') ? (
              <Text size="sm">
                <Trans>
                  Waldur no longer lists the revoked grants (it keeps them as inactive). The site agent removes the Keycloak memberships at
                  its next cycle; nothing here confirms that, since a revoked grant has no sync state.
                </Trans>
              </Text>
            ) : null
          }
          onDismiss={page.dismissBulk}
        />
      ) : null}
      <ListBody
        body={page.body}
        words={words.list}
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
      <NotAllowedDialog
        opened={state.add === '1' && isStaff === false}
        title={t`Grant a role`}
        reason={i18n._(GRANT_REFUSED)}
        onClose={form.close}
      />
    </Stack>
  );
}
