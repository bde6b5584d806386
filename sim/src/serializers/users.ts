// /api/users/me/ (Waldur's UserSerializer, with the token fields of the signed-in user).
import { tokenOf } from '../auth.ts';
import type { Ctx } from '../handlers/context.ts';
import type { JsonValue } from '../http/errors.ts';
import type { Account } from '../model/types.ts';
import { formatMicros } from '../util/time.ts';
import { urls, type Json } from './urls.ts';

export function serializeMe(ctx: Ctx, account: Account): Json {
  const store = ctx.store;
  const token = tokenOf(ctx.core, account);
  const lifetime = account.tokenLifetime;
  const permissions: JsonValue[] = account.ownerOf.map((customerUuid) => {
    const customer = store.customers.get(customerUuid);
    return {
      user_uuid: account.uuid,
      user_name: `${account.firstName} ${account.lastName}`,
      user_slug: account.username,
      created: formatMicros(account.created),
      expiration_time: null,
      created_by_full_name: '',
      created_by_username: '',
      role_name: 'CUSTOMER.OWNER',
      role_description: 'Organization owner',
      role_uuid: 'a3f9c1e2b4d54e6f8a7b9c0d1e2f3a4b',
      scope_type: 'customer',
      scope_uuid: customerUuid,
      scope_name: customer?.name ?? '',
      customer_uuid: customerUuid,
      customer_name: customer?.name ?? '',
    };
  });
  return {
    url: urls.user(ctx, account.uuid),
    uuid: account.uuid,
    username: account.username,
    slug: account.username,
    full_name: `${account.firstName} ${account.lastName}`,
    first_name: account.firstName,
    last_name: account.lastName,
    native_name: '',
    job_title: '',
    email: account.email,
    phone_number: '',
    organization: '',
    civil_number: null,
    description: '',
    is_staff: account.isStaff,
    is_active: true,
    is_support: account.isSupport,
    token: token?.key ?? '',
    token_lifetime: lifetime,
    token_expires_at: token && lifetime !== null ? formatMicros((token.lastUsed + lifetime * 1000) * 1000) : null,
    registration_method: 'default',
    date_joined: formatMicros(account.created),
    agreement_date: formatMicros(account.created),
    notifications_enabled: true,
    preferred_language: 'en',
    permissions,
    requested_email: null,
    identity_provider_name: '',
    identity_provider_label: '',
    identity_provider_management_url: '',
    identity_provider_fields: [],
    image: null,
    identity_source: '',
    has_active_session: true,
    ip_address: null,
  };
}
