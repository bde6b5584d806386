import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { LoaderFunctionArgs } from 'react-router';
import { configureApi } from '../api/client';
import { setToken } from '../api/session';
import { groupsLoader, offeringLoader, syncLoader } from '../app/route-loaders';
import { connectionQueries } from '../features/connection/queries';
import { queryClient } from '../app/query-client';
import { landingRequests } from './landing-requests';
import { loader as accessLoader } from '../app/routes/offering-access';

// The boot script's requests are only of use if they are the very requests the app sends: the
// app takes an early answer by its exact URL. These tests run the real route loaders against a
// recording transport and hold the boot script's plan to what they asked for.
const BASE = 'http://waldur.test';
const OFFERING = 'f4c1e0d2a3b94c5d8e7f60718293a4b5';

let sent: string[] = [];
let keycloakEnabled = true;
let resources: { uuid: string; name: string }[] = [];
let staff = true;

beforeEach(() => {
  sent = [];
  keycloakEnabled = true;
  resources = [];
  staff = true;
  queryClient.clear();
  setToken('token', false);
  configureApi({ apiUrl: BASE, timeoutMs: 5_000 }, (request) => {
    sent.push(request.url);
    const body = request.url.includes('/marketplace-provider-offerings/')
      ? { uuid: OFFERING, plugin_options: { keycloak_enabled: keycloakEnabled } }
      : request.url.includes('/marketplace-provider-resources/')
        ? resources
        : request.url.endsWith('/users/me/')
          ? { uuid: 'u1', username: 'someone', is_staff: staff }
          : [];
    return Promise.resolve(Response.json(body, { headers: { 'X-Result-Count': '0' } }));
  });
});

afterEach(() => queryClient.clear());

/** Runs the loaders of the offering route and of one of its tabs, as React Router does, and waits for their requests. */
async function appRequests(path: string, tabLoader: (args: LoaderFunctionArgs) => unknown): Promise<string[]> {
  const url = new URL(path, 'http://app.test');
  const offeringUuid = decodeURIComponent(url.pathname.split('/')[2] ?? '');
  const args = { params: { offeringUuid }, request: new Request(url), context: undefined } as unknown as LoaderFunctionArgs;
  await Promise.all([offeringLoader(args), tabLoader(args)]);
  await waitForIdle();
  return [...new Set(sent)].sort();
}

async function waitForIdle() {
  for (let i = 0; i < 20 && queryClient.isFetching() > 0; i++) await new Promise((resolve) => setTimeout(resolve, 5));
  await new Promise((resolve) => setTimeout(resolve, 5));
}

function planned(path: string, keycloak = true): string[] {
  const url = new URL(path, 'http://app.test');
  const plan = landingRequests(BASE, url.pathname, url.search);
  return [...plan.now, ...(keycloak ? plan.keycloak : [])].sort();
}

describe('landingRequests', () => {
  it.each([
    `/offerings/${OFFERING}/groups`,
    `/offerings/${OFFERING}/groups?page=3&page_size=50`,
    `/offerings/${OFFERING}/groups?role=r%201&resource=x%2Fy&page=2`,
    `/offerings/${OFFERING}/groups?page=0&page_size=9999&show=linked&q=ab`,
    `/offerings/${OFFERING}/groups?page=abc&group=g1`,
  ])('sends what the groups tab sends first: %s', async (path) => {
    expect(planned(path)).toEqual(await appRequests(path, groupsLoader));
  });

  it('sends the offering, the user and, when Keycloak is enabled, the sync status as the Sync status tab and the shell do', async () => {
    const path = `/offerings/${OFFERING}/sync`;
    const me = `${BASE}/api/users/me/`;
    expect(planned(path)).toEqual(
      [
        `${BASE}/api/marketplace-provider-offerings/${OFFERING}/`,
        `${BASE}/api/offering-keycloak-groups/sync_status/?offering_uuid=${OFFERING}`,
        me,
      ].sort(),
    );
    expect(await appRequests(path, syncLoader)).toEqual(expect.arrayContaining(planned(path).filter((url) => url !== me)));
    // The user is asked for by the shell, not a loader.
    sent = [];
    await queryClient.fetchQuery(connectionQueries.me());
    expect(sent).toEqual([me]);

    // Without Keycloak neither asks for the sync status (Waldur answers 400).
    queryClient.clear();
    sent = [];
    keycloakEnabled = false;
    expect(planned(path, false)).toEqual(expect.arrayContaining(await appRequests(path, syncLoader)));
    expect(planned(path, false)).not.toContain(`${BASE}/api/offering-keycloak-groups/sync_status/?offering_uuid=${OFFERING}`);
  });

  it.each([
    `/offerings/${OFFERING}/access`,
    `/offerings/F4C1E0D2-A3B9-4C5D-8E7F-60718293A4B5/access?page=2&role=x`,
    `/offerings/a-B%20b%2Fc/access`,
  ])('sends the offering, the user and the resources as the Access tab does first: %s', async (path) => {
    // The grants are read once the user and the resources are in (no resources here); the
    // roles after them: none of those is sent early.
    expect(planned(path)).toEqual(
      await appRequests(path, accessLoader).then((urls) => urls.filter((url) => !url.includes('/marketplace-offering-roles/'))),
    );
  });

  it("sends the first grant reads of a staff user's Access tab as the tab does, once the user and the resources are in", async () => {
    const path = `/offerings/${OFFERING}/access`;
    resources = Array.from({ length: 60 }, (_, index) => ({
      uuid: `${String(index).padStart(2, '0')}A1B2C3-D4E5-F6A7-B8C9-D0E1F2A3B4C5`.slice(0, 36),
      name: `r${index}`,
    }));
    const plan = landingRequests(BASE, '/offerings/x/access', '');
    const teamMembers = plan.teamMembers;
    expect(teamMembers).toBeDefined();
    if (!teamMembers) return;
    const early = resources.slice(0, teamMembers.count).map((resource) => teamMembers.url(resource.uuid));
    expect(teamMembers.count).toBeLessThan(resources.length);
    const reads = (await appRequests(path, accessLoader)).filter((url) => url.includes('/team_members/'));
    // The app reads every resource; the boot script's are the first of them, URL for URL.
    expect(reads).toHaveLength(resources.length);
    expect(reads).toEqual(expect.arrayContaining(early));
    expect(sent.filter((url) => url.includes('/team_members/')).slice(0, teamMembers.count)).toEqual(early);
  });

  it('encodes an odd offering id in the URL the way the API client does', async () => {
    const path = `/offerings/a%20b%2Fc/groups`;
    expect(planned(path)).toEqual(await appRequests(path, groupsLoader));
  });

  it('sends nothing for pages it does not know', () => {
    for (const path of ['/offerings', `/offerings/${OFFERING}/members`, '/sign-in', `/offerings/${OFFERING}/groups/extra`]) {
      const plan = landingRequests(BASE, path, '');
      expect(plan.now.length + plan.keycloak.length).toBe(0);
    }
  });
});
