// A table of rows kept in insertion (= creation) order, with secondary indexes. Sets keep
// insertion order, so "newest first" is a reversed walk and lists never need sorting per request.
// An indexed field that changes after insert changes through `update`, which moves the row to
// the end of its new bucket: such a bucket is in the order its rows got their key.

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
      if (k !== null) this.addTo(buckets, k, row);
    }
    return row;
  }

  delete(uuid: string): T | undefined {
    const row = this.rows.get(uuid);
    if (!row) return undefined;
    this.rows.delete(uuid);
    for (const { key, buckets } of this.indexes.values()) {
      const k = key(row);
      if (k !== null) this.removeFrom(buckets, k, row);
    }
    return row;
  }

  private addTo(buckets: Map<string, Set<T>>, k: string, row: T): void {
    let bucket = buckets.get(k);
    if (!bucket) buckets.set(k, (bucket = new Set()));
    bucket.add(row);
  }

  private removeFrom(buckets: Map<string, Set<T>>, k: string, row: T): void {
    const bucket = buckets.get(k);
    bucket?.delete(row);
    if (bucket && bucket.size === 0) buckets.delete(k);
  }

  /** Sets `patch`'s fields on `row` (one of the table's) and moves it between the buckets whose key changed. */
  update(row: T, patch: Partial<T>): T {
    const before = [...this.indexes.values()].map(({ key }) => key(row));
    Object.assign(row, patch);
    let i = 0;
    for (const { key, buckets } of this.indexes.values()) {
      const was = before[i++] ?? null;
      const now = key(row);
      if (was === now) continue;
      if (was !== null) this.removeFrom(buckets, was, row);
      if (now !== null) this.addTo(buckets, now, row);
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
