import { parseRuntimeConfig, readConfig } from '../api/config';
import { isKeycloakEnabled } from '../api/keycloak-enabled';
import { getToken } from '../api/session';
import { EARLY_FOR_MS, type BootRecord } from './boot-record';
import { applyInitialColorScheme } from './color-scheme';
import { landingRequests } from './landing-requests';
import { applyDocumentLocale, currentVisitLocale } from '../i18n/locales';

/**
 * index.html's first script, a few kilobytes, run while the page is still being parsed. Its
 * whole contract: it sets the colour scheme and the language (`<html lang dir>`) of the first paint (none of index.html's skeleton
 * when the sign-in form comes), reads /config.json, and sends the GET requests the page being
 * opened starts with (landing-requests.ts), leaving them on `window` (boot-record.ts). The app,
 * loaded by index.html beside it and waiting for nothing here, takes an answer by its exact URL
 * and token (api/early.ts) or sends its own. It draws nothing and delays nothing.
 */
applyInitialColorScheme();
const locale = currentVisitLocale();
applyDocumentLocale(locale);
const token = getToken();
if (!token || location.pathname.startsWith('/sign-in')) document.documentElement.setAttribute('data-boot-signed-out', '');

const requests: BootRecord['requests'] = new Map();
const config = readConfig();
window.__waldurKcBoot = { config, requests };
if (token) void config.then((raw) => sendEarly(token, parseRuntimeConfig(raw).apiUrl || location.origin));

function sendEarly(token: string, base: string) {
  const plan = landingRequests(base, location.pathname, location.search);
  const get = (url: string) =>
    fetch(url, { headers: { Authorization: `Token ${token}`, Accept: 'application/json', 'Accept-Language': locale } });
  const keep = (url: string, response: Promise<Response>) => {
    // A failure is the app's to handle when it takes the request: it then sends its own.
    response.catch(() => undefined);
    requests.set(url, { token, sentAt: performance.now(), response });
  };
  for (const url of plan.now) keep(url, get(url));
  const offering = plan.offering ? requests.get(plan.offering)?.response : undefined;
  if (offering && plan.keycloak.length) {
    const enabled = offering
      .then(async (answer) => answer.ok && isKeycloakEnabled((await answer.clone().json()) as Parameters<typeof isKeycloakEnabled>[0]))
      .catch(() => false);
    // Kept at once, sent when the offering allows: if the app asks before, it waits for this one
    // rather than sending a second.
    for (const url of plan.keycloak)
      keep(
        url,
        enabled.then((yes) => (yes ? get(url) : Promise.reject(new Error('not sent')))),
      );
  }
  const grants = plan.teamMembers;
  const me = grants ? requests.get(grants.me)?.response : undefined;
  const resources = grants ? requests.get(grants.resources)?.response : undefined;
  if (grants && me && resources) {
    const body = (response: Promise<Response>) =>
      response.then((answer) => (answer.ok ? (answer.clone().json() as Promise<unknown>) : null)).catch(() => null);
    // Staff reads every resource's team members; the first reads go out as soon as the user and
    // the resources are in, not once the app has loaded and rendered.
    void Promise.all([body(me), body(resources)]).then(([user, rows]) => {
      // The app has taken the resources already: it is ahead and sends its own reads (a second
      // of each would be wasted, and left for a later read to take).
      if (!requests.has(grants.resources) || !isStaffUser(user) || !Array.isArray(rows)) return;
      for (const row of rows.slice(0, grants.count) as { uuid?: unknown }[]) {
        const url = typeof row.uuid === 'string' ? grants.url(row.uuid) : null;
        if (url && !requests.has(url)) keep(url, get(url));
      }
    });
  }
  // Answers the app never took (another page by then, another filter) are let go.
  setTimeout(() => {
    for (const [url, early] of requests) {
      requests.delete(url);
      void early.response.then((answer) => answer.body?.cancel()).catch(() => undefined);
    }
  }, EARLY_FOR_MS);
}

function isStaffUser(user: unknown): boolean {
  return typeof user === 'object' && user !== null && 'is_staff' in user && user.is_staff === true;
}
