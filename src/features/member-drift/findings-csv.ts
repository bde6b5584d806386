import { i18n } from '@lingui/core';
import { csvFileName, downloadText, toCsv } from '../../lib/csv';
import type { FindingRow } from './check-state';
import { FIX_LABEL, fixesFor } from './member-fixes';
import { describeLine, KIND_LABEL } from './member-lines';

/** The findings shown, one line each with the fix a click would run, as a spreadsheet reads them. */
export function findingsCsv(rows: readonly FindingRow[]): string {
  return toCsv(
    // CSV column names stay English whatever the app's language: scripts read them.
    // eslint-disable-next-line lingui/no-unlocalized-strings -- column names, not words for a person
    ['Group', 'Role', 'Resource', 'Username', 'Difference', 'Details', 'Fix'],
    rows.map((row) => {
      const { main } = fixesFor(row.group, row);
      return [
        row.group.name,
        row.group.role_name,
        row.group.resource_name ?? '',
        row.username,
        i18n._(KIND_LABEL[row.kind]),
        describeLine(row),
        main ? i18n._(FIX_LABEL[main.kind]) : '',
      ];
    }),
  );
}

/** Downloads the findings shown, with a byte-order mark so that spreadsheets read UTF-8. */
export function downloadFindingsCsv(offeringName: string, rows: readonly FindingRow[]) {
  downloadText(csvFileName('members-check', offeringName), ['\ufeff', findingsCsv(rows)]);
}
