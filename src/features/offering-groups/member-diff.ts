import type { OfferingMembership, RemoteUser } from '../../api/types';

/**
 * Member-level drift of one group: who is a member in Waldur, who is in the Keycloak group, and
 * who is in both. Users are matched by username, case-insensitively (Keycloak keeps usernames
 * in lower case), with maps, so big groups stay cheap.
 */
export type Presence = 'both' | 'local' | 'remote';

export type MemberDiff = {
  local: { member: OfferingMembership; presence: 'both' | 'local' }[];
  remote: { user: RemoteUser; presence: 'both' | 'remote' }[];
  counts: { both: number; localOnly: number; remoteOnly: number };
};

export const PRESENCE_LABEL: Record<Presence, string> = {
  both: 'In both',
  local: 'Only in Waldur',
  remote: 'Only in Keycloak',
};

const key = (username: string) => username.trim().normalize('NFC').toLowerCase();

const collator = new Intl.Collator(undefined, { sensitivity: 'base', numeric: true });

export function diffMembers(local: readonly OfferingMembership[], remote: readonly RemoteUser[]): MemberDiff {
  const remoteNames = new Set(remote.map((user) => key(user.username)));
  const localNames = new Set(local.map((member) => key(member.username)));
  const localRows = local
    .map((member) => ({ member, presence: remoteNames.has(key(member.username)) ? ('both' as const) : ('local' as const) }))
    .sort((a, b) => collator.compare(a.member.username, b.member.username));
  const remoteRows = remote
    .map((user) => ({ user, presence: localNames.has(key(user.username)) ? ('both' as const) : ('remote' as const) }))
    .sort((a, b) => collator.compare(a.user.username, b.user.username));
  const both = localRows.filter((row) => row.presence === 'both').length;
  return {
    local: localRows,
    remote: remoteRows,
    counts: {
      both,
      localOnly: localRows.length - both,
      remoteOnly: remoteRows.filter((row) => row.presence === 'remote').length,
    },
  };
}
