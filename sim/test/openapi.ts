// Validates response bodies against src/api/openapi.yaml (the document the UI is typed from).
//
// - OpenAPI 3.0 `nullable: true` becomes `anyOf: [schema, {type: "null"}]`.
// - `$ref`s resolve to components of the same document.
// - Responses must not contain `writeOnly` properties (and those are not required in them),
//   including the writeOnly fields of the schema's `XRequest` / `PatchedXRequest` halves.
// - `format: uuid` means Waldur's form: 32 lowercase hex characters, no dashes.
// - A 2xx status that the document does not list for the operation is itself a failure.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import Ajv from 'ajv';
import type { ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import { parse } from 'yaml';

type Schema = Record<string, unknown>;

const SPEC_PATH = fileURLToPath(new URL('../../src/api/openapi.yaml', import.meta.url));
const SPEC_PATH_81 = fileURLToPath(new URL('../../src/api/openapi-8.1.yaml', import.meta.url));
const DOC_ID = 'openapi.json';

function isObj(v: unknown): v is Schema {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Rewrites a schema for response validation. */
function transform(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(transform);
  if (!isObj(node)) return node;
  const out: Schema = {};
  for (const [k, v] of Object.entries(node)) {
    if (k === '$ref' && typeof v === 'string' && v.startsWith('#/')) out[k] = `${DOC_ID}${v}`;
    else if (k === 'properties' && isObj(v)) {
      const props: Schema = {};
      for (const [name, sub] of Object.entries(v)) props[name] = transform(sub);
      out[k] = props;
    } else out[k] = transform(v);
  }
  // writeOnly properties must not appear in responses.
  if (isObj(out.properties)) {
    const original = isObj(node.properties) ? node.properties : {};
    const writeOnly = Object.entries(original)
      .filter(([, sub]) => isObj(sub) && sub.writeOnly === true)
      .map(([name]) => name);
    if (writeOnly.length > 0) {
      if (Array.isArray(out.required)) out.required = out.required.filter((r) => !writeOnly.includes(String(r)));
      const forbid = writeOnly.map((name) => ({ not: { required: [name] } }));
      out.allOf = [...(Array.isArray(out.allOf) ? out.allOf : []), ...forbid];
    }
  }
  if (out.nullable === true) {
    delete out.nullable;
    return { anyOf: [out, { type: 'null' }] };
  }
  delete out.nullable;
  return out;
}

interface Operation {
  responses?: Record<string, { content?: Record<string, { schema?: unknown }> }>;
}

export class OpenApiValidator {
  private readonly ajv: Ajv;
  private readonly spec: { paths: Record<string, Record<string, Operation>>; components: { schemas: Record<string, unknown> } };
  private readonly cache = new Map<string, ValidateFunction>();
  private readonly templates: Array<{ template: string; regex: RegExp }>;

  constructor(specPath = SPEC_PATH) {
    this.spec = parse(readFileSync(specPath, 'utf8')) as OpenApiValidator['spec'];
    this.ajv = new Ajv({ strict: false, allErrors: true, validateFormats: true });
    addFormats(this.ajv);
    this.ajv.addFormat('uuid', /^[0-9a-f]{32}$/);
    const source = this.spec.components.schemas;
    const schemas: Schema = {};
    for (const [name, schema] of Object.entries(source)) {
      // drf-spectacular splits a serializer into `X` (response) and `XRequest` / `PatchedXRequest`;
      // the writeOnly fields of the request halves must never show up in `X`.
      const forbidden = new Set<string>();
      for (const requestName of [`${name}Request`, `Patched${name}Request`]) {
        const request = source[requestName];
        if (!isObj(request) || !isObj(request.properties)) continue;
        for (const [prop, sub] of Object.entries(request.properties)) if (isObj(sub) && sub.writeOnly === true) forbidden.add(prop);
      }
      const transformed = transform(schema);
      if (forbidden.size > 0 && isObj(transformed)) {
        const extra = [...forbidden].map((prop) => ({ not: { required: [prop] } }));
        transformed.allOf = [...(Array.isArray(transformed.allOf) ? transformed.allOf : []), ...extra];
      }
      schemas[name] = transformed;
    }
    this.ajv.addSchema({ $id: DOC_ID, components: { schemas } });
    this.templates = Object.keys(this.spec.paths).map((template) => ({
      template,
      regex: new RegExp(`^${template.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\{[^}]+\}/g, '[^/]+')}$`),
    }));
  }

  /** The path template of the document that matches a concrete path (static segments first). */
  templateFor(pathname: string): string | undefined {
    const matches = this.templates.filter((t) => t.regex.test(pathname));
    matches.sort((a, b) => (a.template.match(/\{/g)?.length ?? 0) - (b.template.match(/\{/g)?.length ?? 0));
    return matches[0]?.template;
  }

  /**
   * Throws when a response does not match the document. Error statuses the document does not
   * describe are not checked here (their shapes are asserted by the tests themselves).
   */
  validate(method: string, pathname: string, status: number, body: unknown): void {
    const template = this.templateFor(pathname);
    if (!template) {
      if (status >= 200 && status < 300) throw new Error(`${method} ${pathname}: path not in openapi.yaml`);
      return;
    }
    const ops = this.spec.paths[template];
    // A HEAD is answered wherever a GET is (Django maps it), documented or not.
    const op = ops?.[method.toLowerCase()] ?? (method.toUpperCase() === 'HEAD' ? ops?.get : undefined);
    if (!op) {
      if (status >= 200 && status < 300) throw new Error(`${method} ${template}: ${status} for an operation not in openapi.yaml`);
      return;
    }
    const response = op.responses?.[String(status)];
    if (!response) {
      if (status >= 200 && status < 300) throw new Error(`${method} ${template}: status ${status} not documented`);
      return;
    }
    const schema = response.content?.['application/json']?.schema;
    if (schema === undefined || method.toUpperCase() === 'HEAD') return;
    const key = `${method} ${template} ${status}`;
    let fn = this.cache.get(key);
    if (!fn) {
      fn = this.ajv.compile(transform(schema) as Schema);
      this.cache.set(key, fn);
    }
    if (!fn(body)) {
      const errors = (fn.errors ?? [])
        .slice(0, 8)
        .map((e) => `${e.instancePath || '/'} ${e.message ?? ''} ${JSON.stringify(e.params)}`)
        .join('\n  ');
      throw new Error(`${key}: response does not match openapi.yaml\n  ${errors}`);
    }
  }
}

let shared: OpenApiValidator | undefined;
let shared81: OpenApiValidator | undefined;

export function openApiValidator(): OpenApiValidator {
  shared ??= new OpenApiValidator();
  return shared;
}

/** src/api/openapi-8.1.yaml (Waldur 8.1.3, transcribed from waldur-api-client 8.1.3). */
export function openApiValidator81(): OpenApiValidator {
  shared81 ??= new OpenApiValidator(SPEC_PATH_81);
  return shared81;
}
