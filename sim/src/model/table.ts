// A table of rows kept in insertion (= creation) order, with secondary indexes on fields that
// never change after insert. Sets keep insertion order, so "newest first" is a reversed walk and
// lists never need sorting per request.

export type IndexKey<T> = (row: T) => string | null;

export class Table<T extends { uuid: string }> {
  private readonly rows = new Map<string, T>();
  private readonly indexes = new Map<string, { key: IndexKey<T>; buckets: Map<string, Set<T>> }>();

  constructor(indexes: Record<string, IndexKey<T>> = {}) {
    for (const [name, key] of Object.entries(indexes)) this.indexes.set(name, { key, buckets: new Map() });
  }

  get size(): number {
    return this.rows.size;
  }

  get(uuid: string): T | undefined {
    return this.rows.get(uuid);
  }

  insert(row: T): T {
    this.rows.set(row.uuid, row);
    for (const { key, buckets } of this.indexes.values()) {
      const k = key(row);
      if (k === null) continue;
      let bucket = buckets.get(k);
      if (!bucket) buckets.set(k, (bucket = new Set()));
      bucket.add(row);
    }
    return row;
  }

  delete(uuid: string): T | undefined {
    const row = this.rows.get(uuid);
    if (!row) return undefined;
    this.rows.delete(uuid);
    for (const { key, buckets } of this.indexes.values()) {
      const k = key(row);
      if (k === null) continue;
      const bucket = buckets.get(k);
      bucket?.delete(row);
      if (bucket && bucket.size === 0) buckets.delete(k);
    }
    return row;
  }

  /** Rows in creation order. */
  all(): IterableIterator<T> {
    return this.rows.values();
  }

  /** Rows whose index `name` has key `value`, in creation order. */
  by(name: string, value: string): ReadonlySet<T> {
    const index = this.indexes.get(name);
    if (!index) throw new Error(`no index ${name}`);
    return index.buckets.get(value) ?? EMPTY;
  }

  count(name: string, value: string): number {
    return this.by(name, value).size;
  }
}

const EMPTY: ReadonlySet<never> = new Set<never>();
