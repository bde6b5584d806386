// Fails when src/api/schema.d.ts or schema-8.1.d.ts is not exactly what `npm run gen:api` makes
// from openapi.yaml (Waldur 8.0.5) or openapi-8.1.yaml (Waldur 8.1.3).
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const PAIRS = [
  ['src/api/openapi.yaml', 'src/api/schema.d.ts'],
  ['src/api/openapi-8.1.yaml', 'src/api/schema-8.1.d.ts'],
];

const dir = mkdtempSync(join(tmpdir(), 'check-schema-'));
let failed = false;
try {
  for (const [yaml, types] of PAIRS) {
    const out = join(dir, 'schema.d.ts');
    execFileSync('npx', ['openapi-typescript', yaml, '-o', out], { stdio: ['ignore', 'ignore', 'inherit'] });
    if (readFileSync(out, 'utf8') !== readFileSync(types, 'utf8')) {
      console.error(`${types} is not what \`npm run gen:api\` makes from ${yaml}: run npm run gen:api.`);
      failed = true;
    } else console.log(`${types} matches ${yaml}.`);
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
if (failed) process.exit(1);
