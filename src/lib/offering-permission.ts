import { t } from '@lingui/core/macro';
import { isolate } from './bidi';
/**
 * Whether the signed-in user may manage an offering's Keycloak groups. Waldur does not say so
 * up front; it sends `secret_options` only to users allowed to manage the offering (staff, or
 * whoever holds "manage resource users" on its organization). This is a hint: the server
 * still decides, and a 403 answer is shown where it happens.
 */
export type OfferingPermission = {
  canManage: boolean;
  /** Why actions are disabled, for the user; null when they are allowed. */
  reason: string | null;
};

type OfferingLike = { secret_options?: unknown; customer_name?: string | null };
type UserLike = { is_staff?: boolean | null } | null | undefined;

function hasSecrets(value: unknown): boolean {
  return Boolean(value) && typeof value === 'object' && Object.keys(value as object).length > 0;
}

/** Whether the user may manage the offering, as far as Waldur's answers tell (see above). */
export function canManageOffering(offering: OfferingLike | undefined, me: UserLike): boolean {
  return Boolean(me?.is_staff) || (offering !== undefined && hasSecrets(offering.secret_options));
}

export function offeringPermission(offering: OfferingLike | undefined, me: UserLike): OfferingPermission {
  if (canManageOffering(offering, me)) return { canManage: true, reason: null };
  // Still finding out who the user is: hold the actions back without blaming anyone.
  if (me === undefined) return { canManage: false, reason: null };
  const organization = offering?.customer_name ? isolate(offering.customer_name) : '';
  return {
    canManage: false,
    reason: organization
      ? t`You cannot manage this offering: only staff and ${organization}’s owners (users who manage its resource users) can.`
      : t`You cannot manage this offering: only staff and the organization’s owners (users who manage its resource users) can.`,
  };
}
