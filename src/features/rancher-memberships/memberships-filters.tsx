import { Button, Checkbox, Group, Select, TextInput } from '@mantine/core';
import { useDebouncedCallback } from '@mantine/hooks';
import { useQuery } from '@tanstack/react-query';
import { useEffect, useMemo, useRef, useState } from 'react';
import { isolate } from '../../lib/bidi';
import {
  SCOPE_TYPE_LABEL,
  clusterOfProject,
  isScopeType,
  rancherQueries,
  settingsOfRole,
  uuidFromUrl,
  type MembershipFilters,
  type MembershipState,
} from './queries';

type Props = {
  filters: MembershipFilters;
  onChange: (patch: Partial<MembershipFilters>) => void;
  onClear: () => void;
  filtered: boolean;
};

type Option = { value: string; label: string };

/** A bookmarked filter for something not (or not yet) listed still shows as selected. */
function keep(options: Option[], value: string, pending: boolean): Option[] {
  return value && !options.some((option) => option.value === value)
    ? [...options, { value, label: pending ? 'Loading…' : value }]
    : options;
}

/** Text, state, scope type, cluster or project, group and role; all kept in the URL. */
export function MembershipsFilters({ filters, onChange, onClear, filtered }: Props) {
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
      return { value: project.uuid, label: cluster ? `${isolate(project.name)} (in ${isolate(cluster)})` : isolate(project.name) };
    });
    return [
      ...(filters.scope_type !== 'project' && clusterItems.length ? [{ group: 'Clusters', items: clusterItems }] : []),
      ...(filters.scope_type !== 'cluster' && projectItems.length ? [{ group: 'Projects', items: projectItems }] : []),
    ];
  }, [clusters.data, projects.data, clusterNames, filters.scope_type]);
  const scopeKnown = scopeOptions.some((group) => group.items.some((item) => item.value === filters.scope));

  const roleOptions = (roles.data ?? [])
    .filter((role) => !filters.scope_type || role.scope_type === filters.scope_type)
    .map((role) => {
      const settings = settingsNames.get(settingsOfRole(role));
      const type = isScopeType(role.scope_type) ? SCOPE_TYPE_LABEL[role.scope_type].toLowerCase() : role.scope_type;
      return { value: role.uuid, label: `${role.display_name || role.name} (${type}${settings ? `, ${isolate(settings)}` : ''})` };
    });

  const groupOptions = (groups.data ?? []).map((group) => {
    const type = isScopeType(group.scope_type) ? SCOPE_TYPE_LABEL[group.scope_type] : group.scope_type;
    const template = roles.data?.find((item) => item.uuid === uuidFromUrl(group.role));
    const role = template?.display_name || template?.name || '';
    const scope = group.scope_name ? isolate(group.scope_name) : 'deleted scope';
    return { value: group.uuid, label: `${type} ${scope} · ${role || group.name}` };
  });

  return (
    <Group gap="sm" align="flex-end" wrap="wrap">
      <TextFilters filters={filters} onChange={onChange} />
      <Checkbox.Group label="State" value={filters.state} onChange={(value) => onChange({ state: value as MembershipState[] })}>
        <Group gap="sm" mt={8} mb={8}>
          <Checkbox value="pending" label="Pending" />
          <Checkbox value="active" label="Active" />
        </Group>
      </Checkbox.Group>
      <Select
        label="Scope type"
        placeholder="Any scope type"
        data={[
          { value: 'cluster', label: 'Cluster' },
          { value: 'project', label: 'Project' },
        ]}
        value={filters.scope_type || null}
        onChange={(value) => onChange({ scope_type: isScopeType(value) ? value : '' })}
        clearable
        w={160}
      />
      <Select
        label="Cluster or project"
        placeholder="Any cluster or project"
        data={
          filters.scope && !scopeKnown
            ? [
                ...scopeOptions,
                {
                  group: 'Other',
                  items: [{ value: filters.scope, label: clusters.isPending || projects.isPending ? 'Loading…' : filters.scope }],
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
        error={clusters.error || projects.error ? 'Could not load the clusters and projects.' : undefined}
      />
      <Select
        label="Group"
        placeholder="Any group"
        data={keep(groupOptions, filters.group, groups.isPending)}
        value={filters.group || null}
        onChange={(value) => onChange({ group: value ?? '' })}
        clearable
        searchable
        limit={200}
        w={280}
        error={groups.error ? 'Could not load the groups.' : undefined}
      />
      <Select
        label="Role"
        placeholder="Any role"
        data={keep(roleOptions, filters.role, roles.isPending)}
        value={filters.role || null}
        onChange={(value) => onChange({ role: value ?? '' })}
        clearable
        searchable
        w={260}
        error={roles.error ? 'Could not load the roles.' : undefined}
      />
      {filtered ? (
        <Button variant="subtle" onClick={onClear}>
          Clear filters
        </Button>
      ) : null}
    </Group>
  );
}

type TextKey = 'username' | 'email' | 'first_name' | 'last_name';

const TEXT_FIELDS: { key: TextKey; label: string; placeholder: string }[] = [
  { key: 'username', label: 'Exact username', placeholder: 'e.g. alice' },
  { key: 'email', label: 'Exact email', placeholder: 'e.g. alice@example.org' },
  { key: 'first_name', label: 'Exact first name', placeholder: 'e.g. Alice' },
  { key: 'last_name', label: 'Exact last name', placeholder: 'e.g. Berg' },
];

/**
 * The text filters reach the URL (and the server) once the user pauses typing, or presses
 * Enter. All four are committed together: two separate commits in one tick would each start
 * from the same URL, and the second would undo the first.
 */
function TextFilters({ filters, onChange }: { filters: MembershipFilters; onChange: (patch: Partial<MembershipFilters>) => void }) {
  const [texts, setTexts] = useState<Record<TextKey, string>>(() => pickTexts(filters));
  const latest = useRef(texts);
  latest.current = texts;
  const commitNow = () => {
    const trimmed = Object.fromEntries(TEXT_FIELDS.map(({ key }) => [key, latest.current[key].trim()])) as Record<TextKey, string>;
    if (TEXT_FIELDS.some(({ key }) => trimmed[key] !== filters[key])) onChange(trimmed);
  };
  const commit = useDebouncedCallback(commitNow, 400);
  // The URL changed elsewhere (Clear filters, back button): show what it says.
  const { username, email, first_name, last_name } = filters;
  useEffect(() => {
    const fromUrl: Record<TextKey, string> = { username, email, first_name, last_name };
    setTexts((current) => {
      const next = { ...current };
      for (const { key } of TEXT_FIELDS) if (current[key].trim() !== fromUrl[key]) next[key] = fromUrl[key];
      return next;
    });
  }, [username, email, first_name, last_name]);
  return (
    <>
      {TEXT_FIELDS.map(({ key, label, placeholder }) => (
        <TextInput
          key={key}
          label={label}
          placeholder={placeholder}
          value={texts[key]}
          w={170}
          onChange={(event) => {
            const value = event.currentTarget.value;
            setTexts((current) => ({ ...current, [key]: value }));
            commit();
          }}
          onKeyDown={(event) => {
            if (event.key === 'Enter') {
              commit.cancel();
              commitNow();
            }
          }}
        />
      ))}
    </>
  );
}

function pickTexts(filters: MembershipFilters): Record<TextKey, string> {
  return { username: filters.username, email: filters.email, first_name: filters.first_name, last_name: filters.last_name };
}
