import { describe, expect, it } from 'vitest';
import { ApiError, errorMessage, humanizeField, networkError, normaliseHttpError, splitFormErrors, timeoutError } from './errors';

describe('normaliseHttpError: the six Waldur shapes', () => {
  it('1. {"detail": "..."} is a form-level message', () => {
    const error = normaliseHttpError(403, { detail: 'You do not have permission to perform this action.' });
    expect(error.formErrors).toEqual(['You do not have permission to perform this action.']);
    expect(error.fieldErrors).toEqual({});
    expect(error.message).toBe('You do not have permission to perform this action.');
    expect(error.isForbidden).toBe(true);
  });

  it('2. {"field": ["msg", ...]} goes under the field', () => {
    const error = normaliseHttpError(400, { role_uuid: ['This field is required.'], email: ['Enter a valid email address.', 'Too long.'] });
    expect(error.fieldErrors).toEqual({
      role_uuid: ['This field is required.'],
      email: ['Enter a valid email address.', 'Too long.'],
    });
    expect(error.formErrors).toEqual([]);
    expect(error.message).toBe('Role: This field is required. Email: Enter a valid email address. Too long.');
  });

  it('3. {"non_field_errors": [...]} is a form-level message', () => {
    const error = normaliseHttpError(400, { non_field_errors: ['This keycloak membership already exists.'] });
    expect(error.formErrors).toEqual(['This keycloak membership already exists.']);
    expect(error.message).toBe('This keycloak membership already exists.');
  });

  it('4. a bare list is a form-level message', () => {
    const error = normaliseHttpError(400, ['Keycloak integration is not enabled for this offering.']);
    expect(error.formErrors).toEqual(['Keycloak integration is not enabled for this offering.']);
    expect(error.message).toBe('Keycloak integration is not enabled for this offering.');
  });

  it('5. {"field": "msg"} (a string, not a list) goes under the field', () => {
    const error = normaliseHttpError(400, { offering_uuid: 'Offering not found.' });
    expect(error.fieldErrors).toEqual({ offering_uuid: ['Offering not found.'] });
    expect(error.message).toBe('Offering: Offering not found.');
  });

  it('6. {"error": "..."} and {"status": "error", "error": "..."} are form-level messages', () => {
    expect(normaliseHttpError(400, { error: 'Unable to list remote Keycloak groups.' }).formErrors).toEqual([
      'Unable to list remote Keycloak groups.',
    ]);
    const error = normaliseHttpError(400, { status: 'error', error: 'Unable to connect to Keycloak.' });
    expect(error.formErrors).toEqual(['Unable to connect to Keycloak.']);
    expect(error.fieldErrors).toEqual({});
    expect(error.message).toBe('Unable to connect to Keycloak.');
  });
});

describe('normaliseHttpError: what is not a Waldur body', () => {
  it('an HTML page from a proxy becomes a sentence, never markup', () => {
    const error = normaliseHttpError(502, '<html><body><h1>502 Bad Gateway</h1></body></html>');
    expect(error.message).toBe('The server is unavailable right now (HTTP 502). Try again in a moment.');
    expect(error.message).not.toContain('<');
    expect(error.isTransient).toBe(true);
  });

  it('an HTML 500 page says the server failed', () => {
    expect(normaliseHttpError(500, '<!doctype html><title>Server Error</title>').message).toBe(
      'The server failed to handle the request (HTTP 500). Try again.',
    );
  });

  it('an empty body falls back to the status', () => {
    expect(normaliseHttpError(404, '').message).toBe('Not found.');
    expect(normaliseHttpError(500, '').formErrors).toEqual(['The server failed to handle the request (HTTP 500). Try again.']);
  });

  it('short plain text is kept', () => {
    expect(normaliseHttpError(400, 'Bad request: page must be a number').message).toBe('Bad request: page must be a number');
  });

  it('nested serializer errors are flattened into words', () => {
    const error = normaliseHttpError(400, { options: { scope_id: ['Unknown scope.'] } });
    expect(error.fieldErrors).toEqual({ options: ['Scope ID: Unknown scope.'] });
  });

  it('nested field errors are also kept by path, and a form can put them under its fields', () => {
    const error = normaliseHttpError(400, {
      plugin_options: { keycloak_base_group: ['This field may not be blank.'] },
      secret_options: { keycloak_url: ['This field may not be blank.'] },
    });
    expect(error.fieldErrorsByPath).toEqual({
      'plugin_options.keycloak_base_group': ['This field may not be blank.'],
      'secret_options.keycloak_url': ['This field may not be blank.'],
    });
    expect(splitFormErrors(error, ['plugin_options.keycloak_base_group'])).toEqual({
      fields: { 'plugin_options.keycloak_base_group': 'This field may not be blank.' },
      form: ['Keycloak URL: This field may not be blank.'],
    });
  });

  it('errors of list items are kept by index', () => {
    const error = normaliseHttpError(400, { keycloak_available_scopes: [{}, { label: ['This field is required.'] }] });
    expect(error.fieldErrorsByPath).toEqual({ 'keycloak_available_scopes.1.label': ['This field is required.'] });
  });

  it('odd values never become [object Object]', () => {
    const error = normaliseHttpError(400, { detail: { code: 'x', message: 'Nested detail.' } });
    expect(error.message).not.toContain('[object Object]');
    expect(error.message).toContain('Nested detail.');
  });
});

describe('transport failures', () => {
  it('network failure and timeout are sentences with kind and status 0', () => {
    const network = networkError();
    expect(network.kind).toBe('network');
    expect(network.status).toBe(0);
    expect(network.isTransient).toBe(true);
    const timeout = timeoutError(30);
    expect(timeout.kind).toBe('timeout');
    expect(timeout.message).toBe('The server did not answer within 30 seconds. Try again.');
  });

  it('errorMessage handles anything thrown', () => {
    expect(errorMessage(new ApiError({ kind: 'http', status: 400, message: 'Nope.' }))).toBe('Nope.');
    expect(errorMessage(new TypeError('Failed to fetch'))).toBe('Failed to fetch');
    expect(errorMessage({ weird: true })).toBe('Something went wrong. Try again.');
    expect(errorMessage(undefined)).toBe('Something went wrong. Try again.');
  });
});

describe('splitFormErrors', () => {
  it('puts known fields under fields and the rest above the form', () => {
    const error = normaliseHttpError(400, {
      email: ['Enter a valid email address.'],
      role_uuid: 'Role not found for this offering.',
      non_field_errors: ['Something about the whole form.'],
    });
    expect(splitFormErrors(error, ['email', 'username'])).toEqual({
      fields: { email: 'Enter a valid email address.' },
      form: ['Something about the whole form.', 'Role: Role not found for this offering.'],
    });
  });

  it('maps server field names onto form field names', () => {
    const error = normaliseHttpError(400, { role_uuid: 'Role not found for this offering.' });
    expect(splitFormErrors(error, ['role'], { role_uuid: 'role' })).toEqual({
      fields: { role: 'Role not found for this offering.' },
      form: [],
    });
  });

  it('a network failure is a form-level message', () => {
    expect(splitFormErrors(networkError(), ['email']).form).toEqual([networkError().message]);
  });
});

describe('humanizeField', () => {
  it('reads like the UI', () => {
    expect(humanizeField('offering_uuid')).toBe('Offering');
    expect(humanizeField('scope_id')).toBe('Scope ID');
    expect(humanizeField('first_name')).toBe('First name');
  });
});
