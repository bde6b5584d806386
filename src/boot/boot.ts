import { parseRuntimeConfig, readConfig } from '../api/config';
import { isKeycloakEnabled } from '../api/keycloak-enabled';
import { getToken } from '../api/session';
import { EARLY_FOR_MS, type BootRecord } from './boot-record';
import { applyInitialColorScheme } from './color-scheme';
import { landingRequests } from './landing-requests';

/**
 * index.html's first script, about a kilobyte, run while the app's code is still loading: it
 * sets up the first paint (index.html's skeleton of the frame: its colour scheme, and none when
 * the sign-in form comes), asks for /config.json, then sends the API requests the page being
 * opened starts with (landing-requests.ts), so that their answers are on their way while the app
 * loads and starts. The app takes them (api/early.ts) in place of sending its own. Built on its
 * own, not as a module of the app (vite.config.ts, `bootScript`).
 */
applyInitialColorScheme();
const token = getToken();
if (!token || location.pathname.startsWith('/sign-in')) document.documentElement.setAttribute('data-boot-signed-out', '');

const requests: BootRecord['requests'] = new Map();
const config = readConfig();
window.__waldurKcBoot = { config, requests };
if (token) void config.then((raw) => sendEarly(token, parseRuntimeConfig(raw).apiUrl || location.origin));

function sendEarly(token: string, base: string) {
  const plan = landingRequests(base, location.pathname, location.search);
  const get = (url: string) => fetch(url, { headers: { Authorization: `Token ${token}`, Accept: 'application/json' } });
  const keep = (url: string, response: Promise<Response>) => {
    // A failure is the app's to handle when it takes the request: it then sends its own.
    response.catch(() => undefined);
    requests.set(url, { token, sentAt: performance.now(), response });
  };
  for (const url of plan.now) keep(url, get(url));
  const offering = plan.offering ? requests.get(plan.offering)?.response : undefined;
  if (offering && plan.keycloak.length) {
    const enabled = offering
      .then((answer) => (answer.ok ? (answer.clone().json() as Promise<Parameters<typeof isKeycloakEnabled>[0] | null>) : null))
      .then((body) => body !== null && isKeycloakEnabled(body))
      .catch(() => false);
    // Kept at once, sent when the offering allows: if the app asks before, it waits for this one
    // rather than sending a second.
    for (const url of plan.keycloak)
      keep(
        url,
        enabled.then((yes) => (yes ? get(url) : Promise.reject(new Error('not sent')))),
      );
  }
  // Answers the app never took (another page by then, another filter) are let go.
  setTimeout(() => {
    for (const [url, early] of requests) {
      requests.delete(url);
      void early.response.then((answer) => answer.body?.cancel()).catch(() => undefined);
    }
  }, EARLY_FOR_MS);
}
