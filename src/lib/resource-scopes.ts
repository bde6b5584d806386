import { t } from '@lingui/core/macro';
import { isolate } from './bidi';
import type { ProviderResource } from '../api/types';

/** One entry of `options.keycloak_available_scopes` (free-form JSON in the schema). */
export type AvailableScope = { scope_type: string; scope_id: string; label: string };

const textOr = (value: unknown): string => (typeof value === 'string' ? value : '');

/** The scope IDs a resource accepts (`options.keycloak_available_scopes`), ignoring junk. */
export function availableScopes(resource: Pick<ProviderResource, 'options'> | undefined | null): AvailableScope[] {
  const options = resource?.options as { keycloak_available_scopes?: unknown } | null | undefined;
  const raw = options?.keycloak_available_scopes;
  if (!Array.isArray(raw)) return [];
  return raw.flatMap((item: unknown) => {
    if (!item || typeof item !== 'object') return [];
    const entry = item as Record<string, unknown>;
    if (typeof entry.scope_id !== 'string') return [];
    return [{ scope_type: textOr(entry.scope_type), scope_id: entry.scope_id, label: textOr(entry.label) }];
  });
}

/**
 * The scope IDs a role can use on a resource. Waldur takes a scope ID for a new membership only
 * when the resource offers it for the role's scope type ("The scope ID '…' is not configured
 * for scope type '…' on this resource."); an offering-wide role only those with no scope type.
 */
export function scopesForRole(
  resource: Pick<ProviderResource, 'options'> | undefined | null,
  scopeType: string | null | undefined,
): AvailableScope[] {
  return availableScopes(resource).filter((scope) => scope.scope_type === (scopeType ?? ''));
}

/** Why a scope ID does not go with a role on a resource, in the user's words; null when it does. */
export function scopeMismatch(
  resource: Pick<ProviderResource, 'options'> | undefined | null,
  scopeId: string | null | undefined,
  role: { scope_type?: string | null; scope_type_label?: string | null } | undefined,
): string | null {
  if (!scopeId || !role) return null;
  const offered = availableScopes(resource).filter((scope) => scope.scope_id === scopeId);
  const id = isolate(scopeId);
  if (offered.length === 0) return t`This resource does not offer the scope ID “${id}”.`;
  if (offered.some((scope) => scope.scope_type === (role.scope_type ?? ''))) return null;
  const offeringWide = t`offering-wide`;
  const types = [...new Set(offered.map((scope) => scope.scope_type || offeringWide))].join(', ');
  const wanted = role.scope_type_label || role.scope_type || offeringWide;
  return t`“${id}” is offered for ${types} roles, not for this role (${wanted}): Waldur refuses to add members with it.`;
}
