import { i18n, type MessageDescriptor } from '@lingui/core';
import { msg, t } from '@lingui/core/macro';
import type { OfferingMembership, RemoteUser } from '../../api/types';
import { STATE_LOOK } from '../../components/state-look';

/**
 * Member-level drift of one group: each user of either side, matched by username
 * case-insensitively (Keycloak keeps usernames in lower case), classified by what is wrong and
 * so by its fix. Maps, so big groups stay cheap.
 *
 * - `remote-only`: in the Keycloak group, no membership in Waldur (fix: add to Waldur).
 * - `local-only`: an active membership whose user is not in the Keycloak group and Waldur has
 *   not flagged yet (fix: remove it, or re-add it so Waldur adds the user again).
 * - `pending`: Waldur waits for the user to exist in Keycloak (fix: the periodic check, or Pull
 *   members when Keycloak already lists the user in the group).
 * - `flagged`: Waldur reports a problem in `error_message` (fix: re-add).
 * - `drift`: in both, but email, first or last name differ (fix: Pull members, which copies
 *   Keycloak's non-empty values).
 */
export type DriftKind = 'remote-only' | 'local-only' | 'drift' | 'pending' | 'flagged';
export type LineKind = DriftKind | 'in-sync';

export const DRIFT_KINDS: readonly DriftKind[] = ['remote-only', 'local-only', 'drift', 'pending', 'flagged'];

/** Render with `i18n._(KIND_LABEL[kind])`. A membership's own state is said as the members lists say it. */
export const KIND_LABEL: Record<LineKind, MessageDescriptor> = {
  'remote-only': msg`Only in Keycloak`,
  'local-only': msg`Only in Waldur`,
  drift: msg`Details differ`,
  pending: STATE_LOOK.pending.label,
  flagged: STATE_LOOK.error.label,
  'in-sync': msg`In both`,
};

export type PersonField = 'email' | 'first_name' | 'last_name';
export const FIELD_LABEL: Record<PersonField, MessageDescriptor> = {
  email: msg`Email`,
  first_name: msg`First name`,
  last_name: msg`Last name`,
};
const FIELDS: readonly PersonField[] = ['email', 'first_name', 'last_name'];

/** One attribute that differs; `pullCopies` when Pull members would copy Keycloak's value. */
export type FieldDrift = { field: PersonField; waldur: string; keycloak: string; pullCopies: boolean };

export type MemberLine = {
  /** The matching key (normalised username). */
  key: string;
  username: string;
  kind: LineKind;
  local: OfferingMembership | null;
  remote: RemoteUser | null;
  fields: FieldDrift[];
};

export const usernameKey = (username: string) => username.trim().normalize('NFC').toLowerCase();

const collator = new Intl.Collator(undefined, { sensitivity: 'base', numeric: true });

/** Waldur keeps 100 characters of a name (pull_members clips what it copies). */
const WALDUR_LENGTH: Record<PersonField, number> = { email: 254, first_name: 100, last_name: 100 };
const clip = (value: string, max: number) => [...value].slice(0, max).join('');

export function fieldDrift(local: Pick<OfferingMembership, PersonField>, remote: Pick<RemoteUser, PersonField>): FieldDrift[] {
  const out: FieldDrift[] = [];
  for (const field of FIELDS) {
    const waldur = local[field] ?? '';
    const keycloak = remote[field] ?? '';
    if (clip(keycloak, WALDUR_LENGTH[field]) === waldur || keycloak === waldur) continue;
    out.push({ field, waldur, keycloak, pullCopies: keycloak !== '' });
  }
  return out;
}

function classify(local: OfferingMembership | null, remote: RemoteUser | null, fields: FieldDrift[]): LineKind {
  if (!local) return 'remote-only';
  if (local.error_message) return 'flagged';
  if (local.state === 'pending') return 'pending';
  if (!remote) return 'local-only';
  return fields.length ? 'drift' : 'in-sync';
}

/** Every user of either side, one line each, sorted by username. */
export function memberLines(local: readonly OfferingMembership[], remote: readonly RemoteUser[]): MemberLine[] {
  const remoteByKey = new Map<string, RemoteUser>();
  for (const user of remote) remoteByKey.set(usernameKey(user.username), user);
  const lines: MemberLine[] = [];
  const seen = new Set<string>();
  for (const member of local) {
    const key = usernameKey(member.username);
    seen.add(key);
    const user = remoteByKey.get(key) ?? null;
    const fields = user ? fieldDrift(member, user) : [];
    lines.push({ key, username: member.username, kind: classify(member, user, fields), local: member, remote: user, fields });
  }
  for (const [key, user] of remoteByKey) {
    if (seen.has(key)) continue;
    lines.push({ key, username: user.username, kind: 'remote-only', local: null, remote: user, fields: [] });
  }
  return lines.sort((a, b) => collator.compare(a.username, b.username));
}

export function countKinds(lines: readonly { kind: LineKind }[]): Record<LineKind, number> {
  const counts: Record<LineKind, number> = { 'remote-only': 0, 'local-only': 0, drift: 0, pending: 0, flagged: 0, 'in-sync': 0 };
  for (const line of lines) counts[line.kind] += 1;
  return counts;
}

/** What the line says about the difference, in words (also the CSV's "details" column). */
export function describeLine(line: {
  kind: LineKind;
  fields: readonly FieldDrift[];
  local: Pick<OfferingMembership, 'error_message'> | null;
  remote: unknown;
}): string {
  const empty = t`(empty)`;
  const fields = line.fields
    .map((f) => {
      const field = i18n._(FIELD_LABEL[f.field]);
      const waldur = f.waldur || empty;
      const keycloak = f.keycloak || empty;
      return t`${field}: Waldur “${waldur}”, Keycloak “${keycloak}”`;
    })
    .join('; ');
  // A sentence of its own before the fields (it ends with its full stop: no "it.;").
  const lead =
    line.kind === 'flagged'
      ? (line.local?.error_message ?? '')
      : line.kind === 'pending'
        ? line.remote
          ? t`Waiting for Waldur, but Keycloak already lists the user in the group: Pull members activates it.`
          : t`Waiting for the user to exist in Keycloak; Waldur’s periodic check activates it then.`
        : '';
  return [lead, fields].filter(Boolean).join(' ');
}
