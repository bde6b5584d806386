import { t } from '@lingui/core/macro';
import { z } from 'zod/mini';
import type { components } from '../../api/schema';
import type { Offering } from '../../api/types';
import { formatNumber } from '../../lib/format';
import { templateError } from './group-name';

/**
 * The Keycloak settings form: its values, the checks Waldur makes (run before sending), the
 * body of `update_integration`, and the JSON export / import. Section 7 of the behaviour spec:
 * Waldur merges key by key after filling in defaults, so `plugin_options` is always sent whole,
 * and `secret_options` carries only what changed.
 */
type IntegrationRequest = components['schemas']['OfferingIntegrationUpdateRequest'];
type PluginOptions = components['schemas']['MergedPluginOptionsRequest'];
type SecretOptions = components['schemas']['MergedSecretOptionsRequest'];

export const SECRET_KEYS = [
  'keycloak_url',
  'keycloak_realm',
  'keycloak_user_realm',
  'keycloak_username',
  'keycloak_password',
  'keycloak_ssl_verify',
] as const;
export const PLUGIN_KEYS = [
  'keycloak_enabled',
  'keycloak_base_group',
  'keycloak_group_name_template',
  'keycloak_sync_frequency',
  'keycloak_username_label',
] as const;

export type SettingsValues = {
  keycloak_url: string;
  keycloak_realm: string;
  keycloak_user_realm: string;
  keycloak_username: string;
  /** Empty means "keep the saved one". */
  keycloak_password: string;
  keycloak_ssl_verify: boolean;
  keycloak_base_group: string;
  keycloak_group_name_template: string;
  /** As typed; a whole number >= 1 once valid. */
  keycloak_sync_frequency: string;
  keycloak_username_label: string;
  keycloak_enabled: boolean;
};

export type SettingsField = keyof SettingsValues;

/** The form's field names as Waldur's error bodies spell them (nested under the option object). */
export const SERVER_FIELD_PATHS: Record<string, SettingsField> = Object.fromEntries([
  ...SECRET_KEYS.map((key) => [`secret_options.${key}`, key]),
  ...PLUGIN_KEYS.map((key) => [`plugin_options.${key}`, key]),
]) as Record<string, SettingsField>;

export type Saved = { plugin: Record<string, unknown>; secret: Record<string, unknown> };

export function savedOptions(offering: Pick<Offering, 'plugin_options' | 'secret_options'>): Saved {
  return {
    plugin: { ...((offering.plugin_options ?? {}) as Record<string, unknown>) },
    secret: { ...((offering.secret_options ?? {}) as Record<string, unknown>) },
  };
}

const text = (value: unknown): string => (typeof value === 'string' ? value : typeof value === 'number' ? String(value) : '');

/** What the form starts with: the saved values; the password field starts empty. */
export function formValues(saved: Saved): SettingsValues {
  const { plugin, secret } = saved;
  return {
    keycloak_url: text(secret.keycloak_url),
    keycloak_realm: text(secret.keycloak_realm),
    keycloak_user_realm: text(secret.keycloak_user_realm),
    keycloak_username: text(secret.keycloak_username),
    keycloak_password: '',
    keycloak_ssl_verify: secret.keycloak_ssl_verify !== false,
    keycloak_base_group: text(plugin.keycloak_base_group),
    keycloak_group_name_template: text(plugin.keycloak_group_name_template),
    keycloak_sync_frequency: text(plugin.keycloak_sync_frequency),
    keycloak_username_label: text(plugin.keycloak_username_label),
    keycloak_enabled: plugin.keycloak_enabled === true,
  };
}

/** Waldur's words for a blank field, in the app's language as the issue is raised. */
const notBlank = () => t`This field may not be blank.`;

/** The longest sync interval accepted: a week, in minutes (Waldur takes any positive integer). */
export const MAX_SYNC_MINUTES = 7 * 24 * 60;
/** The username label is a field label in the Add member dialog. */
export const MAX_USERNAME_LABEL = 40;
const MAX_NAME = 255;

/** A realm name as it goes into Keycloak's URLs: letters and digits of any script, . _ - */
const REALM_NAME = /^[\p{L}\p{N}._-]+$/u;

/**
 * What works, beyond what Waldur checks (it takes any non-blank string): an http(s) address for
 * Keycloak, realm names Keycloak can have in a URL, and lengths the pages can show.
 */
function connectionProblems(values: SettingsValues): Array<[SettingsField, string]> {
  const problems: Array<[SettingsField, string]> = [];
  const max = formatNumber(MAX_NAME);
  const atMost = () => t`At most ${max} characters.`;
  const url = values.keycloak_url.trim();
  if (url) {
    let parsed: URL | null = null;
    try {
      parsed = new URL(url);
    } catch {
      parsed = null;
    }
    if (!parsed || (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') || !parsed.hostname) {
      problems.push([
        'keycloak_url',
        t`Enter the address of the Keycloak server, starting with https:// (or http://), e.g. https://keycloak.example.org.`,
      ]);
    }
  }
  for (const field of ['keycloak_realm', 'keycloak_user_realm'] as const) {
    const realm = values[field].trim();
    if (realm && !REALM_NAME.test(realm)) {
      problems.push([field, t`A realm name has letters, digits, “.”, “_” and “-” only (no spaces, symbols or markup).`]);
    } else if (realm.length > MAX_NAME) {
      problems.push([field, atMost()]);
    }
  }
  for (const field of ['keycloak_username', 'keycloak_base_group'] as const) {
    if (values[field].trim().length > MAX_NAME) problems.push([field, atMost()]);
  }
  if (values.keycloak_username_label.trim().length > MAX_USERNAME_LABEL) {
    const maxLabel = formatNumber(MAX_USERNAME_LABEL);
    problems.push(['keycloak_username_label', t`At most ${maxLabel} characters: it is the label of a field in Add member.`]);
  }
  return problems;
}
const SAVED_STRINGS: Array<{ field: SettingsField; saved: (s: Saved) => unknown }> = [
  { field: 'keycloak_url', saved: (s) => s.secret.keycloak_url },
  { field: 'keycloak_realm', saved: (s) => s.secret.keycloak_realm },
  { field: 'keycloak_user_realm', saved: (s) => s.secret.keycloak_user_realm },
  { field: 'keycloak_username', saved: (s) => s.secret.keycloak_username },
  { field: 'keycloak_base_group', saved: (s) => s.plugin.keycloak_base_group },
  { field: 'keycloak_group_name_template', saved: (s) => s.plugin.keycloak_group_name_template },
];

/**
 * Waldur's checks. A string option may not be blank, and since keys are merged, never removed,
 * a saved one cannot be emptied either; an empty field that was never saved is simply not sent.
 */
export function settingsSchema(saved: Saved) {
  return z
    .object({
      keycloak_url: z.string(),
      keycloak_realm: z.string(),
      keycloak_user_realm: z.string(),
      keycloak_username: z.string(),
      keycloak_password: z.string(),
      keycloak_ssl_verify: z.boolean(),
      keycloak_base_group: z.string(),
      keycloak_group_name_template: z.string(),
      keycloak_sync_frequency: z.string(),
      keycloak_username_label: z.string(),
      keycloak_enabled: z.boolean(),
    })
    .check(
      z.superRefine((values, ctx) => {
        for (const { field, saved: savedOf } of SAVED_STRINGS) {
          const value = values[field];
          if (typeof value === 'string' && value.trim() === '' && text(savedOf(saved)) !== '') {
            ctx.addIssue({ code: 'custom', path: [field], message: notBlank() });
          }
        }
        const template = values.keycloak_group_name_template.trim();
        const problem = template ? templateError(template) : null;
        if (problem) ctx.addIssue({ code: 'custom', path: ['keycloak_group_name_template'], message: problem });
        const frequency = values.keycloak_sync_frequency.trim();
        if (frequency !== '' || saved.plugin.keycloak_sync_frequency !== undefined) {
          if (!/^[-+]?\d+$/.test(frequency)) {
            ctx.addIssue({ code: 'custom', path: ['keycloak_sync_frequency'], message: t`A valid integer is required.` });
          } else if (Number(frequency) < 1) {
            ctx.addIssue({
              code: 'custom',
              path: ['keycloak_sync_frequency'],
              message: t`Ensure this value is greater than or equal to 1.`,
            });
          } else if (Number(frequency) > MAX_SYNC_MINUTES) {
            const maxMinutes = formatNumber(MAX_SYNC_MINUTES);
            ctx.addIssue({
              code: 'custom',
              path: ['keycloak_sync_frequency'],
              message: t`At most ${maxMinutes} minutes (a week): memberships would hardly ever be synced.`,
            });
          }
        }
        for (const [field, problem] of connectionProblems(values)) ctx.addIssue({ code: 'custom', path: [field], message: problem });
      }),
    );
}

/**
 * The `update_integration` body: every saved plugin option with the edits applied (so defaults
 * Waldur would fill in never reset one), and only the secret options that changed. Empty
 * fields that were never saved are left out.
 */
export function integrationRequest(saved: Saved, values: SettingsValues): IntegrationRequest {
  const plugin: Record<string, unknown> = { ...saved.plugin, keycloak_enabled: values.keycloak_enabled };
  const setText = (target: Record<string, unknown>, key: string, value: string) => {
    const trimmed = value.trim();
    if (trimmed !== '') target[key] = trimmed;
  };
  setText(plugin, 'keycloak_base_group', values.keycloak_base_group);
  setText(plugin, 'keycloak_group_name_template', values.keycloak_group_name_template);
  if (values.keycloak_sync_frequency.trim() !== '') plugin.keycloak_sync_frequency = Number(values.keycloak_sync_frequency.trim());
  // Blank is allowed here, and Waldur resets a missing label to "", so it is always sent.
  plugin.keycloak_username_label = values.keycloak_username_label.trim();

  const secret: Record<string, unknown> = {};
  for (const key of ['keycloak_url', 'keycloak_realm', 'keycloak_user_realm', 'keycloak_username'] as const) {
    const trimmed = values[key].trim();
    if (trimmed !== '' && trimmed !== text(saved.secret[key])) secret[key] = trimmed;
  }
  if (values.keycloak_password !== '' && values.keycloak_password !== text(saved.secret.keycloak_password)) {
    secret.keycloak_password = values.keycloak_password;
  }
  if (values.keycloak_ssl_verify !== (saved.secret.keycloak_ssl_verify !== false)) secret.keycloak_ssl_verify = values.keycloak_ssl_verify;

  const body: IntegrationRequest = { plugin_options: plugin as PluginOptions };
  if (Object.keys(secret).length > 0) body.secret_options = secret as SecretOptions;
  return body;
}

/**
 * The request that puts the Keycloak settings of `previous` back: the current plugin options
 * with the previous Keycloak keys, and the previous secret Keycloak keys (keys that were absent
 * before cannot be removed through Waldur's API, so they stay).
 */
export function restoreRequest(previous: Saved, current: Saved): IntegrationRequest {
  const plugin: Record<string, unknown> = { ...current.plugin };
  for (const key of PLUGIN_KEYS) if (key in previous.plugin) plugin[key] = previous.plugin[key];
  const secret: Record<string, unknown> = {};
  for (const key of SECRET_KEYS) if (key in previous.secret) secret[key] = previous.secret[key];
  return { plugin_options: plugin as PluginOptions, secret_options: secret as SecretOptions };
}

// ---- export / import -------------------------------------------------------------------------

export type SettingsExport = {
  plugin_options: Partial<Record<(typeof PLUGIN_KEYS)[number], unknown>>;
  secret_options: Partial<Record<(typeof SECRET_KEYS)[number], unknown>>;
};

/** The Keycloak settings as a JSON document; the password only when asked for. */
export function exportSettings(saved: Saved, withPassword: boolean): SettingsExport {
  const plugin_options: SettingsExport['plugin_options'] = {};
  for (const key of PLUGIN_KEYS) if (key in saved.plugin) plugin_options[key] = saved.plugin[key];
  const secret_options: SettingsExport['secret_options'] = {};
  for (const key of SECRET_KEYS) {
    if (key === 'keycloak_password' && !withPassword) continue;
    if (key in saved.secret) secret_options[key] = saved.secret[key];
  }
  return { plugin_options, secret_options };
}

/** Each key's check, and the problem with a wrong value (`path` and `got` as the file has them). */
type ImportRule = { check: (v: unknown) => boolean; wrong: (path: string, got: string) => string };
const trueOrFalse: ImportRule = {
  check: (v) => typeof v === 'boolean',
  wrong: (path, got) => t`“${path}”: expected true or false, got ${got}.`,
};
const importTypes: Record<string, ImportRule> = {
  keycloak_enabled: trueOrFalse,
  keycloak_ssl_verify: trueOrFalse,
  keycloak_sync_frequency: {
    check: (v) => typeof v === 'number' && Number.isInteger(v) && v >= 1,
    wrong: (path, got) => t`“${path}”: expected a whole number of at least 1, got ${got}.`,
  },
};
const textRule: ImportRule = { check: (v) => typeof v === 'string', wrong: (path, got) => t`“${path}”: expected text, got ${got}.` };

export type ImportResult = { values: Partial<SettingsValues>; problems: string[] };

/** Reads an exported document: values for the form (not saved), and a problem per wrong key. */
export function importSettings(textContent: string): ImportResult {
  let document: unknown;
  try {
    document = JSON.parse(textContent);
  } catch {
    return { values: {}, problems: [t`The file is not JSON.`] };
  }
  if (!document || typeof document !== 'object' || Array.isArray(document)) {
    return { values: {}, problems: [t`The file must hold an object with "plugin_options" and "secret_options".`] };
  }
  const values: Partial<SettingsValues> = {};
  const problems: string[] = [];
  const sections: Record<string, readonly string[]> = { plugin_options: PLUGIN_KEYS, secret_options: SECRET_KEYS };
  for (const [section, content] of Object.entries(document as Record<string, unknown>)) {
    const keys = sections[section];
    if (!keys) {
      problems.push(t`“${section}”: unknown key (expected plugin_options or secret_options).`);
      continue;
    }
    if (!content || typeof content !== 'object' || Array.isArray(content)) {
      problems.push(t`“${section}”: expected an object.`);
      continue;
    }
    for (const [key, value] of Object.entries(content as Record<string, unknown>)) {
      const path = `${section}.${key}`;
      if (!keys.includes(key)) {
        problems.push(t`“${path}”: unknown key.`);
        continue;
      }
      const rule = importTypes[key] ?? textRule;
      if (!rule.check(value)) {
        problems.push(rule.wrong(path, JSON.stringify(value)));
        continue;
      }
      const field = key as SettingsField;
      (values as Record<string, unknown>)[field] = key === 'keycloak_sync_frequency' ? String(value) : value;
    }
  }
  return { values, problems };
}
