import type { components } from '../api/schema';
import { param } from './search-params';

/**
 * What the membership lists filter on, in the URL and on the server: the shared filters, and
 * how a page's filters become the server's query parameters.
 */
/** A membership's states, as Waldur filters them (several at once, combined with "or"). */
export const MEMBERSHIP_STATES = ['pending', 'active'] as const satisfies readonly MembershipState[];
export type MembershipState = components['schemas']['KeycloakUserGroupMembershipState'];

/** The filters every membership list has: exact username and email, and the states. */
export const membershipFilterShape = {
  username: param.string(),
  email: param.string(),
  state: param.list(),
};

/** The states in the URL that Waldur knows, in a fixed order (an unknown one is not sent). */
export function membershipStates(values: readonly string[]): MembershipState[] {
  return MEMBERSHIP_STATES.filter((state) => values.includes(state));
}

/** Whether any list filter is set (a text, a chosen value, or one of several). */
export function anyFilter(filters: Record<string, string | readonly string[]>): boolean {
  return Object.values(filters).some((value) => value.length > 0);
}

/**
 * The list filters as the server's query parameters: each under its server name (`renames`,
 * e.g. `group` is sent as `group_uuid`; others keep theirs), an empty one left out.
 */
export function filterQuery<F extends Record<string, string | readonly string[]>>(
  filters: F,
  renames: Partial<Record<keyof F & string, string>>,
): Record<string, string | string[] | undefined> {
  return Object.fromEntries(
    Object.entries(filters).map(([name, value]) => [
      renames[name as keyof F & string] ?? name,
      value.length > 0 ? (typeof value === 'string' ? value : [...value]) : undefined,
    ]),
  );
}
