// Injected faults: latency, slow paths, deterministic failures, a share of broken-proxy answers,
// Keycloak outages and token expiry. Set with POST /__sim/faults; `{}` clears everything.
import { isRecord } from './http/body.ts';
import { createPrng } from './util/prng.ts';
import type { Prng } from './util/prng.ts';
import type { QueryParams } from './util/query.ts';

export interface SlowRule {
  path: string;
  method?: string;
  query?: Record<string, string>;
  ms: number;
}

export interface FailRule {
  path: string;
  method?: string;
  query?: Record<string, string>;
  skip: number;
  /** How many requests fail after the skipped ones; null = all of them. */
  times: number | null;
  status: number;
  seen: number;
}

/**
 * A Keycloak write that fails while the rest of Keycloak works: removing this user from a group
 * (`username`) or deleting / emptying this remote group (`group_id`). Waldur only logs such
 * errors and answers 204, so the user keeps their access in Keycloak.
 */
export interface KeycloakReject {
  username?: string;
  group_id?: string;
}

export class Faults {
  latencyMs = 0;
  errorRate = 0;
  keycloakDown: true | Set<string> | false = false;
  keycloakRejects: KeycloakReject[] = [];
  /** Waldur 8.1 mode: the site agent's operator fails (every resource, or these resource uuids). */
  agentError: true | Set<string> | false = false;
  /** Tokens issued up to this sequence number answer "Token has expired.". */
  expiredUpTo: number | null = null;
  slow: SlowRule[] = [];
  fail: FailRule[] = [];
  private prng: Prng = createPrng(1);

  clear(): void {
    this.latencyMs = 0;
    this.errorRate = 0;
    this.keycloakDown = false;
    this.keycloakRejects = [];
    this.agentError = false;
    this.expiredUpTo = null;
    this.slow = [];
    this.fail = [];
    this.prng = createPrng(1);
  }

  isKeycloakDown(id: string): boolean {
    if (this.keycloakDown === true) return true;
    if (this.keycloakDown === false) return false;
    return this.keycloakDown.has(id);
  }

  agentFailsFor(resourceUuid: string): boolean {
    return this.agentError === true || (this.agentError !== false && this.agentError.has(resourceUuid));
  }

  /** Whether Keycloak refuses to remove `username` from the remote group `groupId` (either may be omitted). */
  rejectsKeycloakWrite(groupId: string, username?: string): boolean {
    return this.keycloakRejects.some(
      (rule) =>
        (rule.username !== undefined || rule.group_id !== undefined) &&
        (rule.group_id === undefined || rule.group_id === groupId) &&
        (rule.username === undefined || (username !== undefined && rule.username.toLowerCase() === username.toLowerCase())),
    );
  }

  describe(): Record<string, unknown> {
    return {
      latencyMs: this.latencyMs,
      errorRate: this.errorRate,
      keycloakDown: this.keycloakDown instanceof Set ? [...this.keycloakDown] : this.keycloakDown,
      keycloakRejects: this.keycloakRejects,
      agentError: this.agentError instanceof Set ? [...this.agentError] : this.agentError,
      expireTokens: this.expiredUpTo !== null,
      slow: this.slow,
      fail: this.fail,
    };
  }

  /** Extra milliseconds for this request. */
  delayFor(method: string, pathname: string, query: QueryParams): number {
    let extra = 0;
    for (const rule of this.slow) {
      if (matches(rule, method, pathname, query)) extra = Math.max(extra, rule.ms);
    }
    return this.latencyMs + extra;
  }

  /** Status of an injected failure for this request, or null. Counts matching requests. */
  failureFor(method: string, pathname: string, query: QueryParams, randomErrors: boolean): number | null {
    let status: number | null = null;
    for (const rule of this.fail) {
      if (!matches(rule, method, pathname, query)) continue;
      rule.seen += 1;
      const n = rule.seen - rule.skip;
      if (status === null && n > 0 && (rule.times === null || n <= rule.times)) status = rule.status;
    }
    if (status !== null) return status;
    if (randomErrors && this.errorRate > 0 && this.prng.next() < this.errorRate) return 500;
    return null;
  }
}

function matches(
  rule: { path: string; method?: string; query?: Record<string, string> },
  method: string,
  pathname: string,
  query: QueryParams,
): boolean {
  if (rule.method && rule.method.toUpperCase() !== method) return false;
  if (!pathname.includes(rule.path)) return false;
  for (const [k, v] of Object.entries(rule.query ?? {})) {
    if (query.get(k) !== v) return false;
  }
  return true;
}

type Errors = Record<string, string[]>;

function parseQueryMatch(value: unknown, where: string, errors: Errors): Record<string, string> | undefined {
  if (value === undefined) return undefined;
  if (!isRecord(value) || !Object.values(value).every((v) => typeof v === 'string')) {
    (errors[where] ??= []).push('Must be an object of strings.');
    return undefined;
  }
  return value as Record<string, string>;
}

function nonNegative(value: unknown, where: string, errors: Errors, fallback: number): number {
  if (value === undefined) return fallback;
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) {
    (errors[where] ??= []).push('Must be a non-negative number.');
    return fallback;
  }
  return value;
}

/** Validates a fault body and applies it (replacing every previous fault). */
export function applyFaults(faults: Faults, body: unknown, currentTokenSeq: number): Errors | null {
  const errors: Errors = {};
  if (!isRecord(body)) return { non_field_errors: ['Expected an object.'] };
  const known = new Set(['latencyMs', 'errorRate', 'keycloakDown', 'keycloakRejects', 'agentError', 'expireTokens', 'slow', 'fail']);
  for (const key of Object.keys(body)) if (!known.has(key)) (errors[key] ??= []).push('Unknown fault.');

  const latencyMs = nonNegative(body.latencyMs, 'latencyMs', errors, 0);
  const errorRate = nonNegative(body.errorRate, 'errorRate', errors, 0);
  if (errorRate > 1) (errors.errorRate ??= []).push('Must be between 0 and 1.');

  let keycloakDown: true | Set<string> | false = false;
  const kd = body.keycloakDown;
  if (kd === true) keycloakDown = true;
  else if (kd === undefined || kd === false) keycloakDown = false;
  else if (Array.isArray(kd) && kd.every((x) => typeof x === 'string')) {
    keycloakDown = new Set(kd.map((x) => x.replace(/-/g, '').toLowerCase()));
  } else (errors.keycloakDown ??= []).push('Must be true, false or a list of offering uuids.');

  let agentError: true | Set<string> | false = false;
  const ae = body.agentError;
  if (ae === true) agentError = true;
  else if (ae === undefined || ae === false) agentError = false;
  else if (Array.isArray(ae) && ae.every((x) => typeof x === 'string'))
    agentError = new Set(ae.map((x) => x.replace(/-/g, '').toLowerCase()));
  else (errors.agentError ??= []).push('Must be true, false or a list of resource uuids.');

  const keycloakRejects: KeycloakReject[] = [];
  if (body.keycloakRejects !== undefined) {
    if (!Array.isArray(body.keycloakRejects)) (errors.keycloakRejects ??= []).push('Must be a list.');
    else
      body.keycloakRejects.forEach((raw: unknown, i: number) => {
        const where = `keycloakRejects[${i}]`;
        const valid =
          isRecord(raw) &&
          Object.keys(raw).length > 0 &&
          Object.entries(raw).every(([key, value]) => (key === 'username' || key === 'group_id') && typeof value === 'string');
        if (!valid) (errors[where] ??= []).push('Needs "username" and/or "group_id" strings, nothing else.');
        else keycloakRejects.push(raw as KeycloakReject);
      });
  }

  if (body.expireTokens !== undefined && typeof body.expireTokens !== 'boolean') {
    (errors.expireTokens ??= []).push('Must be a boolean.');
  }

  const slow: SlowRule[] = [];
  if (body.slow !== undefined) {
    if (!Array.isArray(body.slow)) (errors.slow ??= []).push('Must be a list.');
    else
      body.slow.forEach((raw: unknown, i: number) => {
        const where = `slow[${i}]`;
        if (!isRecord(raw) || typeof raw.path !== 'string') {
          (errors[where] ??= []).push('Needs a "path" string.');
          return;
        }
        const rule: SlowRule = { path: raw.path, ms: nonNegative(raw.ms, where, errors, 0) };
        if (typeof raw.method === 'string') rule.method = raw.method.toUpperCase();
        const q = parseQueryMatch(raw.query, where, errors);
        if (q) rule.query = q;
        slow.push(rule);
      });
  }

  const fail: FailRule[] = [];
  if (body.fail !== undefined) {
    if (!Array.isArray(body.fail)) (errors.fail ??= []).push('Must be a list.');
    else
      body.fail.forEach((raw: unknown, i: number) => {
        const where = `fail[${i}]`;
        if (!isRecord(raw) || typeof raw.path !== 'string') {
          (errors[where] ??= []).push('Needs a "path" string.');
          return;
        }
        const status = raw.status === undefined ? 500 : raw.status;
        if (typeof status !== 'number' || !Number.isInteger(status) || status < 400 || status > 599) {
          (errors[where] ??= []).push('"status" must be an HTTP error status (400-599).');
          return;
        }
        const rule: FailRule = {
          path: raw.path,
          skip: nonNegative(raw.skip, where, errors, 0),
          times: raw.times === null ? null : nonNegative(raw.times, where, errors, 1),
          status,
          seen: 0,
        };
        if (typeof raw.method === 'string') rule.method = raw.method.toUpperCase();
        const q = parseQueryMatch(raw.query, where, errors);
        if (q) rule.query = q;
        fail.push(rule);
      });
  }

  if (Object.keys(errors).length > 0) return errors;
  faults.clear();
  faults.latencyMs = latencyMs;
  faults.errorRate = errorRate;
  faults.keycloakDown = keycloakDown;
  faults.agentError = agentError;
  faults.keycloakRejects = keycloakRejects;
  faults.expiredUpTo = body.expireTokens === true ? currentTokenSeq : null;
  faults.slow = slow;
  faults.fail = fail;
  return null;
}
