// /api/version/ and /api/users/me/.
import { forbidden } from '../http/errors.ts';
import type { ApiResult } from '../http/result.ts';
import { serializeMe } from '../serializers/users.ts';
import type { Ctx, SimConfig } from './context.ts';
import { pickFields } from './filters.ts';

export const WALDUR_VERSION = '8.0.5';
export const WALDUR_VERSION_WITHOUT_OFFERING_KEYCLOAK = '8.0.8';
export const WALDUR_VERSION_81 = '8.1.3';

export function waldurVersion(config: SimConfig): string {
  if (config.waldur === '8.1') return WALDUR_VERSION_81;
  return config.withoutOfferingKeycloak ? WALDUR_VERSION_WITHOUT_OFFERING_KEYCLOAK : WALDUR_VERSION;
}

/**
 * 8.0.x: "Requires staff or support user permissions" (Waldur's VersionView). 8.1.2+: any
 * authenticated user; `latest_version` only for staff and support (MM `test_version.py`).
 */
export function version(ctx: Ctx): ApiResult {
  const privileged = ctx.user.isStaff || ctx.user.isSupport;
  if (ctx.core.config.waldur === '8.1') {
    return {
      status: 200,
      body: privileged ? { version: WALDUR_VERSION_81, latest_version: WALDUR_VERSION_81 } : { version: WALDUR_VERSION_81 },
    };
  }
  if (!privileged) throw forbidden();
  return { status: 200, body: { version: waldurVersion(ctx.core.config) } };
}

export function me(ctx: Ctx): ApiResult {
  return { status: 200, body: pickFields(ctx, serializeMe(ctx, ctx.user)) };
}
