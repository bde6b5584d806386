// DRF serializer field semantics: the messages, the order of checks, and the way errors of all
// fields are collected into one `{"field": ["msg"]}` body.
import { HttpError, MESSAGES } from './errors.ts';
import { normalizeUuid } from '../util/ids.ts';
import { pythonTypeName } from './body.ts';

export interface CharOptions {
  required?: boolean;
  allowBlank?: boolean;
  allowNull?: boolean;
  maxLength?: number;
  default?: string;
  /** DRF's trim_whitespace (default true). */
  trim?: boolean;
}

export interface UuidOptions {
  required?: boolean;
  allowNull?: boolean;
}

/** Detail routes a hyperlink may point at (DRF resolves the path, the host is ignored). */
export const HYPERLINK_VIEWS = new Set([
  'marketplace-provider-offerings',
  'marketplace-offerings',
  'marketplace-offering-user-roles',
  'marketplace-resources',
  'marketplace-provider-resources',
  'users',
  'customers',
  'projects',
  'rancher-role-templates',
  'rancher-clusters',
  'rancher-projects',
  'keycloak-groups',
  'keycloak-user-group-memberships',
  'offering-keycloak-groups',
  'offering-keycloak-memberships',
  'service-settings',
]);

export type HyperlinkLookup = (uuid: string) => boolean;

const EMAIL_USER = /^[-!#$%&'*+/=?^_`{}|~0-9A-Z]+(\.[-!#$%&'*+/=?^_`{}|~0-9A-Z]+)*$/i;
const EMAIL_DOMAIN = /^((?:[A-Z0-9](?:[A-Z0-9-]{0,61}[A-Z0-9])?\.)+)(?:[A-Z0-9-]{2,63})$/i;

export function isValidEmail(value: string): boolean {
  if (value.length > 320) return false;
  const at = value.lastIndexOf('@');
  if (at <= 0) return false;
  const user = value.slice(0, at);
  const domain = value.slice(at + 1);
  if (!EMAIL_USER.test(user)) return false;
  if (domain.endsWith('-') || !EMAIL_DOMAIN.test(domain)) return false;
  return true;
}

function charLength(s: string): number {
  let n = 0;
  for (const _ of s) n++;
  return n;
}

export class FieldValidator {
  readonly errors: Record<string, string[]> = {};

  constructor(
    private readonly data: Record<string, unknown>,
    private readonly partial = false,
  ) {}

  has(name: string): boolean {
    return Object.prototype.hasOwnProperty.call(this.data, name);
  }

  private fail(name: string, message: string): undefined {
    (this.errors[name] ??= []).push(message);
    return undefined;
  }

  /** Missing / null handling shared by all fields. `done` means the caller must return `value`. */
  private empties(
    name: string,
    required: boolean,
    allowNull: boolean,
    fallback: string | undefined,
  ): { done: true; value: string | null | undefined } | { done: false; raw: unknown } {
    if (!this.has(name)) {
      if (this.partial) return { done: true, value: undefined };
      if (required) return { done: true, value: this.fail(name, MESSAGES.required) };
      return { done: true, value: fallback };
    }
    const raw = this.data[name];
    if (raw === null) {
      if (allowNull) return { done: true, value: null };
      return { done: true, value: this.fail(name, MESSAGES.notNull) };
    }
    return { done: false, raw };
  }

  char(name: string, opts: CharOptions = {}): string | null | undefined {
    const e = this.empties(name, opts.required ?? false, opts.allowNull ?? false, opts.default);
    if (e.done) return e.value;
    const raw = e.raw;
    if (typeof raw === 'boolean' || (typeof raw !== 'string' && typeof raw !== 'number')) {
      return this.fail(name, MESSAGES.invalidString);
    }
    const value = opts.trim === false ? String(raw) : String(raw).trim();
    if (value === '') {
      if (opts.allowBlank) return '';
      return this.fail(name, MESSAGES.notBlank);
    }
    if (opts.maxLength !== undefined && charLength(value) > opts.maxLength) {
      return this.fail(name, `Ensure this field has no more than ${opts.maxLength} characters.`);
    }
    return value;
  }

  email(name: string, opts: CharOptions = {}): string | null | undefined {
    const e = this.empties(name, opts.required ?? false, opts.allowNull ?? false, opts.default);
    if (e.done) return e.value;
    const raw = e.raw;
    if (typeof raw === 'boolean' || (typeof raw !== 'string' && typeof raw !== 'number')) {
      return this.fail(name, MESSAGES.invalidString);
    }
    const value = String(raw).trim();
    if (value === '') {
      if (opts.allowBlank) return '';
      return this.fail(name, MESSAGES.notBlank);
    }
    let bad = false;
    if (opts.maxLength !== undefined && charLength(value) > opts.maxLength) {
      this.fail(name, `Ensure this field has no more than ${opts.maxLength} characters.`);
      bad = true;
    }
    if (!isValidEmail(value)) {
      this.fail(name, MESSAGES.invalidEmail);
      bad = true;
    }
    return bad ? undefined : value;
  }

  uuid(name: string, opts: UuidOptions = {}): string | null | undefined {
    const e = this.empties(name, opts.required ?? false, opts.allowNull ?? false, undefined);
    if (e.done) return e.value;
    const hex = normalizeUuid(e.raw);
    if (hex === null) return this.fail(name, MESSAGES.invalidUuid);
    return hex;
  }

  /**
   * HyperlinkedRelatedField: resolves the URL path to `/api/<view>/<uuid>/` and checks that
   * the object exists. Returns the object's uuid (hex).
   */
  hyperlink(
    name: string,
    view: string,
    exists: HyperlinkLookup,
    opts: { required?: boolean; allowNull?: boolean } = {},
  ): string | null | undefined {
    const e = this.empties(name, opts.required ?? false, opts.allowNull ?? false, undefined);
    if (e.done) return e.value;
    const raw = e.raw;
    if (typeof raw !== 'string') {
      return this.fail(name, `Incorrect type. Expected URL string, received ${pythonTypeName(raw)}.`);
    }
    let path = raw;
    if (/^https?:/i.test(path)) {
      try {
        path = new URL(path).pathname;
      } catch {
        return this.fail(name, 'Invalid hyperlink - No URL match.');
      }
    }
    try {
      path = decodeURIComponent(path);
    } catch {
      return this.fail(name, 'Invalid hyperlink - No URL match.');
    }
    const m = /^\/api\/([a-z0-9-]+)\/([^/.]+)\/$/.exec(path);
    if (!m?.[1] || !m[2] || !HYPERLINK_VIEWS.has(m[1])) {
      return this.fail(name, 'Invalid hyperlink - No URL match.');
    }
    if (m[1] !== view) return this.fail(name, 'Invalid hyperlink - Incorrect URL match.');
    const hex = normalizeUuid(m[2]);
    if (hex === null || !exists(hex)) return this.fail(name, 'Invalid hyperlink - Object does not exist.');
    return hex;
  }

  ok(): boolean {
    return Object.keys(this.errors).length === 0;
  }

  throwIfErrors(): void {
    if (!this.ok()) throw new HttpError(400, this.errors);
  }
}
