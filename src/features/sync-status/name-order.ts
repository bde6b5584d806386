/**
 * The order of group names in the sync status: the user's locale's, case and accents aside, with
 * numbers in names compared as numbers ("g2" before "g10").
 */

// Made on first use: making it sets up the locale's collation data (about 10 ms).
let collator: Intl.Collator | undefined;
const names = () => (collator ??= new Intl.Collator(undefined, { sensitivity: 'base', numeric: true }));

/** Negative when `a` comes first, positive when `b` does, 0 for names the collator finds equal. */
export function compareNames(a: string, b: string): number {
  return a === b ? 0 : names().compare(a, b);
}
