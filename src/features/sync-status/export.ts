import { toCsv } from '../../lib/csv';
import type { SyncJoin } from './sync-lines';
import type { OfferingGroup, RemoteGroup } from '../../api/types';

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

const many = (values: readonly string[]) => values.join(' | ');

function localCells(groups: readonly OfferingGroup[]) {
  return [
    many(groups.map((group) => group.uuid)),
    many(groups.map((group) => group.role_name)),
    many(groups.map((group) => group.resource_name ?? '')),
    many(groups.map((group) => group.scope_id ?? '')),
  ];
}

function note(count: number, what: string): string {
  if (count === 0) return `No ${what} found with this name`;
  if (count > 1) return `Ambiguous: ${count} ${what}s match`;
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
      'Synced',
      line.localName,
      line.remoteName,
      line.backendId,
      line.remote?.path ?? '',
      ...localCells(line.candidates),
      note(line.candidates.length, 'local group'),
    ]);
  }
  for (const line of join.local) {
    rows.push(['Only in Waldur', line.name, '', '', '', ...localCells(line.candidates), note(line.candidates.length, 'local group')]);
  }
  for (const line of join.remote) {
    rows.push([
      'Only in Keycloak',
      '',
      line.name,
      ...remoteCells(line.candidates),
      '',
      '',
      '',
      '',
      note(line.candidates.length, 'remote group'),
    ]);
  }
  return toCsv(HEADER, rows);
}
