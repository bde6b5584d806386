import { describe, expect, it } from 'vitest';
import { normaliseHttpError, splitFormErrors } from '../../api/errors';
import {
  SERVER_FIELD_PATHS,
  exportSettings,
  formValues,
  importSettings,
  integrationRequest,
  restoreRequest,
  settingsSchema,
} from './settings-schema';

const saved = {
  plugin: { keycloak_enabled: true, keycloak_base_group: 'waldur', resource_expiration_threshold: 60, keycloak_username_label: 'CUID' },
  secret: { keycloak_url: 'https://kc/', keycloak_realm: 'alpha', keycloak_username: 'admin', keycloak_password: 'pw', other: 1 },
};

describe('integrationRequest', () => {
  it('sends every saved plugin option with the edits, and only the changed secret options', () => {
    const values = { ...formValues(saved), keycloak_realm: ' beta ', keycloak_sync_frequency: '5' };
    expect(integrationRequest(saved, values)).toEqual({
      plugin_options: { ...saved.plugin, keycloak_sync_frequency: 5 },
      secret_options: { keycloak_realm: 'beta' },
    });
  });

  it('an empty password keeps the saved one; a typed one is sent; TLS only when changed', () => {
    expect(integrationRequest(saved, formValues(saved)).secret_options).toBeUndefined();
    const values = { ...formValues(saved), keycloak_password: 'new', keycloak_ssl_verify: false };
    expect(integrationRequest(saved, values).secret_options).toEqual({ keycloak_password: 'new', keycloak_ssl_verify: false });
  });
});

describe('settingsSchema: Waldur’s checks before sending', () => {
  const check = (patch: Record<string, unknown>) => {
    const result = settingsSchema(saved).safeParse({ ...formValues(saved), ...patch });
    return result.success ? {} : Object.fromEntries(result.error.issues.map((issue) => [issue.path.join('.'), issue.message]));
  };

  it('saved strings may not be emptied; never-saved ones may stay empty', () => {
    expect(check({ keycloak_base_group: '  ', keycloak_url: '' })).toEqual({
      keycloak_base_group: 'This field may not be blank.',
      keycloak_url: 'This field may not be blank.',
    });
    expect(check({ keycloak_group_name_template: '', keycloak_user_realm: '' })).toEqual({});
  });

  it('template and sync frequency as Waldur words them', () => {
    expect(check({ keycloak_group_name_template: '$offering_uuid_$role_name', keycloak_sync_frequency: '0' })).toEqual({
      keycloak_group_name_template: 'Unknown template variables: offering_uuid_',
      keycloak_sync_frequency: 'Ensure this value is greater than or equal to 1.',
    });
    expect(check({ keycloak_sync_frequency: '1.5' })).toEqual({ keycloak_sync_frequency: 'A valid integer is required.' });
  });
});

describe('export, import and restore', () => {
  it('refuses, next to the field, what would not work: a non-http URL, a realm with markup, a huge frequency, a long label', () => {
    const problems = (patch: Partial<ReturnType<typeof formValues>>) => {
      const result = settingsSchema(saved).safeParse({ ...formValues(saved), ...patch });
      return result.success ? {} : Object.fromEntries(result.error.issues.map((issue) => [issue.path.join('.'), issue.message]));
    };
    expect(problems({ keycloak_url: 'javascript:alert(1)' }).keycloak_url).toMatch(/starting with https:\/\//);
    expect(problems({ keycloak_url: 'keycloak.example.org' }).keycloak_url).toMatch(/starting with https:\/\//);
    expect(problems({ keycloak_url: 'http://127.0.0.1:8180/' })).toEqual({});
    expect(problems({ keycloak_realm: '<b>x</b> 🚀' }).keycloak_realm).toMatch(/letters, digits/);
    expect(problems({ keycloak_realm: 'forschung-2024_ü' })).toEqual({});
    expect(problems({ keycloak_sync_frequency: '99999999' }).keycloak_sync_frequency).toMatch(/^At most 10,080 minutes/);
    expect(problems({ keycloak_sync_frequency: '10080' })).toEqual({});
    expect(problems({ keycloak_username_label: 'L'.repeat(500) }).keycloak_username_label).toMatch(/^At most 40 characters/);
  });

  it('export leaves the password out unless asked; import round-trips it into form values', () => {
    const document = exportSettings(saved, false);
    expect(document.secret_options).not.toHaveProperty('keycloak_password');
    expect(document.secret_options).not.toHaveProperty('other');
    const { values, problems } = importSettings(JSON.stringify(exportSettings(saved, true)));
    expect(problems).toEqual([]);
    expect(values).toMatchObject({
      keycloak_realm: 'alpha',
      keycloak_password: 'pw',
      keycloak_base_group: 'waldur',
      keycloak_enabled: true,
    });
  });

  it('wrong keys and types are reported per key, the good ones still imported', () => {
    const { values, problems } = importSettings(
      JSON.stringify({ plugin_options: { keycloak_sync_frequency: 'often', nope: 1 }, secret_options: { keycloak_realm: 'r' }, extra: {} }),
    );
    expect(values).toEqual({ keycloak_realm: 'r' });
    expect(problems).toEqual([
      '“plugin_options.keycloak_sync_frequency”: expected a whole number of at least 1, got "often".',
      '“plugin_options.nope”: unknown key.',
      '“extra”: unknown key (expected plugin_options or secret_options).',
    ]);
    expect(importSettings('{').problems).toEqual(['The file is not JSON.']);
  });

  it('restore puts back the previous Keycloak keys and keeps the rest of the current plugin options', () => {
    const current = {
      plugin: { ...saved.plugin, keycloak_base_group: 'other', x: 1 },
      secret: { ...saved.secret, keycloak_realm: 'wrong' },
    };
    const body = restoreRequest(saved, current);
    expect(body.plugin_options).toMatchObject({ keycloak_base_group: 'waldur', x: 1 });
    expect(body.secret_options).toMatchObject({ keycloak_realm: 'alpha', keycloak_password: 'pw' });
  });
});

describe('server errors', () => {
  it('Waldur’s nested bodies land under the form’s fields', () => {
    const error = normaliseHttpError(400, {
      plugin_options: { keycloak_group_name_template: ['Unknown template variables: x'] },
      secret_options: { keycloak_realm: ['This field may not be blank.'], vault_host: ['Not a valid string.'] },
    });
    expect(splitFormErrors(error, Object.values(SERVER_FIELD_PATHS), SERVER_FIELD_PATHS)).toEqual({
      fields: { keycloak_group_name_template: 'Unknown template variables: x', keycloak_realm: 'This field may not be blank.' },
      form: ['Vault host: Not a valid string.'],
    });
  });
});
