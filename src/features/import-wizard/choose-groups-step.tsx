import { plural } from '@lingui/core/macro';
import { Trans, useLingui } from '@lingui/react/macro';
import { Button, Group, Stack, Text, TextInput, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useCallback, useDeferredValue, useMemo, useState } from 'react';
import { isRefusedByKeycloak } from '../../api/keycloak-refusal';
import { groupQueries, remoteGroupQueries } from '../../api/group-queries';
import { offeringQueries } from '../../api/offering-queries';
import { BaseGroupLimitNote, baseGroupOf } from '../../components/base-group-limit-note';
import type { RemoteGroup } from '../../api/types';
import { EmptyState } from '../../components/empty-state';
import { ErrorAlert } from '../../components/error-alert';
import { selectAllLabel } from '../../lib/select-all';
import { TableSkeleton } from '../../components/table-skeleton';
import { MemberPreview } from './member-preview';
import { RemoteGroupTree, type GroupMark } from './remote-group-tree';
import { buildRemoteTree, visibleRows } from './remote-tree';
import { setSelected, type WizardState } from './wizard-state';
import type { WizardStore } from './wizard-store';
import classes from './choose-groups-step.module.css';
import { Bdi } from '../../components/bidi-text';

type Props = {
  offeringUuid: string;
  state: WizardState;
  update: WizardStore['update'];
};

/** Step 1: the remote groups as a tree, search, multi-select and a member preview. */
export function ChooseGroupsStep({ offeringUuid, state, update }: Props) {
  const remote = useQuery(remoteGroupQueries.all(offeringUuid));
  const offering = useQuery(offeringQueries.detail(offeringUuid));
  const local = useQuery(groupQueries.everyGroup(offeringUuid));
  const [search, setSearch] = useState('');
  const query = useDeferredValue(search);
  const [collapsed, setCollapsed] = useState<ReadonlySet<string>>(new Set());
  const [highlightedId, setHighlightedId] = useState<string | null>(null);
  const { t } = useLingui();

  const tree = useMemo(() => buildRemoteTree(remote.data ?? []), [remote.data]);
  const rows = useMemo(() => visibleRows(tree, query, collapsed), [tree, query, collapsed]);
  const selected = useMemo(() => new Set(state.selected), [state.selected]);
  const marks = useMemo(() => {
    const map = new Map<string, GroupMark>();
    for (const group of local.data?.items ?? []) {
      if (group.backend_id) map.set(group.backend_id, { kind: 'linked', localName: group.name });
    }
    for (const [id, result] of Object.entries(state.results)) {
      if (result.status === 'imported') map.set(id, { kind: 'imported' });
    }
    return map;
  }, [local.data, state.results]);

  const selectable = useMemo(
    () =>
      rows.flatMap((row) => (row.node.group && !marks.has(row.node.group.id) && !selected.has(row.node.group.id) ? [row.node.group] : [])),
    [rows, marks, selected],
  );

  const onToggleSelect = useCallback(
    (group: RemoteGroup, checked: boolean) => {
      setHighlightedId(group.id);
      update((current) => setSelected(current, [group], checked));
    },
    [update],
  );
  const onToggleExpand = useCallback((key: string) => {
    setCollapsed((current) => {
      const next = new Set(current);
      if (next.has(key)) next.delete(key);
      else next.add(key);
      return next;
    });
  }, []);
  const onHighlight = useCallback((group: RemoteGroup) => setHighlightedId(group.id), []);
  const highlighted = highlightedId ? (tree.byId.get(highlightedId) ?? null) : null;
  const rootPath = tree.rootPath;

  let body: React.ReactNode;
  if (remote.data) {
    body =
      tree.size === 0 && offering.data && baseGroupOf(offering.data) !== '' ? (
        <BaseGroupLimitNote offering={offering.data} />
      ) : tree.size === 0 ? (
        <EmptyState
          title={t`No remote groups`}
          description={t`Keycloak has no groups for this offering yet. Groups appear here once they exist under the offering’s group in Keycloak.`}
        />
      ) : (
        <Stack gap="xs">
          <Text size="sm" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
            {plural(tree.size, { one: '# remote group', other: '# remote groups' })}
            {rootPath ? (
              <>
                {' '}
                <Trans>
                  under <Bdi>{rootPath}</Bdi>
                </Trans>
              </>
            ) : null}
            {query ? ` · ${plural(rows.filter((row) => row.match && row.node.group).length, { one: '# match', other: '# matches' })}` : ''}
          </Text>
          {rows.length > 0 ? (
            <RemoteGroupTree
              tree={tree}
              rows={rows}
              selected={selected}
              marks={marks}
              highlighted={highlightedId}
              onToggleSelect={onToggleSelect}
              onToggleExpand={onToggleExpand}
              onHighlight={onHighlight}
            />
          ) : (
            <EmptyState title={t`No group matches`} description={t`Try another part of the name or path, or clear the search.`}>
              <Button variant="light" onClick={() => setSearch('')}>
                <Trans>Clear search</Trans>
              </Button>
            </EmptyState>
          )}
        </Stack>
      );
  } else if (remote.error) {
    const keycloak = isRefusedByKeycloak(remote.error);
    body = (
      <ErrorAlert
        error={remote.error}
        title={t`Could not list the remote groups`}
        hint={
          keycloak
            ? t`Waldur could not ask the offering’s Keycloak. Check its URL, realm and admin credentials in the offering’s integration settings (Test connection on the offering page helps), then retry. Your choices so far are kept.`
            : undefined
        }
        onRetry={() => void remote.refetch()}
      />
    );
  } else {
    body = <TableSkeleton rows={8} label={t`Loading remote groups`} />;
  }

  return (
    <Stack gap="sm">
      <Title order={3} size="h4">
        <Trans>Choose groups</Trans>
      </Title>
      <Group justify="space-between" align="flex-end" wrap="wrap" gap="sm">
        <TextInput
          label={t`Search remote groups`}
          placeholder={t`Name, path or ID`}
          value={search}
          onChange={(event) => setSearch(event.currentTarget.value)}
          w={340}
          maw="100%"
          disabled={!remote.data}
        />
        <Group gap="xs">
          <Text size="sm" aria-live="polite" fw={500}>
            {plural(state.selected.length, { one: '# group chosen', other: '# groups chosen' })}
          </Text>
          <Button
            variant="default"
            size="xs"
            disabled={selectable.length === 0}
            onClick={() => update((current) => setSelected(current, selectable, true))}
          >
            {selectAllLabel(selectable.length, { filtered: Boolean(query), someChosen: state.selected.length > 0 })}
          </Button>
          <Button
            variant="default"
            size="xs"
            disabled={state.selected.length === 0}
            onClick={() =>
              update((current) =>
                setSelected(
                  current,
                  current.selected.map((id) => ({ id, ...(current.groups[id] ?? { name: id, path: '' }) })),
                  false,
                ),
              )
            }
          >
            <Trans>Clear selection</Trans>
          </Button>
        </Group>
      </Group>
      {local.error && !local.data ? (
        <ErrorAlert
          error={local.error}
          title={t`Could not check which groups are already linked`}
          hint={t`Linked groups are still caught at review and by Waldur itself.`}
          onRetry={() => void local.refetch()}
        />
      ) : null}
      <div className={classes.columns}>
        <div>{body}</div>
        <div>
          <MemberPreview offeringUuid={offeringUuid} group={highlighted} />
        </div>
      </div>
    </Stack>
  );
}
