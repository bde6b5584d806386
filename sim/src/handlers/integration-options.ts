// Waldur's typed serializers for `plugin_options` and `secret_options` (the union of every
// plugin's options, `MergedPluginOptionsRequest` / `MergedSecretOptionsRequest` in the 8.0.5
// schema). What `update_integration` does with them:
//   - keys the union does not know are dropped silently;
//   - every key sent is validated as its DRF field would (type, blank, minimum, choices);
//   - keys not sent that have a default are filled in with it, so the merge that follows
//     resets them (`keycloak_username_label` -> "" when a client leaves it out).
import { pythonTypeName } from '../http/body.ts';
import { MESSAGES } from '../http/errors.ts';

type Field =
  | { kind: 'bool'; default?: boolean }
  | { kind: 'int'; min?: number; max?: number; default?: number }
  | { kind: 'str'; blank?: boolean; maxLength?: number; default?: string }
  | { kind: 'choice'; choices: readonly (string | null)[]; default?: string; nullable?: boolean }
  | { kind: 'list'; item: 'str' | 'ip-mapping' }
  | { kind: 'any' };

const bool = (d?: boolean): Field => (d === undefined ? { kind: 'bool' } : { kind: 'bool', default: d });
const int = (min?: number, max?: number, d?: number): Field => ({ kind: 'int', min, max, default: d });
const str = (opts: { blank?: boolean; maxLength?: number; default?: string } = {}): Field => ({ kind: 'str', ...opts });

const STORAGE_MODES = ['fixed', 'dynamic'] as const;
const USERNAME_POLICIES = ['service_provider', 'anonymized', 'full_name', 'waldur_username', 'freeipa', 'identity_claim'] as const;
const DEPLOYMENT_MODES = ['self_managed', 'managed'] as const;
const ACCOUNT_NAME_POLICIES = ['project_slug', null] as const;
const NODE_DISK_DRIVERS = ['cinder', 'longhorn'] as const;

/** `MergedPluginOptionsRequest`, key for key. */
export const PLUGIN_OPTION_FIELDS: Record<string, Field> = {
  auto_approve_remote_orders: bool(),
  resource_expiration_threshold: int(undefined, undefined, 30),
  service_provider_can_create_offering_user: bool(),
  max_resource_termination_offset_in_days: int(0),
  default_resource_termination_offset_in_days: int(0),
  is_resource_termination_date_required: bool(),
  latest_date_for_resource_termination: str(),
  auto_approve_in_service_provider_projects: bool(),
  disable_autoapprove: bool(),
  supports_downscaling: bool(),
  supports_pausing: bool(),
  minimal_team_count_for_provisioning: int(1),
  maximal_resource_count_per_project: int(),
  unique_resource_per_attribute: str(),
  required_team_role_for_provisioning: str(),
  enable_purchase_order_upload: bool(),
  require_purchase_order_upload: bool(),
  conceal_billing_data: bool(),
  create_orders_on_resource_option_change: bool(),
  can_restore_resource: bool(),
  enable_provider_consumer_messaging: bool(),
  notify_about_provider_consumer_messages: bool(),
  restrict_deletion_with_active_resources: bool(),
  resource_name_pattern: str(),
  default_internal_network_mtu: int(68, 9000),
  max_instances: int(1),
  max_volumes: int(1),
  max_security_groups: int(1),
  storage_mode: { kind: 'choice', choices: STORAGE_MODES },
  snapshot_size_limit_gb: int(1),
  heappe_cluster_id: str(),
  heappe_local_base_path: str(),
  heappe_url: str(),
  heappe_username: str(),
  homedir_prefix: str({ default: '/home/' }),
  scratch_project_directory: str(),
  project_permanent_directory: str(),
  initial_primarygroup_number: int(0, undefined, 5000),
  initial_uidnumber: int(0, undefined, 5000),
  initial_usergroup_number: int(0, undefined, 6000),
  username_anonymized_prefix: str({ default: 'waldur_' }),
  username_generation_policy: { kind: 'choice', choices: USERNAME_POLICIES, default: 'service_provider' },
  enable_issues_for_membership_changes: bool(),
  deployment_mode: { kind: 'choice', choices: DEPLOYMENT_MODES },
  flavors_regex: str(),
  openstack_offering_uuid_list: { kind: 'list', item: 'str' },
  managed_rancher_server_flavor_name: str(),
  managed_rancher_server_system_volume_size_gb: int(),
  managed_rancher_server_system_volume_type_name: str(),
  managed_rancher_server_data_volume_size_gb: int(),
  managed_rancher_server_data_volume_type_name: str(),
  managed_rancher_worker_system_volume_size_gb: int(),
  managed_rancher_worker_system_volume_type_name: str(),
  managed_rancher_load_balancer_flavor_name: str(),
  managed_rancher_load_balancer_system_volume_size_gb: int(),
  managed_rancher_load_balancer_system_volume_type_name: str(),
  managed_rancher_load_balancer_data_volume_size_gb: int(),
  managed_rancher_load_balancer_data_volume_type_name: str(),
  managed_rancher_tenant_max_cpu: int(),
  managed_rancher_tenant_max_ram: int(),
  managed_rancher_tenant_max_disk: int(),
  account_name_generation_policy: { kind: 'choice', choices: ACCOUNT_NAME_POLICIES, nullable: true },
  enable_display_of_order_actions_for_service_provider: bool(true),
  slurm_periodic_policy_enabled: bool(false),
  auto_approve_marketplace_script: bool(true),
  keycloak_enabled: bool(),
  keycloak_base_group: str(),
  keycloak_sync_frequency: int(1),
  keycloak_group_name_template: str(),
  keycloak_username_label: str({ blank: true, default: '' }),
  highlight_backend_id_display: bool(false),
  backend_id_display_label: str({ default: 'Backend ID' }),
  disabled_resource_actions: { kind: 'list', item: 'str' },
};

/** `MergedSecretOptionsRequest`, key for key. */
export const SECRET_OPTION_FIELDS: Record<string, Field> = {
  heappe_cluster_password: str(),
  heappe_password: str(),
  ipv4_external_ip_mapping: { kind: 'list', item: 'ip-mapping' },
  openstack_api_tls_certificate: str({ blank: true }),
  dns_nameservers: { kind: 'list', item: 'str' },
  shared_user_password: str(),
  template_confirmation_comment: str(),
  language: str(),
  environ: { kind: 'any' },
  create: str(),
  terminate: str(),
  update: str(),
  pull: str(),
  api_url: str(),
  token: str(),
  customer_uuid: str(),
  backend_url: str({ maxLength: 200 }),
  username: str({ maxLength: 100 }),
  password: str({ maxLength: 100 }),
  cloud_init_template: str(),
  managed_rancher_load_balancer_cloud_init_template: str({ blank: true }),
  vault_host: str(),
  vault_port: int(),
  vault_token: str(),
  vault_tls_verify: bool(),
  keycloak_url: str(),
  keycloak_realm: str(),
  keycloak_user_realm: str(),
  keycloak_username: str(),
  keycloak_password: str(),
  keycloak_sync_frequency: int(),
  keycloak_ssl_verify: bool(),
  argocd_k8s_namespace: str(),
  argocd_k8s_kubeconfig: str(),
  base_image_name: str(),
  private_registry_url: str(),
  private_registry_user: str(),
  private_registry_password: str(),
  k8s_version: str(),
  node_disk_driver: { kind: 'choice', choices: NODE_DISK_DRIVERS },
};

/** `KeycloakScopeOptionRequest`: three required, non-blank strings. */
export const SCOPE_OPTION_FIELDS: Record<string, Field> = { scope_type: str(), scope_id: str(), label: str() };

/** The names `keycloak_group_name_template` may use (`utils._ALLOWED_TEMPLATE_VARS`). */
export const ALLOWED_TEMPLATE_VARS: ReadonlySet<string> = new Set([
  'role_name',
  'scope_id',
  'offering_uuid',
  'offering_name',
  'offering_slug',
  'organization_uuid',
  'organization_name',
  'organization_slug',
  'resource_uuid',
  'resource_name',
  'resource_slug',
  'project_uuid',
  'project_name',
  'project_slug',
]);

/** `utils.validate_group_name_template`: Python's `\$\{?(\w+)\}?` (\w is Unicode there). */
export function validateGroupNameTemplate(template: string): string | null {
  const unknown = new Set<string>();
  for (const m of template.matchAll(/\$\{?([\p{L}\p{N}_]+)\}?/gu)) {
    const name = m[1] ?? '';
    if (!ALLOWED_TEMPLATE_VARS.has(name)) unknown.add(name);
  }
  if (unknown.size === 0) return null;
  // Python sorts str by code point, as the default JS sort of these strings does.
  return `Unknown template variables: ${[...unknown].sort().join(', ')}`;
}

const TRUE_VALUES = new Set<unknown>(['t', 'T', 'y', 'Y', 'yes', 'Yes', 'YES', 'true', 'True', 'TRUE', 'on', 'On', 'ON', '1', 1, true]);
const FALSE_VALUES = new Set<unknown>([
  'f',
  'F',
  'n',
  'N',
  'no',
  'No',
  'NO',
  'false',
  'False',
  'FALSE',
  'off',
  'Off',
  'OFF',
  '0',
  0,
  false,
]);

type Outcome = { ok: true; value: unknown } | { ok: false; errors: unknown };

function fail(message: string): Outcome {
  return { ok: false, errors: [message] };
}

function validateString(raw: unknown, blank: boolean, maxLength?: number): Outcome {
  if (typeof raw !== 'string' && typeof raw !== 'number') return fail(MESSAGES.invalidString);
  if (typeof raw === 'number' && !Number.isFinite(raw)) return fail(MESSAGES.invalidString);
  const value = String(raw).trim();
  if (value === '' && !blank) return fail(MESSAGES.notBlank);
  if (maxLength !== undefined && [...value].length > maxLength) {
    return fail(`Ensure this field has no more than ${maxLength} characters.`);
  }
  return { ok: true, value };
}

function validateField(field: Field, raw: unknown): Outcome {
  if (raw === null && !(field.kind === 'choice' && field.nullable) && field.kind !== 'any') return fail(MESSAGES.notNull);
  switch (field.kind) {
    case 'any':
      return { ok: true, value: raw };
    case 'bool':
      if (TRUE_VALUES.has(raw)) return { ok: true, value: true };
      if (FALSE_VALUES.has(raw)) return { ok: true, value: false };
      return fail('Must be a valid boolean.');
    case 'int': {
      // DRF IntegerField: int(str(data)) after stripping a ".0" tail; bools and floats with a
      // fraction are refused.
      if (typeof raw === 'boolean' || (typeof raw !== 'number' && typeof raw !== 'string')) {
        return fail('A valid integer is required.');
      }
      const text = String(raw).trim().replace(/\.0*$/, '');
      if (!/^[-+]?\d+$/.test(text)) return fail('A valid integer is required.');
      const value = Number(text);
      if (field.min !== undefined && value < field.min) return fail(`Ensure this value is greater than or equal to ${field.min}.`);
      if (field.max !== undefined && value > field.max) return fail(`Ensure this value is less than or equal to ${field.max}.`);
      return { ok: true, value };
    }
    case 'str':
      return validateString(raw, field.blank ?? false, field.maxLength);
    case 'choice':
      if (raw === null || field.choices.includes(raw as string)) return { ok: true, value: raw };
      return fail(`"${String(raw)}" is not a valid choice.`);
    case 'list': {
      if (!Array.isArray(raw)) return fail(`Expected a list of items but got type "${pythonTypeName(raw)}".`);
      const values: unknown[] = [];
      const itemErrors: Record<string, unknown> = {};
      raw.forEach((item, i) => {
        const r =
          field.item === 'str'
            ? validateString(item, false)
            : validateObject(
                item,
                {
                  floating_ip: str(),
                  external_ip: str(),
                },
                true,
              );
        if (r.ok) values.push(r.value);
        else itemErrors[String(i)] = r.errors;
      });
      if (Object.keys(itemErrors).length > 0) return { ok: false, errors: itemErrors };
      return { ok: true, value: values };
    }
  }
}

/**
 * A nested serializer's `to_internal_value`: unknown keys dropped, each known key validated,
 * defaults filled in for the keys not sent (and, with `required`, a missing key is an error).
 */
export function validateObject(data: unknown, fields: Record<string, Field>, required = false): Outcome {
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    return { ok: false, errors: { non_field_errors: [`Invalid data. Expected a dictionary, but got ${pythonTypeName(data)}.`] } };
  }
  const input = data as Record<string, unknown>;
  const value: Record<string, unknown> = {};
  const errors: Record<string, unknown> = {};
  for (const [name, field] of Object.entries(fields)) {
    if (!Object.prototype.hasOwnProperty.call(input, name)) {
      if (required) errors[name] = [MESSAGES.required];
      else if ('default' in field && field.default !== undefined) value[name] = field.default;
      continue;
    }
    const r = validateField(field, input[name]);
    if (r.ok) value[name] = r.value;
    else errors[name] = r.errors;
  }
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  return { ok: true, value };
}
