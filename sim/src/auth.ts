// Token authentication (DRF authtoken, one token per user) with sliding expiry, and
// POST /api-auth/password/.
import type { Core, Ctx } from './handlers/context.ts';
import { requireObject } from './http/body.ts';
import { HttpError, MESSAGES } from './http/errors.ts';
import { FieldValidator } from './http/fields.ts';
import type { ApiResult } from './http/result.ts';
import type { Account, Token } from './model/types.ts';
import { uuidHex } from './util/ids.ts';

function unauthorized(message: string): HttpError {
  return new HttpError(401, { detail: message }, undefined, { 'WWW-Authenticate': 'Token' });
}

function lifetimeMs(account: Account): number | null {
  return account.tokenLifetime === null ? null : account.tokenLifetime * 1000;
}

export function isTokenExpired(core: Core, token: Token, account: Account): boolean {
  const { faults, store } = core;
  if (faults.expiredUpTo !== null && token.seq <= faults.expiredUpTo) return true;
  const life = lifetimeMs(account);
  return life !== null && store.clock.wallMs() - token.lastUsed > life;
}

/** Authenticates the request or throws 401. */
export function authenticate(core: Core, request: Request): Account {
  const header = request.headers.get('authorization') ?? '';
  const parts = header.trim().split(/\s+/);
  if (parts.length !== 2 || parts[0]?.toLowerCase() !== 'token') throw unauthorized(MESSAGES.invalidToken);
  const token = core.store.tokens.get(parts[1] ?? '');
  const account = token ? core.store.accounts.get(token.accountUuid) : undefined;
  if (!token || !account) throw unauthorized(MESSAGES.invalidToken);
  if (isTokenExpired(core, token, account)) throw unauthorized(MESSAGES.tokenExpired);
  token.lastUsed = core.store.clock.wallMs();
  return account;
}

export function issueToken(core: Core, account: Account, key?: string): Token {
  const { store } = core;
  for (const [k, t] of store.tokens) if (t.accountUuid === account.uuid) store.tokens.delete(k);
  const seq = store.nextTokenSeq();
  const token: Token = {
    key: key ?? uuidHex(`login:${account.uuid}:${seq}`) + uuidHex(`login2:${seq}`).slice(0, 8),
    accountUuid: account.uuid,
    seq,
    lastUsed: store.clock.wallMs(),
  };
  store.tokens.set(token.key, token);
  return token;
}

export function tokenOf(core: Core, account: Account): Token | undefined {
  for (const t of core.store.tokens.values()) if (t.accountUuid === account.uuid) return t;
  return undefined;
}

/** POST /api-auth/password/ - returns the user's token, refreshed if it had expired. */
export async function obtainToken(ctx: Ctx): Promise<ApiResult> {
  const data = requireObject(await ctx.body());
  const v = new FieldValidator(data);
  const username = v.char('username', { required: true, maxLength: 128 });
  const password = v.char('password', { required: true, maxLength: 128, trim: false });
  v.throwIfErrors();
  const account = typeof username === 'string' ? ctx.store.accountByUsername(username) : undefined;
  if (!account || account.password !== password) throw unauthorized(MESSAGES.invalidCredentials);
  let token = tokenOf(ctx.core, account);
  if (!token || isTokenExpired(ctx.core, token, account)) token = issueToken(ctx.core, account);
  token.lastUsed = ctx.store.clock.wallMs();
  return { status: 200, body: { token: token.key } };
}
