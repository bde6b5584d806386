import { compileMessage } from '@lingui/message-utils/compileMessage';
import MagicString from 'magic-string';
import type { Plugin } from 'vite';

type Node = { type: string; start: number; end: number; [key: string]: unknown };

const isNode = (value: unknown): value is Node => typeof value === 'object' && value !== null && typeof (value as Node).type === 'string';

function keyName(property: Node): string | undefined {
  const key = property.key as Node | undefined;
  if (!key) return undefined;
  if (key.type === 'Identifier') return key.name as string;
  if (key.type === 'Literal' && typeof key.value === 'string') return key.value;
  return undefined;
}

/** The `message: "…"` string of a Lingui descriptor (`{ id: "…", message: "…" }`), if `node` is one. */
function descriptorMessage(node: Node): Node | undefined {
  if (node.type !== 'ObjectExpression') return undefined;
  const properties = (node.properties as Node[]).filter((property) => property.type === 'Property');
  const id = properties.find((property) => keyName(property) === 'id');
  const message = properties.find((property) => keyName(property) === 'message')?.value as Node | undefined;
  if (!id || !message || message.type !== 'Literal' || typeof message.value !== 'string') return undefined;
  return message;
}

function walk(node: unknown, visit: (node: Node) => void): void {
  if (Array.isArray(node)) for (const item of node) walk(item, visit);
  else if (isNode(node)) {
    visit(node);
    for (const [key, value] of Object.entries(node)) if (key !== 'type' && typeof value === 'object') walk(value, visit);
  }
}

/**
 * English, the source locale, has no catalog: each message's source text stays in its
 * descriptor (the macro's `stripMessageField: false`) and is what renders when the active
 * catalog has no entry. Lingui compiles such text at runtime only with its message compiler
 * (6.6 KB gzip, left out of production builds), so the build does it here instead: every
 * descriptor's `message` string becomes its compiled form, which the runtime interpolates as
 * it does a catalog's. English costs the Lingui runtime and nothing else.
 */
export function precompileMessages(): Plugin {
  return {
    name: 'precompile-lingui-messages',
    apply: 'build',
    enforce: 'post',
    transform: {
      filter: { code: /\bmessage\s*:/ },
      handler(code, id) {
        if (!/\.[cm]?[jt]sx?$/.test(id.split('?')[0] ?? '')) return undefined;
        const messages: Node[] = [];
        walk(this.parse(code), (node) => {
          const message = descriptorMessage(node);
          if (message) messages.push(message);
        });
        if (!messages.length) return undefined;
        const output = new MagicString(code);
        for (const message of messages) {
          const compiled = compileMessage(message.value as string);
          output.overwrite(message.start, message.end, JSON.stringify(typeof compiled === 'string' ? [compiled] : compiled));
        }
        return { code: output.toString(), map: output.generateMap({ hires: 'boundary' }) };
      },
    },
  };
}
