// The simulator's own control API under /__sim/ (never part of Waldur): reset, faults, tick,
// state, and changes to a realm "behind Waldur's back".
import { applyFaults } from './faults.ts';
import type { Core } from './handlers/context.ts';
import { readBody, isRecord } from './http/body.ts';
import { DJANGO_NOT_FOUND_HTML, HttpError, htmlError } from './http/errors.ts';
import type { JsonValue } from './http/errors.ts';
import type { ApiResult } from './http/result.ts';
import type { Realm } from './keycloak/realm.ts';
import type { GroupRepresentation, NewUser, RealmAdmin, UserRepresentation } from './keycloak/admin-api.ts';
import { fetchAll, KeycloakHttpError } from './keycloak/admin-api.ts';
import type { TickReport } from './tasks.ts';
import { normalizeUuid } from './util/ids.ts';
import { isSeedName, SEED_NAMES, type SeedName } from './seed/seeds.ts';
import { QueryParams } from './util/query.ts';

export interface ResetRequest {
  /** '8.0' (8.0.5) or '8.1' (8.1.3); absent: the construction options. */
  waldur?: '8.0' | '8.1';
  seed?: SeedName;
  large?: Record<string, number>;
  withoutOfferingKeycloak?: boolean;
}

export interface ControlHost {
  core(): Core;
  reset(request?: ResetRequest): Promise<void>;
  tick(): Promise<TickReport>;
  describe(): Record<string, unknown>;
}

/** Plain data (objects of strings, numbers, booleans, arrays) typed as JSON. */
function plain(value: object): JsonValue {
  return JSON.parse(JSON.stringify(value)) as JsonValue;
}

function bad(status: number, message: string): HttpError {
  return new HttpError(status, { detail: message });
}

function parseReset(body: unknown): ResetRequest {
  if (!isRecord(body)) throw bad(400, 'Expected an object.');
  const out: ResetRequest = {};
  if (body.waldur !== undefined) {
    if (body.waldur !== '8.0' && body.waldur !== '8.1') throw bad(400, 'waldur must be "8.0" or "8.1".');
    out.waldur = body.waldur;
  }
  if (body.seed !== undefined) {
    if (!isSeedName(body.seed)) throw bad(400, `seed must be ${SEED_NAMES.map((n) => `"${n}"`).join(', ')}.`);
    out.seed = body.seed;
  }
  if (body.large !== undefined) {
    if (!isRecord(body.large)) throw bad(400, 'large must be an object.');
    const large: Record<string, number> = {};
    for (const [k, v] of Object.entries(body.large)) {
      if (typeof v !== 'number' || !Number.isInteger(v) || v < 0) throw bad(400, `large.${k} must be a non-negative integer.`);
      large[k] = v;
    }
    out.large = large;
  }
  if (body.withoutOfferingKeycloak !== undefined) {
    if (typeof body.withoutOfferingKeycloak !== 'boolean') throw bad(400, 'withoutOfferingKeycloak must be a boolean.');
    out.withoutOfferingKeycloak = body.withoutOfferingKeycloak;
  }
  return out;
}

/** The realm of an offering (by offering uuid) or of a Rancher service (by settings uuid). */
function realmFor(core: Core, raw: unknown): Realm {
  const hex = normalizeUuid(raw);
  if (!hex) throw bad(400, 'offering_uuid is required (an offering or Rancher service settings uuid).');
  const offering = core.store.offerings.get(hex);
  if (offering) {
    const realm = core.store.realmOf(offering);
    if (!realm) throw bad(404, 'This offering has no Keycloak realm.');
    return realm;
  }
  const settings = core.store.serviceSettings.get(hex);
  const realm = settings ? core.store.realms.get(settings.realmKey) : undefined;
  if (!realm) throw bad(404, 'Offering not found.');
  return realm;
}

function realmAdmin(core: Core, raw: unknown): Promise<RealmAdmin> {
  return core.keycloak.realmAdmin(realmFor(core, raw));
}

/** Keycloak's answer as the control API's: 404 with `notFound`, 409 as a conflict. */
async function remote<T>(call: () => Promise<T>, notFound = 'Not found.'): Promise<T> {
  try {
    return await call();
  } catch (err) {
    if (err instanceof KeycloakHttpError && err.status === 404) throw bad(404, notFound);
    if (err instanceof KeycloakHttpError && err.status === 409) {
      const body = err.body as { errorMessage?: unknown } | undefined;
      throw new HttpError(409, { detail: typeof body?.errorMessage === 'string' ? body.errorMessage : 'Conflict.' });
    }
    throw err;
  }
}

async function findUser(admin: RealmAdmin, username: string): Promise<UserRepresentation> {
  const wanted = username.toLowerCase();
  const user = (await admin.getUsers({ username: wanted, exact: true })).find((u) => u.username === wanted);
  if (!user) throw bad(404, 'User not found.');
  return user;
}

/** Every group of the realm, depth first in name order, with its members' usernames. */
async function remoteGroups(admin: RealmAdmin): Promise<Array<Record<string, unknown>>> {
  const out: Array<Record<string, unknown>> = [];
  const walk = async (groups: GroupRepresentation[], parentId: string | null): Promise<void> => {
    for (const g of groups) {
      const members = await fetchAll((q) => admin.getMembers(g.id, q));
      out.push({ id: g.id, name: g.name, path: g.path, parent_id: parentId, members: members.map((u) => u.username) });
      if (g.subGroupCount) await walk(await fetchAll((q) => admin.getChildren(g.id, q)), g.id);
    }
  };
  await walk(await fetchAll((q) => admin.getGroups(q)), null);
  return out;
}

function str(value: unknown, name: string, required = false): string | undefined {
  if (value === undefined || value === null) {
    if (required) throw bad(400, `${name} is required.`);
    return undefined;
  }
  if (typeof value !== 'string') throw bad(400, `${name} must be a string.`);
  if (required && value === '') throw bad(400, `${name} is required.`);
  return value;
}

async function bodyObject(request: Request): Promise<Record<string, unknown>> {
  const body = await readBody(request);
  if (!isRecord(body)) throw bad(400, 'Expected an object.');
  return body;
}

export async function handleControl(host: ControlHost, request: Request, url: URL): Promise<ApiResult> {
  const method = request.method.toUpperCase();
  const path = url.pathname.replace(/\/+$/, '');
  const query = new QueryParams(url.search);
  const core = host.core();

  if (path === '/__sim/reset' && method === 'POST') {
    const text = await request.clone().text();
    await host.reset(text.trim() === '' ? {} : parseReset(await readBody(request)));
    return { status: 200, body: plain({ status: 'reset', ...host.describe() }) };
  }
  if (path === '/__sim/faults' && method === 'POST') {
    const body = await readBody(request);
    let maxSeq = 0;
    for (const t of core.store.tokens.values()) maxSeq = Math.max(maxSeq, t.seq);
    const errors = applyFaults(core.faults, body, maxSeq);
    if (errors) throw new HttpError(400, errors);
    return { status: 200, body: plain(core.faults.describe()) };
  }
  if (path === '/__sim/faults' && method === 'GET') return { status: 200, body: plain(core.faults.describe()) };
  if (path === '/__sim/tick' && method === 'POST') return { status: 200, body: plain(await host.tick()) };
  if (path === '/__sim/state' && method === 'GET') return { status: 200, body: plain(host.describe()) };

  // Changes "behind Waldur's back", through the Keycloak admin REST API of the realm: the
  // in-memory one, or the real server's in real mode.
  if (path === '/__sim/remote/groups' && method === 'GET') {
    const admin = await realmAdmin(core, query.get('offering_uuid'));
    return { status: 200, body: plain(await remoteGroups(admin)) };
  }
  if (path === '/__sim/remote/groups' && method === 'POST') {
    const body = await bodyObject(request);
    const admin = await realmAdmin(core, body.offering_uuid);
    const name = str(body.name, 'name', true) ?? '';
    const parentId = str(body.parent_id, 'parent_id') ?? null;
    if (parentId !== null) await remote(() => admin.getGroup(parentId), 'Could not find parent group.');
    const id = await remote(() => admin.createGroup(name, parentId));
    const group = await admin.getGroup(id);
    return { status: 201, body: { id, path: group.path } };
  }
  if (path === '/__sim/remote/users' && method === 'POST') {
    const body = await bodyObject(request);
    const admin = await realmAdmin(core, body.offering_uuid);
    const username = str(body.username, 'username', true) ?? '';
    const fields: NewUser = { username };
    const email = str(body.email, 'email');
    const first = str(body.first_name, 'first_name');
    const last = str(body.last_name, 'last_name');
    if (email) fields.email = email;
    if (first) fields.firstName = first;
    if (last) fields.lastName = last;
    const id = await remote(() => admin.createUser(fields));
    return { status: 201, body: { id, username: username.toLowerCase() } };
  }

  let m = /^\/__sim\/remote\/users\/([^/]+)$/.exec(path);
  if (m?.[1] !== undefined && (method === 'DELETE' || method === 'PATCH')) {
    const username = decodeURIComponent(m[1]);
    const body = method === 'PATCH' ? await bodyObject(request) : {};
    const admin = await realmAdmin(core, body.offering_uuid ?? query.get('offering_uuid'));
    const user = await findUser(admin, username);
    if (method === 'DELETE') {
      await admin.deleteUser(user.id);
      return { status: 204 };
    }
    const patch: Partial<NewUser> = {};
    const email = str(body.email, 'email');
    const first = str(body.first_name, 'first_name');
    const last = str(body.last_name, 'last_name');
    if (email !== undefined) patch.email = email;
    if (first !== undefined) patch.firstName = first;
    if (last !== undefined) patch.lastName = last;
    await admin.updateUser(user.id, patch);
    return { status: 200, body: { id: user.id, username: user.username } };
  }

  m = /^\/__sim\/remote\/groups\/([^/]+)$/.exec(path);
  if (m?.[1] !== undefined && method === 'DELETE') {
    const admin = await realmAdmin(core, query.get('offering_uuid'));
    const id = decodeURIComponent(m[1]);
    await remote(() => admin.deleteGroup(id), 'Could not find group by id.');
    return { status: 204 };
  }

  m = /^\/__sim\/remote\/groups\/([^/]+)\/members$/.exec(path);
  if (m?.[1] !== undefined && method === 'POST') {
    const body = await bodyObject(request);
    const admin = await realmAdmin(core, body.offering_uuid);
    const groupId = decodeURIComponent(m[1]);
    await remote(() => admin.getGroup(groupId), 'Could not find group by id.');
    const user = await findUser(admin, str(body.username, 'username', true) ?? '');
    await admin.addUserToGroup(user.id, groupId);
    return { status: 204 };
  }

  m = /^\/__sim\/remote\/groups\/([^/]+)\/members\/([^/]+)$/.exec(path);
  if (m?.[1] !== undefined && m[2] !== undefined && method === 'DELETE') {
    const admin = await realmAdmin(core, query.get('offering_uuid'));
    const groupId = decodeURIComponent(m[1]);
    await remote(() => admin.getGroup(groupId), 'Could not find group by id.');
    const user = await findUser(admin, decodeURIComponent(m[2]));
    await admin.removeUserFromGroup(user.id, groupId);
    return { status: 204 };
  }

  throw htmlError(404, DJANGO_NOT_FOUND_HTML);
}
