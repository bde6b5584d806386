import type { OfferingGroup } from '../../api/types';
import type { SyncLine } from './sync-lines';

function groupSearch(group: OfferingGroup): string {
  return [group.name, group.role_name, group.resource_name ?? '', group.scope_id ?? '', group.backend_id, group.uuid].join('\n');
}

function buildSearch(line: SyncLine): string {
  const text =
    line.kind === 'synced'
      ? [line.localName, line.remoteName, line.backendId, line.remote?.path ?? '', ...line.candidates.map(groupSearch)]
      : line.kind === 'local'
        ? [line.name, ...line.candidates.map(groupSearch)]
        : [line.name, ...line.candidates.flatMap((group) => [group.id, group.path])];
  return text.join('\n').toLowerCase();
}

/**
 * What the filter searches in a line: its names, ids, paths, and its candidates' role, resource
 * and scope, lower-cased. Built on the first filter or tie, not with the join: most joins are
 * never filtered, and 30,000 of these strings were a fifth of the join's time.
 */
const searches = new WeakMap<SyncLine, string>();

export function lineSearch(line: SyncLine): string {
  let text = searches.get(line);
  if (text === undefined) {
    text = buildSearch(line);
    searches.set(line, text);
  }
  return text;
}

/** Lines whose text (names, ids, paths, role, resource) contains the filter, case-insensitively. */
export function filterLines<T extends SyncLine>(lines: readonly T[], text: string): readonly T[] {
  const needle = text.trim().toLowerCase();
  if (!needle) return lines;
  return lines.filter((line) => lineSearch(line).includes(needle));
}
