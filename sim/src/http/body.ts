import { HttpError, detail } from './errors.ts';

/** Parsed request body as DRF's `request.data` would hold it. */
export type BodyData = unknown;

function pythonParseMessage(text: string, err: unknown): string {
  // Python's json module words its errors as "Expecting value: line L column C (char N)".
  const message = err instanceof Error ? err.message : '';
  let pos = 0;
  const m = /position (\d+)/.exec(message);
  if (m?.[1]) pos = Number(m[1]);
  else if (/end of JSON input/i.test(message)) pos = text.length;
  const before = text.slice(0, pos);
  const line = before.split('\n').length;
  const column = pos - before.lastIndexOf('\n');
  return `Expecting value: line ${line} column ${column} (char ${pos})`;
}

/** Reads and parses the body like DRF's JSON / form parsers. */
export async function readBody(request: Request): Promise<BodyData> {
  const text = await request.text();
  if (text.length === 0) return {};
  const contentType = (request.headers.get('content-type') ?? '').toLowerCase();
  const mediaType = contentType.split(';')[0]?.trim() ?? '';
  if (mediaType === 'application/json' || (mediaType.startsWith('application/') && mediaType.endsWith('+json'))) {
    try {
      return JSON.parse(text) as unknown;
    } catch (err) {
      throw detail(400, `JSON parse error - ${pythonParseMessage(text, err)}`);
    }
  }
  if (mediaType === 'application/x-www-form-urlencoded') {
    const out: Record<string, string> = {};
    for (const [k, v] of new URLSearchParams(text)) out[k] = v;
    return out;
  }
  throw new HttpError(415, { detail: `Unsupported media type "${contentType}" in request.` });
}

export function pythonTypeName(value: unknown): string {
  if (value === null) return 'NoneType';
  if (Array.isArray(value)) return 'list';
  switch (typeof value) {
    case 'string':
      return 'str';
    case 'boolean':
      return 'bool';
    case 'number':
      return Number.isInteger(value) ? 'int' : 'float';
    default:
      return 'dict';
  }
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** What a DRF serializer says when `request.data` is not an object. */
export function requireObject(data: BodyData): Record<string, unknown> {
  if (isRecord(data)) return data;
  if (data === null) throw new HttpError(400, { non_field_errors: ['No data provided'] });
  throw new HttpError(400, {
    non_field_errors: [`Invalid data. Expected a dictionary, but got ${pythonTypeName(data)}.`],
  });
}

/** `request.data.get(key)` in a view, tolerant of non-object bodies. */
export function dataGet(data: BodyData, key: string): unknown {
  return isRecord(data) ? data[key] : undefined;
}
