import { useLingui } from '@lingui/react/macro';
import { useQuery } from '@tanstack/react-query';
import { groupQueries } from '../../api/group-queries';
import { offeringQueries } from '../../api/offering-queries';
import type { OfferingGroup } from '../../api/types';
import { FilterBar, FilterSelects, StateFilter, TextFilters, type FilterSelectSpec, type TextField } from '../../components/list-filters';
import { ResourceSelect } from '../../components/resource-select';
import { isolate } from '../../lib/bidi';
import type { Option } from '../../lib/options';
import { groupLabel } from './group-fields';
import type { MemberFilters } from './queries';

type Props = {
  offeringUuid: string;
  filters: MemberFilters;
  onChange: (patch: Partial<MemberFilters>) => void;
  onClear: () => void;
  filtered: boolean;
};

const NO_OPTIONS: Option[] = [];

/**
 * The Group filter's options, kept as long as the group list they come from: an offering can
 * have 20,000 groups, and the tab mounts again on every visit (bench figure 5).
 */
const groupOptionsCache = new WeakMap<readonly OfferingGroup[], Option[]>();
function groupOptionsOf(groups: readonly OfferingGroup[]): Option[] {
  let options = groupOptionsCache.get(groups);
  if (!options) {
    options = groups.map((group) => ({ value: group.uuid, label: `${isolate(group.name)} (${groupLabel(group)})` }));
    groupOptionsCache.set(groups, options);
  }
  return options;
}

/** Group, role, resource, state (several at once), username and email; all kept in the URL. */
export function MembersFilters({ offeringUuid, filters, onChange, onClear, filtered }: Props) {
  const { t } = useLingui();
  const roles = useQuery(offeringQueries.everyRole(offeringUuid));
  const groups = useQuery(groupQueries.everyGroup(offeringUuid));

  const groupOptions = groups.data ? groupOptionsOf(groups.data.items) : NO_OPTIONS;
  const roleOptions = (roles.data ?? []).map((item) => ({ value: item.uuid, label: item.name }));

  const selects: FilterSelectSpec<'group' | 'role'>[] = [
    {
      name: 'group',
      label: t`Group`,
      placeholder: t`Any group`,
      loadError: t`Could not load the groups.`,
      options: groupOptions,
      query: groups,
      w: 280,
      limit: 100,
    },
    {
      name: 'role',
      label: t`Role`,
      placeholder: t`Any role`,
      loadError: t`Could not load the roles.`,
      options: roleOptions,
      query: roles,
      w: 190,
    },
  ];
  const textFields: TextField<'username' | 'email'>[] = [
    { key: 'username', label: t`Exact username`, placeholder: t`e.g. alice` },
    { key: 'email', label: t`Exact email`, placeholder: t`e.g. alice@example.org` },
  ];

  return (
    <FilterBar filtered={filtered} onClear={onClear}>
      <FilterSelects specs={selects} values={filters} onChange={onChange} />
      <ResourceSelect
        offeringUuid={offeringUuid}
        label={t`Resource`}
        placeholder={t`Any resource`}
        value={filters.resource}
        onChange={(resource) => onChange({ resource })}
        w={200}
      />
      <TextFilters fields={textFields} values={filters} onChange={onChange} w={180} />
      <StateFilter value={filters.state} onChange={(state) => onChange({ state })} />
    </FilterBar>
  );
}
