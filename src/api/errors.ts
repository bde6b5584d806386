import { t } from '@lingui/core/macro';
import { formatNumber } from '../lib/format';

/**
 * One normaliser for every error the UI can meet: the six Waldur error body shapes, non-JSON
 * bodies (an HTML page from a proxy), empty bodies, network failure and timeout. Everything the
 * UI shows about a failed request comes from an ApiError made here. Its own sentences are in the
 * app's language at the time the error is made (core `t`, evaluated at call time); the server's
 * messages are Waldur's, in the language the request asked for (Accept-Language).
 */

export type ApiErrorKind = 'http' | 'network' | 'timeout';

export type FieldErrors = Record<string, string[]>;

export class ApiError extends Error {
  readonly kind: ApiErrorKind;
  /** HTTP status, 0 for network failures and timeouts. */
  readonly status: number;
  /** Messages for named fields (shapes 2 and 5). */
  readonly fieldErrors: FieldErrors;
  /** Messages for the form or page as a whole (shapes 1, 3, 4, 6 and the non-JSON cases). */
  readonly formErrors: string[];
  /**
   * The same field messages by their path inside nested serializers:
   * `{"plugin_options": {"keycloak_base_group": [..]}}` -> `plugin_options.keycloak_base_group`,
   * `{"keycloak_available_scopes": [{}, {"label": [..]}]}` -> `keycloak_available_scopes.1.label`.
   * A flat body has the same keys as `fieldErrors`.
   */
  readonly fieldErrorsByPath: FieldErrors;

  constructor(init: {
    kind: ApiErrorKind;
    status: number;
    fieldErrors?: FieldErrors;
    formErrors?: string[];
    fieldErrorsByPath?: FieldErrors;
    message: string;
  }) {
    super(init.message);
    this.name = 'ApiError';
    this.kind = init.kind;
    this.status = init.status;
    this.fieldErrors = init.fieldErrors ?? {};
    this.formErrors = init.formErrors ?? [];
    this.fieldErrorsByPath = init.fieldErrorsByPath ?? this.fieldErrors;
  }

  get isNotFound(): boolean {
    return this.kind === 'http' && this.status === 404;
  }

  get isForbidden(): boolean {
    return this.kind === 'http' && this.status === 403;
  }

  get isUnauthorized(): boolean {
    return this.kind === 'http' && this.status === 401;
  }

  /** Server-side or transport trouble (worth a Retry), as opposed to a rejected request. */
  get isTransient(): boolean {
    return this.kind !== 'http' || this.status >= 500;
  }
}

const FORM_KEYS = new Set(['detail', 'non_field_errors', 'error']);

function asMessages(value: unknown): string[] {
  if (value === null || value === undefined) return [];
  if (typeof value === 'string') return value.trim() ? [value] : [];
  if (typeof value === 'number' || typeof value === 'boolean') return [String(value)];
  if (Array.isArray(value)) return value.flatMap(asMessages);
  if (typeof value === 'object') {
    // A nested serializer's errors: keep the words, lose the structure.
    return Object.entries(value as Record<string, unknown>).flatMap(([key, inner]) =>
      asMessages(inner).map((message) => (FORM_KEYS.has(key) ? message : `${humanizeField(key)}: ${message}`)),
    );
  }
  return [];
}

/** Leaf messages of a nested serializer's errors by their dotted path. */
function collectByPath(path: string, value: unknown, into: FieldErrors): void {
  if (Array.isArray(value) && value.some((item) => typeof item === 'object' && item !== null)) {
    value.forEach((item, index) => collectByPath(`${path}.${index}`, item, into));
    return;
  }
  if (value && typeof value === 'object' && !Array.isArray(value)) {
    for (const [key, inner] of Object.entries(value as Record<string, unknown>)) {
      collectByPath(FORM_KEYS.has(key) ? path : `${path}.${key}`, inner, into);
    }
    return;
  }
  const messages = asMessages(value);
  if (messages.length > 0) (into[path] ??= []).push(...messages);
}

/** `offering_uuid` -> `Offering`, `scope_id` -> `Scope ID`, `first_name` -> `First name`. */
export function humanizeField(field: string): string {
  // A nested path names its last field (`plugin_options.keycloak_url` -> `Keycloak URL`).
  const last =
    field
      .split('.')
      .filter((part) => !/^\d+$/.test(part))
      .pop() ?? field;
  const words = last
    .replace(/_uuid$/, '')
    .split('_')
    .filter(Boolean)
    .map((word) => (word === 'id' ? 'ID' : word === 'url' ? 'URL' : word));
  const sentence = words.join(' ');
  return sentence.charAt(0).toUpperCase() + sentence.slice(1);
}

function statusSentence(status: number): string {
  if (status === 401) return t`Your session has expired. Sign in again.`;
  if (status === 403) return t`You do not have permission to perform this action.`;
  if (status === 404) return t`Not found.`;
  if (status === 405) return t`The server does not allow this action.`;
  if (status === 408 || status === 504) return t`The server took too long to answer. Try again.`;
  // The status code as is (an HTTP code, not a quantity: no digit grouping, Latin digits).
  if (status === 502 || status === 503) return t`The server is unavailable right now (HTTP ${status}). Try again in a moment.`;
  if (status >= 500) return t`The server failed to handle the request (HTTP ${status}). Try again.`;
  return t`The request was rejected (HTTP ${status}).`;
}

function looksLikeHtml(text: string): boolean {
  return /^\s*</.test(text);
}

/**
 * Turns a failed HTTP answer into an ApiError. `body` is the parsed JSON when the body was
 * JSON, else the raw text ("" when empty).
 */
export function normaliseHttpError(status: number, body: unknown): ApiError {
  const fieldErrors: FieldErrors = {};
  const fieldErrorsByPath: FieldErrors = {};
  const formErrors: string[] = [];

  if (typeof body === 'string') {
    const text = body.trim();
    if (text && !looksLikeHtml(text) && text.length <= 300) formErrors.push(text);
  } else if (Array.isArray(body)) {
    formErrors.push(...asMessages(body));
  } else if (body && typeof body === 'object') {
    for (const [key, value] of Object.entries(body as Record<string, unknown>)) {
      if (key === 'status' && value === 'error') continue;
      const messages = asMessages(value);
      if (messages.length === 0) continue;
      if (FORM_KEYS.has(key)) formErrors.push(...messages);
      else {
        fieldErrors[key] = messages;
        collectByPath(key, value, fieldErrorsByPath);
      }
    }
  }

  const fieldSentences = Object.entries(fieldErrors).map(([field, messages]) => `${humanizeField(field)}: ${messages.join(' ')}`);
  const parts = [...formErrors, ...fieldSentences];
  const message = parts.length > 0 ? parts.join(' ') : statusSentence(status);
  if (formErrors.length === 0 && Object.keys(fieldErrors).length === 0) formErrors.push(message);

  return new ApiError({ kind: 'http', status, fieldErrors, formErrors, fieldErrorsByPath, message });
}

export function networkError(): ApiError {
  const message = t`Could not reach the server. Check your network connection and try again.`;
  return new ApiError({ kind: 'network', status: 0, formErrors: [message], message });
}

export function timeoutError(seconds: number): ApiError {
  const count = formatNumber(seconds);
  const message = t`The server did not answer within ${count} seconds. Try again.`;
  return new ApiError({ kind: 'timeout', status: 0, formErrors: [message], message });
}

/** Any thrown value as a sentence fit for a person: never a stack trace or [object Object]. */
export function errorMessage(error: unknown): string {
  if (error instanceof ApiError) return error.message;
  if (error instanceof Error && error.message) return error.message;
  if (typeof error === 'string' && error) return error;
  return t`Something went wrong. Try again.`;
}

/**
 * Splits an error for a form: messages for fields the form has go under those fields, the
 * rest (form-level messages and fields the form does not show) go above the buttons.
 */
export function splitFormErrors(
  error: unknown,
  knownFields: readonly string[],
  aliases: Record<string, string> = {},
): { fields: Record<string, string>; form: string[] } {
  if (!(error instanceof ApiError)) return { fields: {}, form: [errorMessage(error)] };
  const fields: Record<string, string> = {};
  const form = [...(error.kind === 'http' ? error.formErrors : [error.message])];
  // By path, so a form can name nested fields (`plugin_options.keycloak_base_group`).
  for (const [serverField, messages] of Object.entries(error.fieldErrorsByPath)) {
    const field = aliases[serverField] ?? serverField;
    if (knownFields.includes(field)) fields[field] = messages.join(' ');
    else form.push(`${humanizeField(serverField)}: ${messages.join(' ')}`);
  }
  if (form.length === 0 && Object.keys(fields).length === 0) form.push(error.message);
  return { fields, form };
}
