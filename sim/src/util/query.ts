// Query strings the way Django and DRF handle them: repeated keys keep every value, `get` returns
// the last one (QueryDict semantics), and rebuilt URLs use Python's `urlencode` over keys sorted
// alphabetically (DRF's `replace_query_param` / `remove_query_param`).

const utf8 = new TextEncoder();
const decoder = new TextDecoder('utf-8', { fatal: false });

function unquotePlus(s: string): string {
  const replaced = s.replace(/\+/g, ' ');
  if (!replaced.includes('%')) return replaced;
  const bytes: number[] = [];
  for (let i = 0; i < replaced.length; i++) {
    const ch = replaced[i] ?? '';
    if (ch === '%' && /^[0-9a-fA-F]{2}$/.test(replaced.slice(i + 1, i + 3))) {
      bytes.push(parseInt(replaced.slice(i + 1, i + 3), 16));
      i += 2;
    } else {
      const code = replaced.codePointAt(i) ?? 0;
      const char = String.fromCodePoint(code);
      for (const b of utf8.encode(char)) bytes.push(b);
      if (char.length === 2) i += 1;
    }
  }
  return decoder.decode(new Uint8Array(bytes));
}

export function quotePlus(s: string): string {
  let out = '';
  for (const b of utf8.encode(s)) {
    const c = String.fromCharCode(b);
    if (/[A-Za-z0-9_.~-]/.test(c)) out += c;
    else if (c === ' ') out += '+';
    else out += `%${b.toString(16).toUpperCase().padStart(2, '0')}`;
  }
  return out;
}

export function parseQsl(search: string): Array<[string, string]> {
  const qs = search.startsWith('?') ? search.slice(1) : search;
  const pairs: Array<[string, string]> = [];
  for (const part of qs.split('&')) {
    if (part === '') continue;
    const eq = part.indexOf('=');
    const name = eq < 0 ? part : part.slice(0, eq);
    const value = eq < 0 ? '' : part.slice(eq + 1);
    pairs.push([unquotePlus(name), unquotePlus(value)]);
  }
  return pairs;
}

export class QueryParams {
  private readonly map = new Map<string, string[]>();

  constructor(search: string) {
    for (const [k, v] of parseQsl(search)) {
      const list = this.map.get(k);
      if (list) list.push(v);
      else this.map.set(k, [v]);
    }
  }

  /** Last value, like Django's QueryDict.get. */
  get(name: string): string | undefined {
    const list = this.map.get(name);
    return list ? list[list.length - 1] : undefined;
  }

  getAll(name: string): string[] {
    return this.map.get(name) ?? [];
  }

  has(name: string): boolean {
    return this.map.has(name);
  }

  entries(): Array<[string, string[]]> {
    return [...this.map.entries()];
  }
}

/** Python `urlencode(sorted(parse_qs(query).items()), doseq=True)` after setting/removing a key. */
export function rebuildQuery(search: string, key: string, value: string | null): string {
  const dict = new Map<string, string[]>();
  for (const [k, v] of parseQsl(search)) {
    const list = dict.get(k);
    if (list) list.push(v);
    else dict.set(k, [v]);
  }
  if (value === null) dict.delete(key);
  else dict.set(key, [value]);
  const keys = [...dict.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const parts: string[] = [];
  for (const k of keys) {
    for (const v of dict.get(k) ?? []) parts.push(`${quotePlus(k)}=${quotePlus(v)}`);
  }
  return parts.join('&');
}

export function replaceQueryParam(url: URL, key: string, value: string): string {
  const q = rebuildQuery(url.search, key, value);
  return `${url.origin}${url.pathname}${q ? `?${q}` : ''}`;
}

export function removeQueryParam(url: URL, key: string): string {
  const q = rebuildQuery(url.search, key, null);
  return `${url.origin}${url.pathname}${q ? `?${q}` : ''}`;
}
