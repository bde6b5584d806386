import { useLingui } from '@lingui/react/macro';
import { LazyListSelect } from '../../components/lazy-list-select';
import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { FilterBar, FilterSelects, StateFilter, TextFilters, type FilterSelectSpec, type TextField } from '../../components/list-filters';
import { isolate } from '../../lib/bidi';
import {
  SCOPE_TYPE_LABEL,
  SCOPE_TYPE_WORD,
  clusterOfProject,
  isScopeType,
  rancherQueries,
  settingsOfRole,
  uuidFromUrl,
  type MembershipFilters,
} from './queries';

type Props = {
  filters: MembershipFilters;
  onChange: (patch: Partial<MembershipFilters>) => void;
  onClear: () => void;
  filtered: boolean;
};

/** Text, state, scope type, cluster or project, group and role; all kept in the URL. */
export function MembershipsFilters({ filters, onChange, onClear, filtered }: Props) {
  const { t } = useLingui();
  const clusters = useQuery(rancherQueries.clusters());
  const projects = useQuery(rancherQueries.allProjects());
  const roles = useQuery(rancherQueries.allRoleTemplates());
  const groups = useQuery(rancherQueries.everyGroup());

  const clusterNames = useMemo(
    () => new Map((clusters.data ?? []).map((cluster) => [cluster.uuid ?? '', cluster.name ?? ''])),
    [clusters.data],
  );
  const settingsNames = useMemo(
    () => new Map((clusters.data ?? []).map((cluster) => [cluster.service_settings_uuid ?? '', cluster.service_name ?? ''])),
    [clusters.data],
  );

  const scopeOptions = useMemo(() => {
    const clusterItems = (clusters.data ?? []).map((cluster) => ({ value: cluster.uuid ?? '', label: isolate(cluster.name ?? '') }));
    const projectItems = (projects.data ?? []).map((project) => {
      const cluster = clusterNames.get(clusterOfProject(project));
      const projectName = isolate(project.name);
      const clusterName = cluster ? isolate(cluster) : '';
      return { value: project.uuid, label: cluster ? t`${projectName} (in ${clusterName})` : projectName };
    });
    return [
      ...(filters.scope_type !== 'project' && clusterItems.length ? [{ group: t`Clusters`, items: clusterItems }] : []),
      ...(filters.scope_type !== 'cluster' && projectItems.length ? [{ group: t`Projects`, items: projectItems }] : []),
    ];
  }, [clusters.data, projects.data, clusterNames, filters.scope_type, t]);
  const scopeKnown = scopeOptions.some((group) => group.items.some((item) => item.value === filters.scope));

  const roleOptions = (roles.data ?? [])
    .filter((role) => !filters.scope_type || role.scope_type === filters.scope_type)
    .map((role) => {
      const settings = settingsNames.get(settingsOfRole(role));
      const type = isScopeType(role.scope_type) ? SCOPE_TYPE_WORD[role.scope_type] : role.scope_type;
      return { value: role.uuid, label: `${role.display_name || role.name} (${type}${settings ? `, ${isolate(settings)}` : ''})` };
    });

  const groupOptions = (groups.data ?? []).map((group) => {
    const type = isScopeType(group.scope_type) ? SCOPE_TYPE_LABEL[group.scope_type] : group.scope_type;
    const template = roles.data?.find((item) => item.uuid === uuidFromUrl(group.role));
    const role = template?.display_name || template?.name || '';
    const scope = group.scope_name ? isolate(group.scope_name) : t`deleted scope`;
    return { value: group.uuid, label: `${type} ${scope} · ${role || group.name}` };
  });

  const selects: FilterSelectSpec<'group' | 'role'>[] = [
    {
      name: 'group',
      label: t`Group`,
      placeholder: t`Any group`,
      loadError: t`Could not load the groups.`,
      options: groupOptions,
      query: groups,
      w: 280,
      limit: 200,
    },
    {
      name: 'role',
      label: t`Role`,
      placeholder: t`Any role`,
      loadError: t`Could not load the roles.`,
      options: roleOptions,
      query: roles,
      w: 260,
    },
  ];

  const textFields: TextField<'username' | 'email' | 'first_name' | 'last_name'>[] = [
    { key: 'username', label: t`Exact username`, placeholder: t`e.g. alice` },
    { key: 'email', label: t`Exact email`, placeholder: t`e.g. alice@example.org` },
    { key: 'first_name', label: t`Exact first name`, placeholder: t`e.g. Alice` },
    { key: 'last_name', label: t`Exact last name`, placeholder: t`e.g. Berg` },
  ];

  return (
    <FilterBar filtered={filtered} onClear={onClear}>
      <TextFilters fields={textFields} values={filters} onChange={onChange} w={170} />
      <StateFilter value={filters.state} onChange={(state) => onChange({ state })} />
      <LazyListSelect
        label={t`Scope type`}
        placeholder={t`Any scope type`}
        data={[
          { value: 'cluster', label: SCOPE_TYPE_LABEL.cluster },
          { value: 'project', label: SCOPE_TYPE_LABEL.project },
        ]}
        value={filters.scope_type || null}
        onChange={(value) => onChange({ scope_type: isScopeType(value) ? value : '' })}
        clearable
        w={160}
      />
      <LazyListSelect
        label={t`Cluster or project`}
        placeholder={t`Any cluster or project`}
        data={
          filters.scope && !scopeKnown
            ? [
                ...scopeOptions,
                {
                  group: t`Other`,
                  items: [{ value: filters.scope, label: clusters.isPending || projects.isPending ? t`Loading…` : filters.scope }],
                },
              ]
            : scopeOptions
        }
        value={filters.scope || null}
        onChange={(value) => onChange({ scope: value ?? '' })}
        clearable
        searchable
        limit={200}
        w={240}
        error={clusters.error || projects.error ? t`Could not load the clusters and projects.` : undefined}
      />
      <FilterSelects specs={selects} values={filters} onChange={onChange} />
    </FilterBar>
  );
}
