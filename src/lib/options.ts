/** A Select option. */
export type Option = { value: string; label: string };

/**
 * The options with the chosen value kept among them: a value from the URL or a form that the
 * loaded (or matched) options do not hold still shows as selected, with `label` (its name once
 * known, else a placeholder such as "Loading…" or the raw value).
 */
export function withSelected(options: Option[], value: string, label: string): Option[] {
  return value && !options.some((option) => option.value === value) ? [...options, { value, label }] : options;
}

/** Matches of `search` among the options, case-insensitive, at most `limit` of them. */
export function matchOptions(options: readonly Option[], search: string, limit: number): Option[] {
  const needle = search.trim().toLowerCase();
  const found: Option[] = [];
  for (const option of options) {
    if (found.length >= limit) break;
    if (!needle || option.label.toLowerCase().includes(needle)) found.push(option);
  }
  return found;
}
