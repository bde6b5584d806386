// Deterministic identifiers. Waldur sends UUIDs as 32 lowercase hex characters; Keycloak uses
// the dashed form for its own ids. Everything here is derived from string keys, so the same seed
// always yields the same identifiers, whatever order objects are built in.

function cyrb128(str: string): [number, number, number, number] {
  let h1 = 1779033703;
  let h2 = 3144134277;
  let h3 = 1013904242;
  let h4 = 2773480762;
  for (let i = 0; i < str.length; i++) {
    const k = str.charCodeAt(i);
    h1 = h2 ^ Math.imul(h1 ^ k, 597399067);
    h2 = h3 ^ Math.imul(h2 ^ k, 2869860233);
    h3 = h4 ^ Math.imul(h3 ^ k, 951274213);
    h4 = h1 ^ Math.imul(h4 ^ k, 2716044179);
  }
  h1 = Math.imul(h3 ^ (h1 >>> 18), 597399067);
  h2 = Math.imul(h4 ^ (h2 >>> 22), 2869860233);
  h3 = Math.imul(h1 ^ (h3 >>> 17), 951274213);
  h4 = Math.imul(h2 ^ (h4 >>> 19), 2716044179);
  h1 ^= h2 ^ h3 ^ h4;
  h2 ^= h1;
  h3 ^= h1;
  h4 ^= h1;
  return [h1 >>> 0, h2 >>> 0, h3 >>> 0, h4 >>> 0];
}

function hex8(n: number): string {
  return n.toString(16).padStart(8, '0');
}

/** A version-4-looking UUID in Waldur's hex form (32 lowercase hex characters). */
export function uuidHex(key: string): string {
  const [a, b, c, d] = cyrb128(key);
  const bb = ((b & 0xffff0fff) | 0x00004000) >>> 0; // version nibble 4
  const cc = ((c & 0x3fffffff) | 0x80000000) >>> 0; // RFC 4122 variant
  return hex8(a) + hex8(bb) + hex8(cc) + hex8(d);
}

/** The dashed form, as Keycloak returns ids. */
export function dashed(hex: string): string {
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

export function keycloakId(key: string): string {
  return dashed(uuidHex(`kc:${key}`));
}

/** A 40-hex-character token key, like DRF's authtoken. */
export function tokenKey(key: string): string {
  return uuidHex(`token:${key}`) + uuidHex(`token2:${key}`).slice(0, 8);
}

/**
 * Python's `uuid.UUID(hex=...)` rules (what Waldur's UUID fields accept): optional `urn:uuid:`
 * prefix, optional braces, dashes anywhere, 32 hex digits. Returns the hex form or null.
 */
export function normalizeUuid(input: unknown): string | null {
  if (typeof input !== 'string') return null;
  let s = input.trim();
  if (s.toLowerCase().startsWith('urn:')) s = s.slice(4);
  if (s.toLowerCase().startsWith('uuid:')) s = s.slice(5);
  if (s.startsWith('{') && s.endsWith('}')) s = s.slice(1, -1);
  s = s.replace(/-/g, '');
  if (!/^[0-9a-fA-F]{32}$/.test(s)) return null;
  return s.toLowerCase();
}
