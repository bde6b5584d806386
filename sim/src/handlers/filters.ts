// django-filter semantics: empty values are ignored, bad values give 400 with every filter's
// errors collected in one body (`{"offering_uuid": ["Enter a valid UUID."]}`).
import { HttpError, MESSAGES } from '../http/errors.ts';
import { normalizeUuid } from '../util/ids.ts';
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
