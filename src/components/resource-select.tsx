import { useLingui } from '@lingui/react/macro';
import type { SelectProps } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { offeringQueries } from '../api/offering-queries';
import { formatNumber } from '../lib/format';
import { withSelected, type Option } from '../lib/options';
import { LazyListSelect } from './lazy-list-select';

type Props = Omit<SelectProps, 'data' | 'value' | 'onChange' | 'searchValue' | 'onSearchChange' | 'filter' | 'searchable'> & {
  offeringUuid: string;
  /** The chosen resource's uuid, '' for none. */
  value: string;
  onChange: (uuid: string) => void;
  /** An option for "no resource" ('' value), shown first; without it the Select is clearable. */
  noneLabel?: string;
};

/**
 * A resource picker that searches the server as you type (its `name` filter): an offering can
 * have thousands of resources, more than one page. The chosen resource stays shown even when
 * it is not among the current matches.
 */
export function ResourceSelect({ offeringUuid, value, onChange, noneLabel, error, ...rest }: Props) {
  const { t } = useLingui();
  const [search, setSearch] = useState('');
  const chosen = useQuery(offeringQueries.resource(offeringUuid, value));
  const chosenLabel = chosen.data ? chosen.data.name || value : chosen.isPending ? t`Loading…` : value;
  // Once picked, the search box shows the chosen name: then list from the start, not just it.
  const typed = value && search === chosenLabel ? '' : search.trim();
  const [debounced] = useDebouncedValue(typed, 250);
  const matches = useQuery(offeringQueries.resourceSearch(offeringUuid, debounced));
  const found: Option[] = (matches.data?.items ?? []).flatMap((item) =>
    item.uuid ? [{ value: item.uuid, label: item.name || item.uuid }] : [],
  );
  const total = matches.data?.total ?? 0;
  const shownCount = formatNumber(found.length);
  const totalCount = formatNumber(total);
  const options = withSelected(noneLabel !== undefined ? [{ value: '', label: noneLabel }, ...found] : found, value, chosenLabel);
  return (
    <LazyListSelect
      {...rest}
      data={options}
      value={noneLabel !== undefined ? value : value || null}
      onChange={(next) => onChange(next ?? '')}
      searchable
      searchValue={search}
      onSearchChange={setSearch}
      filter={({ options: all }) => all}
      clearable={noneLabel === undefined}
      nothingFoundMessage={matches.isFetching ? t`Searching…` : t`No resource matches`}
      description={
        rest.description ?? (total > found.length ? t`${shownCount} of ${totalCount} shown: type to search by name.` : undefined)
      }
      error={error ?? (matches.error ? t`Could not load the resources.` : undefined)}
    />
  );
}
