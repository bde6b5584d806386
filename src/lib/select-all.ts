import { plural } from '@lingui/core/macro';

/**
 * What a "Select all" control adds, in words: every group shown ("Select all 5 groups"; "… matches"
 * under a search) or, once some are chosen, the others ("Select the other 2 groups"), never a bare
 * "Select all (5)" after 3 of the 5 were chosen. `count` is how many it would add.
 */
export function selectAllLabel(count: number, { filtered, someChosen }: { filtered: boolean; someChosen: boolean }): string {
  if (!someChosen)
    return filtered
      ? plural(count, { one: 'Select the # match', other: 'Select all # matches' })
      : plural(count, { one: 'Select the # group', other: 'Select all # groups' });
  return filtered
    ? plural(count, { one: 'Select the other # match', other: 'Select the other # matches' })
    : plural(count, { one: 'Select the other # group', other: 'Select the other # groups' });
}
