import { Trans, useLingui } from '@lingui/react/macro';
import { Button, Checkbox, Group, TextInput, type ComboboxParsedItem } from '@mantine/core';
import { useDebouncedCallback } from '@mantine/hooks';
import { useMemo, useState } from 'react';
import { matchOptions, withSelected, type Option } from '../lib/options';
import { LazyListSelect } from './lazy-list-select';

/** A list's filters in a row, with Clear filters while any is set. */
export function FilterBar({ filtered, onClear, children }: { filtered: boolean; onClear: () => void; children: React.ReactNode }) {
  return (
    <Group gap="sm" align="flex-end" wrap="wrap">
      {children}
      {filtered ? (
        <Button variant="subtle" onClick={onClear}>
          <Trans>Clear filters</Trans>
        </Button>
      ) : null}
    </Group>
  );
}

/** One filter picked from options: the URL name it sets, and the query its options come from. */
export type FilterSelectSpec<Name extends string> = {
  name: Name;
  label: string;
  /** The empty Select's placeholder, a whole phrase ("Any group"); "Any" without it. */
  placeholder?: string;
  /** Said when the options could not be loaded ("Could not load the groups."). */
  loadError?: string;
  /** No longer read (a noun cannot be put in a sentence in every language); kept for pages passing it. */
  noun?: string;
  options: Option[];
  query: { isPending: boolean; error: unknown };
  w: number;
  limit?: number;
};

/**
 * Filters picked from options, one Select each ("Any group"). A bookmarked value not (or not
 * yet) among the options still shows as selected: "Loading…" meanwhile, else the raw value.
 */
export function FilterSelects<Name extends string>({
  specs,
  values,
  onChange,
}: {
  specs: readonly FilterSelectSpec<Name>[];
  values: Record<Name, string>;
  onChange: (patch: Partial<Record<Name, string>>) => void;
}) {
  return specs.map((spec) => (
    <FilterSelect
      key={spec.name}
      spec={spec}
      value={values[spec.name]}
      onChange={(next) => onChange({ [spec.name]: next } as Partial<Record<Name, string>>)}
    />
  ));
}

/**
 * One filter Select. With a `limit`, the Select is handed only the first `limit` matches of what
 * is typed, not every option: an offering's group list can hold 20,000 groups, and Mantine's
 * Combobox indexes all it is given on every mount (bench figure 5, the Members tab).
 */
function FilterSelect<Name extends string>({
  spec: { label, placeholder, loadError, options, query, w, limit },
  value,
  onChange,
}: {
  spec: FilterSelectSpec<Name>;
  value: string;
  onChange: (value: string) => void;
}) {
  const { t } = useLingui();
  const [search, setSearch] = useState('');
  const chosenLabel = value ? (options.find((option) => option.value === value)?.label ?? (query.isPending ? t`Loading…` : value)) : '';
  // Once picked, the search box shows the chosen label: then list from the start, not just it.
  const typed = value && search === chosenLabel ? '' : search;
  const shown = useMemo(() => (limit === undefined ? options : matchOptions(options, typed, limit)), [options, typed, limit]);
  const limited = limit !== undefined ? { searchValue: search, onSearchChange: setSearch, filter: keepAll } : {};
  return (
    <LazyListSelect
      label={label}
      placeholder={placeholder ?? t`Any`}
      data={withSelected(shown, value, chosenLabel)}
      value={value || null}
      onChange={(next) => onChange(next ?? '')}
      clearable
      searchable
      {...limited}
      w={w}
      error={query.error ? (loadError ?? t`Could not load the options.`) : undefined}
    />
  );
}

const keepAll = ({ options }: { options: ComboboxParsedItem[] }) => options;

/** Pending and active, several at once. Ticks at once; the URL (and the list) follow. */
export function StateFilter<State extends string>({ value, onChange }: { value: State[]; onChange: (value: State[]) => void }) {
  const { t } = useLingui();
  const [checked, setChecked] = useState<string[]>(value);
  // The URL changed (back button, Clear filters): follow it, adjusted while rendering.
  const key = value.join(',');
  const [shownKey, setShownKey] = useState(key);
  if (shownKey !== key) {
    setShownKey(key);
    setChecked(key ? key.split(',') : []);
  }
  return (
    <Checkbox.Group
      label={t`State`}
      value={checked}
      onChange={(next) => {
        setChecked(next);
        onChange(next as State[]);
      }}
    >
      <Group gap="sm" mt={8} mb={8}>
        <Checkbox value="pending" label={t`Pending`} />
        <Checkbox value="active" label={t`Active`} />
      </Group>
    </Checkbox.Group>
  );
}

export type TextField<Key extends string> = { key: Key; label: string; placeholder: string };

/**
 * Text filters that reach the URL (and the server) once the user pauses typing, or presses
 * Enter. All are committed together, trimmed, and only when one differs from the URL.
 */
export function TextFilters<Key extends string>({
  fields,
  values,
  onChange,
  w,
}: {
  fields: readonly TextField<Key>[];
  values: Record<Key, string>;
  onChange: (patch: Record<Key, string>) => void;
  w: number;
}) {
  const [texts, setTexts] = useState<Record<Key, string>>(values);
  // The debounced commit calls the latest render's commitNow (Mantine keeps the callback current),
  // so it reads what was typed last.
  const commitNow = () => {
    const trimmed = Object.fromEntries(fields.map(({ key }) => [key, texts[key].trim()])) as Record<Key, string>;
    if (fields.some(({ key }) => trimmed[key] !== values[key])) onChange(trimmed);
  };
  const commit = useDebouncedCallback(commitNow, 400);
  // The URL changed elsewhere (Clear filters, back button): show what it says, in the fields
  // whose URL value changed only (text typed meanwhile in another field is kept). Adjusted
  // while rendering, not in an effect.
  const fromUrl = JSON.stringify(fields.map(({ key }) => values[key]));
  const [lastFromUrl, setLastFromUrl] = useState(fromUrl);
  if (lastFromUrl !== fromUrl) {
    const previous = JSON.parse(lastFromUrl) as string[];
    const urlValues = JSON.parse(fromUrl) as string[];
    const next = { ...texts };
    fields.forEach(({ key }, index) => {
      const value = urlValues[index] ?? '';
      if (value !== previous[index] && texts[key].trim() !== value) next[key] = value;
    });
    setLastFromUrl(fromUrl);
    setTexts(next);
  }
  return (
    <>
      {fields.map(({ key, label, placeholder }) => (
        <TextInput
          key={key}
          label={label}
          placeholder={placeholder}
          value={texts[key]}
          w={w}
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
