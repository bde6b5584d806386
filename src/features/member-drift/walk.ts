import type { OfferingGroup, OfferingMembership, RemoteUser } from '../../api/types';
import { memberLines, type DriftKind, type FieldDrift } from './member-lines';
import { mapLimit } from '../../lib/map-limit';
import { DEFAULT_CONCURRENCY } from './walk-limits';

/**
 * The members check: every linked group of an offering, read on both sides (Waldur's
 * memberships, all pages, and Keycloak's remote_group_members) and reduced to its
 * discrepancies. Pure: the reads are passed in, so the walk runs the same in the app, in unit
 * tests and in the benchmark.
 */
export type CheckGroup = Pick<
  OfferingGroup,
  'uuid' | 'name' | 'backend_id' | 'offering' | 'role' | 'resource' | 'scope_id' | 'role_name' | 'resource_name'
>;

/** One discrepancy: slim copies of both sides, enough to show, export, fix and store. */
export type Finding = {
  id: string;
  groupUuid: string;
  kind: DriftKind;
  username: string;
  local: Pick<OfferingMembership, 'uuid' | 'email' | 'first_name' | 'last_name' | 'state' | 'error_message'> | null;
  remote: Pick<RemoteUser, 'email' | 'first_name' | 'last_name'> | null;
  fields: FieldDrift[];
};

export type GroupCheck =
  | { status: 'checked'; group: CheckGroup; members: number; remoteMembers: number; findings: Finding[]; at: number }
  /** `missing`: Keycloak answered that it has no group with the group's id: a read again cannot help. */
  | { status: 'failed'; group: CheckGroup; error: string; at: number; missing?: true };

/**
 * What a group's read throws when Keycloak answers, but has no group with its id (told by a
 * look-up, never by the words of an error): the check keeps it apart from the failures a retry
 * can mend.
 */
export class RemoteGroupMissing extends Error {}

/**
 * A group's reads. It resolves once the group's own requests are answered; `members` may still
 * be on its way when Waldur's side is read for the whole offering at once (no group's request),
 * so that the group's place among those in flight goes to the next group meanwhile.
 */
export type GroupReader = (
  group: CheckGroup,
  signal: AbortSignal,
) => Promise<{ members: OfferingMembership[] | Promise<OfferingMembership[]>; remote: RemoteUser[] }>;

export function slimGroup(group: CheckGroup): CheckGroup {
  const { uuid, name, backend_id, offering, role, resource, scope_id, role_name, resource_name } = group;
  return { uuid, name, backend_id, offering, role, resource, scope_id, role_name, resource_name };
}

export function findingsOf(group: CheckGroup, members: readonly OfferingMembership[], remote: readonly RemoteUser[]): Finding[] {
  const findings: Finding[] = [];
  for (const line of memberLines(members, remote)) {
    if (line.kind === 'in-sync') continue;
    const local = line.local;
    findings.push({
      id: `${group.uuid}:${line.key}`,
      groupUuid: group.uuid,
      kind: line.kind,
      username: line.username,
      local: local
        ? {
            uuid: local.uuid,
            email: local.email,
            first_name: local.first_name,
            last_name: local.last_name,
            state: local.state,
            error_message: local.error_message,
          }
        : null,
      remote: line.remote ? { email: line.remote.email, first_name: line.remote.first_name, last_name: line.remote.last_name } : null,
      fields: line.fields,
    });
  }
  return findings;
}

/**
 * Checks `groups`, at most `concurrency` at a time, reporting each group as it ends. Cancelling
 * (`signal`) stops starting new groups and aborts the reads under way; what was reported stays.
 * A failed read fails that group only. `now` stamps each result.
 */
export async function walkGroups(
  groups: readonly CheckGroup[],
  read: GroupReader,
  {
    concurrency = DEFAULT_CONCURRENCY,
    signal,
    onGroup,
    now = Date.now,
    errorText = (error: unknown) => (error instanceof Error ? error.message : String(error)),
  }: {
    concurrency?: number;
    signal: AbortSignal;
    onGroup: (check: GroupCheck) => void;
    now?: () => number;
    errorText?: (error: unknown) => string;
  },
): Promise<void> {
  const fail = (group: CheckGroup, error: unknown) => {
    if (signal.aborted) return;
    const missing = error instanceof RemoteGroupMissing ? { missing: true as const } : {};
    onGroup({ status: 'failed', group: slimGroup(group), error: errorText(error), at: now(), ...missing });
  };
  // Groups whose own reads are answered, waiting for the offering's memberships.
  const finishing: Promise<void>[] = [];
  await mapLimit(
    groups,
    concurrency,
    async (group) => {
      try {
        const { members, remote } = await read(group, signal);
        const finished = Promise.resolve(members).then((list) => {
          if (signal.aborted) return;
          onGroup({
            status: 'checked',
            group: slimGroup(group),
            members: list.length,
            remoteMembers: remote.length,
            findings: findingsOf(group, list, remote),
            at: now(),
          });
        });
        finishing.push(finished.catch((error: unknown) => fail(group, error)));
      } catch (error) {
        fail(group, error);
      }
    },
    { stop: () => signal.aborted },
  );
  await Promise.all(finishing);
}
