import { Button, Checkbox, Group, Select, TextInput } from '@mantine/core';
import { useDebouncedCallback } from '@mantine/hooks';
import { useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { keycloakQueries, offeringQueries } from '../../api/shared-queries';
import { ResourceSelect } from '../../components/resource-select';
import { isolate } from '../../lib/bidi';
import { withSelected, type Option } from '../../lib/options';
import { groupLabel } from './group-fields';
import type { MemberFilters, MemberState } from './queries';

type Props = {
  offeringUuid: string;
  filters: MemberFilters;
  onChange: (patch: Partial<MemberFilters>) => void;
  onClear: () => void;
  filtered: boolean;
};

/** Group, role, resource, state (several at once), username and email; all kept in the URL. */
export function MembersFilters({ offeringUuid, filters, onChange, onClear, filtered }: Props) {
  const roles = useQuery(offeringQueries.everyRole(offeringUuid));
  const groups = useQuery(keycloakQueries.everyGroup(offeringUuid));

  const groupOptions = (groups.data?.items ?? []).map((group) => ({
    value: group.uuid,
    label: `${isolate(group.name)} (${groupLabel(group)})`,
  }));
  const roleOptions = (roles.data ?? []).map((item) => ({ value: item.uuid, label: item.name }));
  // A bookmarked filter for something not (or not yet) listed still shows as selected.
  const keep = (options: Option[], value: string, pending: boolean) => withSelected(options, value, pending ? 'Loading…' : value);

  return (
    <Group gap="sm" align="flex-end" wrap="wrap">
      <Select
        label="Group"
        placeholder="Any group"
        data={keep(groupOptions, filters.group, groups.isPending)}
        value={filters.group || null}
        onChange={(value) => onChange({ group: value ?? '' })}
        clearable
        searchable
        limit={100}
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
        w={190}
        error={roles.error ? 'Could not load the roles.' : undefined}
      />
      <ResourceSelect
        offeringUuid={offeringUuid}
        label="Resource"
        placeholder="Any resource"
        value={filters.resource}
        onChange={(resource) => onChange({ resource })}
        w={200}
      />
      <CommittedInput
        label="Exact username"
        placeholder="e.g. alice"
        value={filters.username}
        onCommit={(username) => onChange({ username })}
      />
      <CommittedInput
        label="Exact email"
        placeholder="e.g. alice@example.org"
        value={filters.email}
        onCommit={(email) => onChange({ email })}
      />
      <StateFilter value={filters.state} onChange={(state) => onChange({ state })} />
      {filtered ? (
        <Button variant="subtle" onClick={onClear}>
          Clear filters
        </Button>
      ) : null}
    </Group>
  );
}

/** Pending and active, several at once. Ticks at once; the URL (and the list) follow. */
function StateFilter({ value, onChange }: { value: MemberState[]; onChange: (value: MemberState[]) => void }) {
  const [checked, setChecked] = useState<string[]>(value);
  const key = value.join(',');
  useEffect(() => {
    setChecked(key ? key.split(',') : []);
  }, [key]);
  return (
    <Checkbox.Group
      label="State"
      value={checked}
      onChange={(next) => {
        setChecked(next);
        onChange(next as MemberState[]);
      }}
    >
      <Group gap="sm" mt={8} mb={8}>
        <Checkbox value="pending" label="Pending" />
        <Checkbox value="active" label="Active" />
      </Group>
    </Checkbox.Group>
  );
}

/** A text filter that reaches the URL (and the server) once the user pauses typing. */
function CommittedInput({
  label,
  placeholder,
  value,
  onCommit,
}: {
  label: string;
  placeholder: string;
  value: string;
  onCommit: (value: string) => void;
}) {
  const [text, setText] = useState(value);
  const commit = useDebouncedCallback((next: string) => onCommit(next.trim()), 400);
  // The URL changed elsewhere (Clear filters, back button): show what it says.
  useEffect(() => {
    setText((current) => (current.trim() === value ? current : value));
  }, [value]);
  return (
    <TextInput
      label={label}
      placeholder={placeholder}
      value={text}
      w={180}
      onChange={(event) => {
        setText(event.currentTarget.value);
        commit(event.currentTarget.value);
      }}
      onKeyDown={(event) => {
        if (event.key === 'Enter') {
          commit.cancel();
          onCommit(text.trim());
        }
      }}
    />
  );
}
