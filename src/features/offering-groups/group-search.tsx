import type { MessageDescriptor } from '@lingui/core';
import { msg, plural } from '@lingui/core/macro';
import { useLingui } from '@lingui/react/macro';
import { Group, Progress, Stack, Text, TextInput } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { needsLookup, remoteIdsOf } from '../../api/remote-presence';
import { groupQueries, remoteGroupQueries } from '../../api/group-queries';
import type { OfferingGroup } from '../../api/types';
import { Segmented } from '../../components/segmented';
import { formatNumber } from '../../lib/format';
import { useDebouncedUrlText } from '../../lib/use-debounced-url-text';
import type { GroupShow, GroupsSearch } from './groups-search';

/** At this many groups the one-time load shows a progress bar (more than one page of 300). */
const PROGRESS_FROM = 300;

const SHOW_LABEL: Record<GroupShow, MessageDescriptor> = {
  '': msg`All`,
  linked: msg`Linked`,
  'not-linked': msg`Not linked`,
  missing: msg`Missing in Keycloak`,
};

const fold = (value: string) => value.normalize('NFC').toLocaleLowerCase();

/**
 * Search by name and the quick filters of the groups tab. Waldur's group list has no name
 * filter, so both work on every group of the offering, loaded once (all pages) and filtered
 * here together with the role and resource filters; "Linked" and "Missing in Keycloak" also
 * need the offering's remote groups. Paged here, with the same page and page size as the
 * server's list. `active` is false when neither is used: the tab then pages on the server.
 */
export function useGroupSearch(offeringUuid: string, state: GroupsSearch) {
  const active = Boolean(state.q.trim() || state.show);
  const [progress, setProgress] = useState<{ loaded: number; total: number } | null>(null);
  const every = useQuery({
    ...groupQueries.everyGroup(offeringUuid, (loaded, total) => setProgress({ loaded, total })),
    enabled: active,
  });
  const wantsRemote = state.show === 'linked' || state.show === 'missing';
  const remote = useQuery({ ...remoteGroupQueries.all(offeringUuid), enabled: active && wantsRemote });
  const remoteIds = remoteIdsOf(remote.data);

  const matching = useMemo(() => {
    if (!every.data || (wantsRemote && !remoteIds)) return undefined;
    const text = fold(state.q.trim());
    const role = state.role ? `/${state.role}/` : '';
    return every.data.items.filter(
      (group: OfferingGroup) =>
        (!text || fold(group.name).includes(text)) &&
        (!role || group.role.includes(role)) &&
        (!state.resource || group.resource_uuid === state.resource) &&
        (state.show === '' ||
          (state.show === 'not-linked' && !group.backend_id) ||
          (state.show === 'linked' && Boolean(group.backend_id) && !needsLookup(group.backend_id, remoteIds)) ||
          (state.show === 'missing' && needsLookup(group.backend_id, remoteIds))),
    );
  }, [every.data, remoteIds, wantsRemote, state.q, state.role, state.resource, state.show]);

  const start = (state.page - 1) * state.page_size;
  const view = matching ? { items: matching.slice(start, start + state.page_size), total: matching.length } : undefined;
  const error = every.error ?? (wantsRemote ? remote.error : null);
  const loading = active && !view && !error;
  return { active, view, error, loading, progress, everyCount: every.data?.items.length ?? null, refetch: () => every.refetch() };
}

type Props = {
  state: GroupsSearch;
  search: ReturnType<typeof useGroupSearch>;
  onChange: (patch: { q?: string; show?: GroupShow }) => void;
};

/** The search box (debounced into the URL) and the quick filters, with what they load. */
export function GroupSearchBar({ state, search, onChange }: Props) {
  const text = useDebouncedUrlText(state.q, (q) => onChange({ q }));
  const { progress } = search;
  const { t, i18n } = useLingui();
  const everyCount = search.everyCount;
  const loaded = formatNumber(progress?.loaded ?? 0);
  const total = progress?.total ?? 0;
  return (
    <Stack gap={6}>
      <Group gap="sm" align="flex-end" wrap="wrap">
        <TextInput type="search" label={t`Search groups by name`} placeholder={t`Part of a group name`} w={320} {...text} />
        <Segmented
          aria-label={t`Show groups`}
          value={state.show}
          onChange={(value) => onChange({ show: value })}
          data={(Object.keys(SHOW_LABEL) as GroupShow[]).map((value) => ({ value, label: i18n._(SHOW_LABEL[value]) }))}
        />
      </Group>
      {search.active ? (
        <Text size="xs" c="dimmed" role="note">
          {everyCount !== null
            ? plural(everyCount, {
                one: 'To search, all # groups of the offering were loaded once and are searched here.',
                other: 'To search, all # groups of the offering were loaded once and are searched here.',
              })
            : t`To search, every group of the offering is loaded once and searched here.`}
          {state.show === 'missing'
            ? ` ${t`“Missing in Keycloak” lists linked groups that are not among the offering’s remote groups; each row then asks Keycloak for its group.`}`
            : ''}
        </Text>
      ) : null}
      {search.loading && progress && progress.total >= PROGRESS_FROM ? (
        <Stack gap={2}>
          <Progress value={(progress.loaded / progress.total) * 100} aria-label={t`Loading every group`} animated />
          <Text size="xs" c="dimmed">
            {plural(total, { one: `Loaded ${loaded} of # group`, other: `Loaded ${loaded} of # groups` })}
          </Text>
        </Stack>
      ) : null}
    </Stack>
  );
}
