// Fails when src/api/schema.d.ts is not exactly what `npm run gen:api` makes from openapi.yaml.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const dir = mkdtempSync(join(tmpdir(), 'check-schema-'));
try {
  const out = join(dir, 'schema.d.ts');
  execFileSync('npx', ['openapi-typescript', 'src/api/openapi.yaml', '-o', out], { stdio: ['ignore', 'ignore', 'inherit'] });
  if (readFileSync(out, 'utf8') !== readFileSync('src/api/schema.d.ts', 'utf8')) {
    console.error('src/api/schema.d.ts is not what `npm run gen:api` makes from src/api/openapi.yaml: run npm run gen:api.');
    process.exit(1);
  }
  console.log('src/api/schema.d.ts matches src/api/openapi.yaml.');
} finally {
  rmSync(dir, { recursive: true, force: true });
}
