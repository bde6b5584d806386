import { Group, Select } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { offeringQueries } from '../../api/shared-queries';

/** The role and resource pickers of the groups tab (loaded beside the table, never before it). */
export function GroupFilters({
  offeringUuid,
  role,
  resource,
  onChange,
}: {
  offeringUuid: string;
  role: string;
  resource: string;
  onChange: (patch: { role?: string; resource?: string }) => void;
}) {
  const roles = useQuery(offeringQueries.roles(offeringUuid));
  const resources = useQuery(offeringQueries.resources(offeringUuid));
  const roleOptions = (roles.data ?? []).map((item) => ({
    value: item.uuid,
    label: item.scope_type ? `${item.name} (${item.scope_type_label || item.scope_type})` : item.name,
  }));
  const resourceOptions = (resources.data ?? []).flatMap((item) =>
    item.uuid ? [{ value: item.uuid, label: item.name ?? item.uuid }] : [],
  );
  // A bookmarked filter for something not (or not yet) listed still shows as selected.
  if (role && !roleOptions.some((option) => option.value === role))
    roleOptions.push({ value: role, label: roles.isPending ? 'Loading…' : role });
  if (resource && !resourceOptions.some((option) => option.value === resource))
    resourceOptions.push({ value: resource, label: resources.isPending ? 'Loading…' : resource });
  return (
    <Group gap="sm" align="flex-end" wrap="wrap">
      <Select
        label="Role"
        placeholder="Any role"
        data={roleOptions}
        value={role || null}
        onChange={(value) => onChange({ role: value ?? '' })}
        clearable
        searchable
        w={260}
        error={roles.error ? 'Could not load the roles.' : undefined}
      />
      <Select
        label="Resource"
        placeholder="Any resource"
        data={resourceOptions}
        value={resource || null}
        onChange={(value) => onChange({ resource: value ?? '' })}
        clearable
        searchable
        w={300}
        error={resources.error ? 'Could not load the resources.' : undefined}
      />
    </Group>
  );
}
