import { useLingui } from '@lingui/react/macro';
import { Group } from '@mantine/core';
import { LazyListSelect } from '../../components/lazy-list-select';
import { useQuery } from '@tanstack/react-query';
import { offeringQueries } from '../../api/offering-queries';
import { ResourceSelect } from '../../components/resource-select';
import { withSelected } from '../../lib/options';
import { isolate } from '../../lib/bidi';

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
  const roles = useQuery(offeringQueries.everyRole(offeringUuid));
  const { t } = useLingui();
  const roleOptions = (roles.data ?? []).map((item) => ({
    value: item.uuid,
    label: item.scope_type ? `${isolate(item.name)} (${item.scope_type_label || item.scope_type})` : isolate(item.name),
  }));
  return (
    <Group gap="sm" align="flex-end" wrap="wrap">
      <LazyListSelect
        label={t`Role`}
        placeholder={t`Any role`}
        // A bookmarked filter for something not (or not yet) listed still shows as selected.
        data={withSelected(roleOptions, role, roles.isPending ? t`Loading…` : role)}
        value={role || null}
        onChange={(value) => onChange({ role: value ?? '' })}
        clearable
        searchable
        w={260}
        error={roles.error ? t`Could not load the roles.` : undefined}
      />
      <ResourceSelect
        offeringUuid={offeringUuid}
        label={t`Resource`}
        placeholder={t`Any resource`}
        value={resource}
        onChange={(value) => onChange({ resource: value })}
        w={300}
      />
    </Group>
  );
}
