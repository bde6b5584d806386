// /api/version/ and /api/users/me/.
import { forbidden } from '../http/errors.ts';
import type { ApiResult } from '../http/result.ts';
import { serializeMe } from '../serializers.ts';
import type { Ctx } from './context.ts';

export const WALDUR_VERSION = '8.0.5';
export const WALDUR_VERSION_WITHOUT_OFFERING_KEYCLOAK = '8.0.8';

/** "Requires staff or support user permissions" (Waldur's VersionView). */
export function version(ctx: Ctx): ApiResult {
  if (!ctx.user.isStaff && !ctx.user.isSupport) throw forbidden();
  const v = ctx.core.config.withoutOfferingKeycloak ? WALDUR_VERSION_WITHOUT_OFFERING_KEYCLOAK : WALDUR_VERSION;
  return { status: 200, body: { version: v } };
}

export function me(ctx: Ctx): ApiResult {
  const body = serializeMe(ctx, ctx.user);
  const fields = ctx.query.getAll('field').filter(Boolean);
  if (fields.length === 0) return { status: 200, body };
  const picked: typeof body = {};
  for (const f of fields) if (f in body) picked[f] = body[f] ?? null;
  return { status: 200, body: picked };
}
