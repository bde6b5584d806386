import { plural, t } from '@lingui/core/macro';
import { toCsv } from '../../lib/csv';
import type { SyncJoin } from './sync-lines';
import type { OfferingGroup, RemoteGroup } from '../../api/types';

// CSV column names stay English whatever the app's language: scripts read them.
/* eslint-disable lingui/no-unlocalized-strings -- column names, not words for a person */
const HEADER = [
  'Status',
  'Local name',
  'Remote name',
  'Remote group ID',
  'Remote path',
  'Local group UUID',
  'Role',
  'Resource',
  'Scope ID',
  'Note',
] as const;
/* eslint-enable lingui/no-unlocalized-strings */

const many = (values: readonly string[]) => values.join(' | ');

function localCells(groups: readonly OfferingGroup[]) {
  return [
    many(groups.map((group) => group.uuid)),
    many(groups.map((group) => group.role_name)),
    many(groups.map((group) => group.resource_name ?? '')),
    many(groups.map((group) => group.scope_id ?? '')),
  ];
}

function note(count: number, what: 'local' | 'remote'): string {
  if (count === 0) return what === 'local' ? t`No local group found with this name` : t`No remote group found with this name`;
  if (count > 1) {
    return what === 'local'
      ? plural(count, { one: 'Ambiguous: # local group matches', other: 'Ambiguous: # local groups match' })
      : plural(count, { one: 'Ambiguous: # remote group matches', other: 'Ambiguous: # remote groups match' });
  }
  return '';
}

function remoteCells(groups: readonly RemoteGroup[]) {
  return [many(groups.map((group) => group.id)), many(groups.map((group) => group.path))];
}

/** The whole diff (not just what the filter shows) as CSV, one line per sync status entry. */
export function syncStatusCsv(join: SyncJoin): string {
  const rows: unknown[][] = [];
  for (const line of join.synced) {
    rows.push([
      t`Synced`,
      line.localName,
      line.remoteName,
      line.backendId,
      line.remote?.path ?? '',
      ...localCells(line.candidates),
      note(line.candidates.length, 'local'),
    ]);
  }
  for (const line of join.local) {
    rows.push([t`Only in Waldur`, line.name, '', '', '', ...localCells(line.candidates), note(line.candidates.length, 'local')]);
  }
  for (const line of join.remote) {
    rows.push([
      t`Only in Keycloak`,
      '',
      line.name,
      ...remoteCells(line.candidates),
      '',
      '',
      '',
      '',
      note(line.candidates.length, 'remote'),
    ]);
  }
  return toCsv(HEADER, rows);
}
