import { i18n } from '@lingui/core';
import { t as tGlobal } from '@lingui/core/macro';
import { Trans, useLingui } from '@lingui/react/macro';
import { Alert, Button, Group, Stack, Text, TextInput } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback, useDeferredValue, useMemo } from 'react';
import { ApiError, errorMessage } from '../../api/errors';
import { isKeycloakEnabled } from '../../api/keycloak-enabled';
import { isRefusedByKeycloak, KEYCLOAK_SETTINGS_HINT } from '../../api/keycloak-refusal';
import { groupQueries, remoteGroupQueries } from '../../api/group-queries';
import { offeringQueries } from '../../api/offering-queries';
import { BaseGroupLimitNote, baseGroupOf } from '../../components/base-group-limit-note';
import { ErrorAlert } from '../../components/error-alert';
import { TableSkeleton } from '../../components/table-skeleton';
import { csvFileName, downloadText } from '../../lib/csv';
import { formatTime } from '../../lib/format';
import { useUrlState } from '../../lib/use-url-state';
import { useDebouncedUrlText } from '../../lib/use-debounced-url-text';
import { syncStatusCsv } from './export';
import { joinSyncStatus } from './join';
import { syncStatusQueries } from './queries';
import { syncSearchSchema } from './sync-search';
import type { ListState, Lookups, SyncActions } from './sync-actions';
import type { WhenRead } from './waiting-acts';
import { SyncStatusView } from './sync-status-view';

/**
 * What to check after a refused comparison, decided from the status and the offering, never from
 * Waldur's words (they come in the admin's language): a 400 that names no field, for an offering
 * whose Keycloak integration is on, is Keycloak not answering with its settings; with the
 * integration off (or not known yet) the settings are not the cause to point at.
 */
export function statusHint(error: unknown, keycloakEnabled: boolean | undefined): string | undefined {
  if (!(error instanceof ApiError)) return undefined;
  if (error.isForbidden) return tGlobal`Only staff and the owners of the offering’s organization can compare its groups with Keycloak.`;
  if (isRefusedByKeycloak(error) && Object.keys(error.fieldErrors).length === 0 && keycloakEnabled === true)
    return i18n._(KEYCLOAK_SETTINGS_HINT);
  return undefined;
}

type Props = { offeringUuid: string; actions: SyncActions };

const listState = (list: { data?: unknown; error: unknown }): ListState => (list.data ? 'fetched' : list.error ? 'failed' : 'pending');
const NOT_READ = { error: null };

/** The sync status tab: fetches the diff and both group lists, joins them and shows the result. */
export function SyncStatusTab({ offeringUuid, actions }: Props) {
  const [state, setState] = useUrlState(syncSearchSchema);
  const search = useDebouncedUrlText(state.q, (q) => setState({ q }, { replace: true }));
  const filter = useDeferredValue(search.value);

  const status = useQuery(syncStatusQueries.status(offeringUuid));
  const local = useQuery(groupQueries.everyGroup(offeringUuid));
  const remote = useQuery(remoteGroupQueries.all(offeringUuid));
  const offering = useQuery(offeringQueries.detail(offeringUuid));
  const baseGroupHidesGroups = remote.data?.length === 0 && offering.data !== undefined && baseGroupOf(offering.data) !== '';

  const join = useMemo(
    () => (status.data ? joinSyncStatus(status.data, local.data?.items ?? [], remote.data ?? []) : null),
    [status.data, local.data, remote.data],
  );
  const localState = listState(local);
  const remoteState = listState(remote);
  const lookups: Lookups = useMemo(() => ({ local: localState, remote: remoteState }), [localState, remoteState]);
  // A line's click made while its list is read waits for that read (fetchQuery joins the one in
  // flight, it sends nothing of its own), then is settled on the join of the lists as they are.
  const queryClient = useQueryClient();
  const whenRead: WhenRead = useCallback(
    async (list) => {
      const localQuery = groupQueries.everyGroup(offeringUuid);
      const remoteQuery = remoteGroupQueries.all(offeringUuid);
      // Read or failed, its query's state says which, as it does for the tab's own lookups.
      await (list === 'local' ? queryClient.fetchQuery(localQuery) : queryClient.fetchQuery(remoteQuery)).catch(() => undefined);
      const statusNow = queryClient.getQueryData(syncStatusQueries.status(offeringUuid).queryKey);
      if (!statusNow) return null;
      const localNow = queryClient.getQueryState(localQuery.queryKey);
      const remoteNow = queryClient.getQueryState(remoteQuery.queryKey);
      return {
        join: joinSyncStatus(statusNow, localNow?.data?.items ?? [], remoteNow?.data ?? []),
        lookups: { local: listState(localNow ?? NOT_READ), remote: listState(remoteNow ?? NOT_READ) },
      };
    },
    [queryClient, offeringUuid],
  );
  const refreshing = status.isFetching || local.isFetching || remote.isFetching;
  const refresh = () => void Promise.all([status.refetch(), local.refetch(), remote.refetch()]);
  const { t } = useLingui();
  const checkedTime = status.dataUpdatedAt ? formatTime(status.dataUpdatedAt) : '';
  const localError = local.error ? errorMessage(local.error) : '';
  const remoteError = remote.error ? errorMessage(remote.error) : '';

  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-end" wrap="wrap">
        <TextInput label={t`Filter groups`} placeholder={t`Name, path, ID, role or resource`} w={360} maw="100%" {...search} />
        <Group gap="sm" align="center">
          <Text size="sm" c="dimmed" aria-live="polite">
            {checkedTime ? t`Last checked at ${checkedTime}` : refreshing ? t`Checking…` : ''}
          </Text>
          <Button variant="default" onClick={refresh} loading={refreshing}>
            <Trans>Refresh</Trans>
          </Button>
          <Button
            variant="light"
            disabled={!join}
            onClick={() =>
              join && downloadText(csvFileName('sync-status', offering.data?.name ?? offeringUuid), ['\ufeff', syncStatusCsv(join)])
            }
          >
            <Trans>Export CSV</Trans>
          </Button>
        </Group>
      </Group>
      {join && (local.error || remote.error) ? (
        <Alert color="yellow" variant="light" title={t`Some lines could not be matched`} role="status">
          {local.error ? (
            <Text size="sm">
              <Trans>Local groups could not be listed: {localError}</Trans>
            </Text>
          ) : null}
          {remote.error ? (
            <Text size="sm">
              <Trans>
                Remote groups could not be listed ({remoteError}), so their ids and paths are unknown and they cannot be imported from here.
              </Trans>
            </Text>
          ) : null}
          <Button size="xs" mt="xs" variant="white" onClick={refresh}>
            <Trans>Retry</Trans>
          </Button>
        </Alert>
      ) : null}
      {baseGroupHidesGroups && offering.data ? <BaseGroupLimitNote offering={offering.data} /> : null}
      {join ? (
        <SyncStatusView
          join={join}
          filter={filter}
          actions={actions}
          lookups={lookups}
          whenRead={whenRead}
          show={state.show ? { section: state.show, showAll: () => setState({ show: '' }) } : null}
        />
      ) : status.error ? (
        <ErrorAlert
          error={status.error}
          title={
            status.error instanceof ApiError && status.error.isForbidden
              ? t`You cannot see the sync status`
              : t`Could not compare with Keycloak`
          }
          hint={statusHint(status.error, offering.data && isKeycloakEnabled(offering.data))}
          onRetry={refresh}
        />
      ) : (
        <TableSkeleton rows={6} label={t`Comparing with Keycloak`} />
      )}
    </Stack>
  );
}
