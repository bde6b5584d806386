// django-filter semantics: empty values are ignored, bad values give 400 with every filter's
// errors collected in one body (`{"offering_uuid": ["Enter a valid UUID."]}`).
import { HttpError, MESSAGES, notFound } from '../http/errors.ts';
import { normalizeUuid } from '../util/ids.ts';
import type { JsonValue } from '../http/errors.ts';
import { paginate } from '../http/pagination.ts';
import type { ApiResult } from '../http/result.ts';
import type { Ctx } from './context.ts';

export class Filters {
  private readonly errors: Record<string, string[]> = {};

  constructor(private readonly ctx: Ctx) {}

  /** Non-empty string value (last one wins, like QueryDict.get). */
  text(name: string): string | undefined {
    const v = this.ctx.query.get(name);
    return v === undefined || v === '' ? undefined : v;
  }

  /** A UUIDFilter. */
  uuid(name: string): string | undefined {
    const v = this.text(name);
    if (v === undefined) return undefined;
    const hex = normalizeUuid(v);
    if (hex === null) {
      this.errors[name] = [MESSAGES.filterInvalidUuid];
      return undefined;
    }
    return hex;
  }

  /** A BaseInFilter of UUIDs ("a,b,c"). */
  uuidList(name: string): string[] | undefined {
    const v = this.text(name);
    if (v === undefined) return undefined;
    const out: string[] = [];
    for (const part of v.split(',')) {
      const hex = normalizeUuid(part);
      if (hex === null) {
        this.errors[name] = [MESSAGES.filterInvalidUuid];
        return undefined;
      }
      out.push(hex);
    }
    return out;
  }

  /** A MultipleChoiceFilter (`?state=pending&state=active`). */
  choices(name: string, allowed: readonly string[]): Set<string> | undefined {
    const values = this.ctx.query.getAll(name).filter((v) => v !== '');
    if (values.length === 0) return undefined;
    for (const v of values) {
      if (!allowed.includes(v)) {
        this.errors[name] = [`Select a valid choice. ${v} is not one of the available choices.`];
        return undefined;
      }
    }
    return new Set(values);
  }

  /** An ordering filter (`?o=name` or `?o=-created,name`); unknown fields are ignored. */
  ordering(allowed: readonly string[]): string[] {
    const v = this.text('o');
    if (v === undefined) return [];
    return v
      .split(',')
      .map((s) => s.trim())
      .filter((s) => allowed.includes(s.replace(/^-/, '')));
  }

  check(): void {
    if (Object.keys(this.errors).length > 0) throw new HttpError(400, this.errors);
  }
}

/**
 * One list's filter chain: each filter read from the query adds its test on a row, `keep` runs
 * them all. Errors are collected in the `Filters` it reads from, so `check()` still reports every
 * bad filter in one 400 body.
 */
export class Where<T> {
  private readonly tests: ((row: T) => boolean)[] = [];
  private readonly indexes: (() => Iterable<T>)[] = [];

  constructor(readonly f: Filters) {}

  /** A test of its own (visibility, a lookup): runs in the order added. */
  test(keep: (row: T) => boolean): this {
    this.tests.push(keep);
    return this;
  }

  /** CharFilter with `exact` lookup. */
  exact(name: string, get: (row: T) => string | undefined): string | undefined {
    const v = this.f.text(name);
    if (v !== undefined) this.tests.push((row) => get(row) === v);
    return v;
  }

  /** CharFilter with `icontains` lookup. */
  contains(name: string, get: (row: T) => string): string | undefined {
    const v = this.f.text(name)?.toLowerCase();
    if (v !== undefined) this.tests.push((row) => get(row).toLowerCase().includes(v));
    return v;
  }

  /** UUIDFilter; with `index`, the rows it narrows to come from that index (the first set one wins). */
  uuid(name: string, get: (row: T) => string | null | undefined, index?: (value: string) => Iterable<T>): string | undefined {
    const v = this.f.uuid(name);
    if (v !== undefined) {
      this.tests.push((row) => get(row) === v);
      if (index) this.indexes.push(() => index(v));
    }
    return v;
  }

  /** BaseInFilter of UUIDs. */
  uuidIn(name: string, get: (row: T) => string): string[] | undefined {
    const v = this.f.uuidList(name);
    if (v !== undefined) this.tests.push((row) => v.includes(get(row)));
    return v;
  }

  /** MultipleChoiceFilter. */
  choices(name: string, allowed: readonly string[], get: (row: T) => string): Set<string> | undefined {
    const v = this.f.choices(name, allowed);
    if (v !== undefined) this.tests.push((row) => v.has(get(row)));
    return v;
  }

  readonly keep = (row: T): boolean => this.tests.every((t) => t(row));

  /** The kept rows, newest first, read from the narrowest index a filter set (else `all`). */
  rows(all: () => Iterable<T>): T[] {
    return newestFirst((this.indexes[0] ?? all)(), this.keep);
  }

  /** The page of kept rows of `table` (newest first) the query asks for. */
  page(ctx: Ctx, table: { all(): Iterable<T> }, serialize: (ctx: Ctx, row: T) => JsonValue): ApiResult {
    return paginate(
      ctx.url,
      ctx.query,
      this.rows(() => table.all()),
      (row) => serialize(ctx, row),
    );
  }
}

/** The fields both Keycloak membership kinds filter on. */
export interface PersonRow {
  username: string;
  email: string;
  firstName: string;
  lastName: string;
  state: string;
}

const MEMBERSHIP_STATES = ['pending', 'active'] as const;

/** `username`, `email`, `first_name`, `last_name` (exact) and `state` (choices) of a membership list. */
export function personFilters<T extends PersonRow>(w: Where<T>): void {
  w.exact('username', (m) => m.username);
  w.exact('email', (m) => m.email);
  w.exact('first_name', (m) => m.firstName);
  w.exact('last_name', (m) => m.lastName);
  w.choices('state', MEMBERSHIP_STATES, (m) => m.state);
}

/**
 * DRF's `self.get_object()`: the row of the URL's `{uuid}` that the user may see; 404 for an
 * unknown, malformed or invisible uuid alike.
 */
export function getObject<T>(ctx: Ctx, table: { get(uuid: string): T | undefined }, visible: (row: T) => boolean = () => true): T {
  const uuid = normalizeUuid(ctx.param('uuid'));
  const row = uuid ? table.get(uuid) : undefined;
  if (row === undefined || !visible(row)) throw notFound();
  return row;
}

/** Whether the offering exists and the user can see it. */
export function isVisibleOffering(ctx: Ctx, offeringUuid: string): boolean {
  const offering = ctx.store.offerings.get(offeringUuid);
  return offering !== undefined && ctx.store.canSeeOffering(ctx.user, offering);
}

/** Rows of offerings the user can see; the answer is kept per offering, which many rows share. */
export function inVisibleOffering<T extends { offeringUuid: string }>(ctx: Ctx): (row: T) => boolean {
  const seen = new Map<string, boolean>();
  return (row) => {
    let ok = seen.get(row.offeringUuid);
    if (ok === undefined) {
      ok = isVisibleOffering(ctx, row.offeringUuid);
      seen.set(row.offeringUuid, ok);
    }
    return ok;
  };
}

/** `?field=uuid&field=name` keeps only those keys of an object (Waldur's RestrictedSerializerMixin). */
export function pickFields(ctx: Ctx, body: { [key: string]: JsonValue }): { [key: string]: JsonValue } {
  const fields = ctx.query.getAll('field').filter(Boolean);
  if (fields.length === 0) return body;
  const out: { [key: string]: JsonValue } = {};
  for (const f of fields) if (f in body) out[f] = body[f] ?? null;
  return out;
}

export function sortBy<T>(rows: T[], ordering: string[], value: (row: T, field: string) => string | number): T[] {
  if (ordering.length === 0) return rows;
  return rows.sort((a, b) => {
    for (const spec of ordering) {
      const desc = spec.startsWith('-');
      const field = desc ? spec.slice(1) : spec;
      const va = value(a, field);
      const vb = value(b, field);
      if (va < vb) return desc ? 1 : -1;
      if (va > vb) return desc ? -1 : 1;
    }
    return 0;
  });
}

/** Newest first: rows come in creation order, so reverse them. */
export function newestFirst<T>(rows: Iterable<T>, keep: (row: T) => boolean): T[] {
  const out: T[] = [];
  for (const row of rows) if (keep(row)) out.push(row);
  return out.reverse();
}
