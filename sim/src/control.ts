// The simulator's own control API under /__sim/ (never part of Waldur): reset, faults, tick,
// state, and changes to a realm "behind Waldur's back".
import { applyFaults } from './faults.ts';
import type { Core } from './handlers/context.ts';
import { readBody, isRecord } from './http/body.ts';
import { DJANGO_NOT_FOUND_HTML, HttpError, htmlError } from './http/errors.ts';
import type { JsonValue } from './http/errors.ts';
import type { ApiResult } from './http/result.ts';
import type { Realm } from './keycloak/realm.ts';
import { RealmConflict } from './keycloak/realm.ts';
import type { TickReport } from './tasks.ts';
import { normalizeUuid } from './util/ids.ts';
import { QueryParams } from './util/query.ts';

export interface ResetRequest {
  seed?: 'demo' | 'large';
  large?: Record<string, number>;
  withoutOfferingKeycloak?: boolean;
}

export interface ControlHost {
  core(): Core;
  reset(request?: ResetRequest): void;
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
  if (body.seed !== undefined) {
    if (body.seed !== 'demo' && body.seed !== 'large') throw bad(400, 'seed must be "demo" or "large".');
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

function conflict<T>(fn: () => T): T {
  try {
    return fn();
  } catch (err) {
    if (err instanceof RealmConflict) throw new HttpError(409, { detail: err.message });
    throw err;
  }
}

export async function handleControl(host: ControlHost, request: Request, url: URL): Promise<ApiResult> {
  const method = request.method.toUpperCase();
  const path = url.pathname.replace(/\/+$/, '');
  const query = new QueryParams(url.search);
  const core = host.core();

  if (path === '/__sim/reset' && method === 'POST') {
    const text = await request.clone().text();
    host.reset(text.trim() === '' ? {} : parseReset(await readBody(request)));
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

  if (path === '/__sim/remote/groups' && method === 'GET') {
    const realm = realmFor(core, query.get('offering_uuid'));
    const groups = realm.flatten().map((g) => ({
      id: g.id,
      name: g.name,
      path: g.path,
      parent_id: g.parentId,
      members: realm.membersOf(g.id).map((u) => u.username),
    }));
    return { status: 200, body: groups };
  }
  if (path === '/__sim/remote/groups' && method === 'POST') {
    const body = await bodyObject(request);
    const realm = realmFor(core, body.offering_uuid);
    const name = str(body.name, 'name', true) ?? '';
    const parentId = str(body.parent_id, 'parent_id') ?? null;
    if (parentId !== null && !realm.getGroup(parentId)) throw bad(404, 'Could not find parent group.');
    const group = conflict(() => realm.createGroup(name, parentId));
    return { status: 201, body: { id: group.id, path: group.path } };
  }
  if (path === '/__sim/remote/users' && method === 'POST') {
    const body = await bodyObject(request);
    const realm = realmFor(core, body.offering_uuid);
    const username = str(body.username, 'username', true) ?? '';
    const user = conflict(() =>
      realm.createUser({
        username,
        email: str(body.email, 'email') ?? '',
        firstName: str(body.first_name, 'first_name') ?? '',
        lastName: str(body.last_name, 'last_name') ?? '',
      }),
    );
    return { status: 201, body: { id: user.id, username: user.username } };
  }

  let m = /^\/__sim\/remote\/users\/([^/]+)$/.exec(path);
  if (m?.[1] !== undefined && (method === 'DELETE' || method === 'PATCH')) {
    const username = decodeURIComponent(m[1]);
    const body = method === 'PATCH' ? await bodyObject(request) : {};
    const realm = realmFor(core, body.offering_uuid ?? query.get('offering_uuid'));
    const user = realm.findUser(username);
    if (!user) throw bad(404, 'User not found.');
    if (method === 'DELETE') {
      realm.deleteUser(user.id);
      return { status: 204 };
    }
    const patch: { email?: string; firstName?: string; lastName?: string } = {};
    const email = str(body.email, 'email');
    const first = str(body.first_name, 'first_name');
    const last = str(body.last_name, 'last_name');
    if (email !== undefined) patch.email = email;
    if (first !== undefined) patch.firstName = first;
    if (last !== undefined) patch.lastName = last;
    realm.updateUser(user, patch);
    return { status: 200, body: { id: user.id, username: user.username } };
  }

  m = /^\/__sim\/remote\/groups\/([^/]+)$/.exec(path);
  if (m?.[1] !== undefined && method === 'DELETE') {
    const realm = realmFor(core, query.get('offering_uuid'));
    if (!realm.deleteGroup(decodeURIComponent(m[1]))) throw bad(404, 'Could not find group by id.');
    return { status: 204 };
  }

  m = /^\/__sim\/remote\/groups\/([^/]+)\/members$/.exec(path);
  if (m?.[1] !== undefined && method === 'POST') {
    const body = await bodyObject(request);
    const realm = realmFor(core, body.offering_uuid);
    const groupId = decodeURIComponent(m[1]);
    if (!realm.getGroup(groupId)) throw bad(404, 'Could not find group by id.');
    const user = realm.findUser(str(body.username, 'username', true) ?? '');
    if (!user) throw bad(404, 'User not found.');
    realm.addMember(groupId, user.id);
    return { status: 204 };
  }

  m = /^\/__sim\/remote\/groups\/([^/]+)\/members\/([^/]+)$/.exec(path);
  if (m?.[1] !== undefined && m[2] !== undefined && method === 'DELETE') {
    const realm = realmFor(core, query.get('offering_uuid'));
    const groupId = decodeURIComponent(m[1]);
    if (!realm.getGroup(groupId)) throw bad(404, 'Could not find group by id.');
    const user = realm.findUser(decodeURIComponent(m[2]));
    if (!user) throw bad(404, 'User not found.');
    realm.removeMember(groupId, user.id);
    return { status: 204 };
  }

  throw htmlError(404, DJANGO_NOT_FOUND_HTML);
}
