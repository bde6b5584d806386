/**
 * `npm run test:keycloak`: starts a real Keycloak (`npm run keycloak`'s server, in-memory
 * database) unless KEYCLOAK_URL names a running one, then runs against it:
 *   (a) the REST-level contract, in memory vs real, and (c) the demo seed's GETs in both modes
 *       (sim/test-keycloak/);
 *   (b) section 8's Waldur-level cases through the simulator (sim/test-keycloak/), and the
 *       simulator's own API tests that apply, over the real Keycloak;
 *   (d) Waldur 8.1 mode: the site agent's groups and members exist in Keycloak with the spec's
 *       names and every `synced` is a membership Keycloak holds (sim/test-keycloak/agent-8-1,
 *       sim/test/agent-8-1);
 *   an e2e smoke through the app with the simulator over the real Keycloak.
 * Needs Java and Maven Central (first run only: the server is cached in .keycloak/), and a build
 * of the app (npm test makes one). Reports go to test-results/keycloak-*.json.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { startKeycloak } from '../sim/keycloak-server.ts';

const root = join(import.meta.dirname, '..');
const reports = join(root, 'test-results');
mkdirSync(reports, { recursive: true });

const given = process.env.KEYCLOAK_URL;
const started = given ? null : await startKeycloak({ inMemory: true, log: false, port: Number(process.env.KEYCLOAK_PORT ?? 8180) });
const url = given ?? started?.url ?? '';
console.log(`Real Keycloak: ${url}${started ? ' (started for these tests)' : ''}`);

function run(title: string, cmd: string, args: string[], env: Record<string, string>): boolean {
  console.log(`\n== ${title}`);
  // UNIT_JSON_REPORT (set by .ci/run for npm test's unit run) would make vitest write these runs'
  // results over that report; each run here writes its own keycloak-*.json instead.
  const result = spawnSync(cmd, args, { cwd: root, stdio: 'inherit', env: { ...process.env, UNIT_JSON_REPORT: '', ...env } });
  return result.status === 0;
}

const vitestFlags = ['--no-file-parallelism', '--reporter=default', '--reporter=json'];
const results = [
  run(
    '(a) REST contract and (c) demo seed comparison, (b) Waldur-level cases',
    'npx',
    ['vitest', 'run', '--project', 'keycloak', ...vitestFlags, `--outputFile.json=${join(reports, 'keycloak-suites.json')}`],
    { KEYCLOAK_URL: url },
  ),
  run(
    "the simulator's API tests that apply, over the real Keycloak",
    'npx',
    [
      'vitest',
      'run',
      '--project',
      'node',
      ...vitestFlags,
      `--outputFile.json=${join(reports, 'keycloak-sim-api.json')}`,
      'sim/test/keycloak-settings.test.ts',
      'sim/test/integration-settings.test.ts',
      'sim/test/faults-control.test.ts',
      'sim/test/agent-8-1.test.ts',
      // Rancher's realms stay in memory, but its edit cases (Waldur's validation on PUT and
      // PATCH) must hold with the rest of the simulator over the real server too.
      'sim/test/rancher.test.ts',
    ],
    { SIM_TEST_KEYCLOAK_URL: url },
  ),
  run('e2e smoke through the app, simulator over the real Keycloak', 'npx', ['playwright', 'test', 'e2e/smoke.spec.ts', '--workers=1'], {
    E2E_KEYCLOAK_URL: url,
    E2E_JSON_REPORT: join(reports, 'keycloak-e2e.json'),
  }),
  run(
    'e2e Rancher edits through the app, simulator over the real Keycloak',
    'npx',
    ['playwright', 'test', 'e2e/rancher-memberships.spec.ts', '--workers=1', '-g', 'edit'],
    { E2E_KEYCLOAK_URL: url, E2E_JSON_REPORT: join(reports, 'keycloak-e2e-rancher.json') },
  ),
];

await started?.stop();
const ok = results.every(Boolean);
console.log(`\ntest:keycloak ${ok ? 'passed' : 'failed'}`);
process.exit(ok ? 0 : 1);
