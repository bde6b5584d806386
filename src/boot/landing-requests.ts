import { groupsSearchSchema } from '../features/offering-groups/groups-search';
import { parseSearchParams } from '../lib/search-params';
import { GRANT_READS_AT_ONCE } from '../features/offering-access/read-limits';

export type LandingRequests = {
  /** GET URLs to send at once. */
  now: string[];
  /** The offering's URL (one of `now`), when `keycloak` waits for it. */
  offering?: string;
  /** GET URLs to send once the offering says Keycloak is enabled: Waldur answers 400 otherwise. */
  keycloak: string[];
  /**
   * Access tab: once the user (`me`, one of `now`) has answered as staff and the resources
   * (`resources`, one of `now`) have, the team members of the first `count` of them, the grant
   * reads the tab starts with (`url` of a resource's uuid).
   */
  teamMembers?: { me: string; resources: string; count: number; url: (resourceUuid: string) => string };
};

const NONE: LandingRequests = { now: [], keycloak: [] };

/**
 * The API requests the page a visit lands on sends first, as the app itself would send them
 * (same URLs, byte for byte: landing-requests.test.ts holds them to the route loaders): the
 * offering and, on its groups tab, the page of groups in the URL, on its Sync status tab the
 * sync status, or on its Access tab (Waldur 8.0.8+) the user and the resources, then the first
 * grant reads. Other pages: none. `base` is the API's origin (config.json's apiUrl).
 */
export function landingRequests(base: string, pathname: string, search: string): LandingRequests {
  const match = /^\/offerings\/([^/]+)\/(groups|sync|access)\/?$/.exec(pathname);
  const [, rawUuid = '', tab] = match ?? [];
  if (!match) return NONE;
  const offering = encodeURIComponent(safeDecode(rawUuid));
  const api = `${base}/api`;
  const offeringUrl = `${api}/marketplace-provider-offerings/${offering}/`;
  if (tab === 'access') {
    // Waldur 8.0.8+: every grant read waits for the user (staff or not) and the resources; sent
    // here, their answers are in before the first render holds the page's main thread.
    const hex = encodeURIComponent(safeDecode(rawUuid).replaceAll('-', '').toLowerCase());
    const resources = `${api}/marketplace-provider-resources/?offering_uuid=${hex}&o=name&page=1&page_size=300`;
    const me = `${api}/users/me/`;
    const teamMembers = (resourceUuid: string) =>
      `${api}/marketplace-resources/${encodeURIComponent(resourceUuid.replaceAll('-', '').toLowerCase())}/team_members/?page=1&page_size=300`;
    return {
      now: [offeringUrl, me, resources],
      keycloak: [],
      teamMembers: { me, resources, count: GRANT_READS_AT_ONCE, url: teamMembers },
    };
  }
  if (tab === 'sync') {
    // The sync status only: its lines show first, from it alone. The group lists it is then
    // joined with are large (tens of thousands of remote groups); had they arrived with it, their
    // reading would come before the first line (bench figure 14: 5.2x → 6.5x the floor).
    const status = `${api}/offering-keycloak-groups/sync_status/?offering_uuid=${offering}`;
    const me = `${api}/users/me/`;
    return { now: [offeringUrl, me], offering: offeringUrl, keycloak: [status] };
  }
  const state = parseSearchParams(groupsSearchSchema, new URLSearchParams(search));
  const query = [
    `offering_uuid=${offering}`,
    state.role ? `role_uuid=${encodeURIComponent(state.role)}` : '',
    state.resource ? `resource_uuid=${encodeURIComponent(state.resource)}` : '',
    `page=${state.page}`,
    `page_size=${state.page_size}`,
  ];
  const groups = `${api}/offering-keycloak-groups/?${query.filter(Boolean).join('&')}`;
  return { now: [offeringUrl, groups], keycloak: [] };
}

/** A route param as React Router gives it: decoded, or as it is when it is not valid encoding. */
function safeDecode(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}
