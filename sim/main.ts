// `npm run sim`: the simulator on its own HTTP port.
//   tsx sim/main.ts [--waldur 8.0|8.1] [--seed showcase|demo|large] [--without-offering-keycloak] [--port N]
//                   [--large-groups N] [--large-remote-groups N] [--large-memberships N]
//                   [--large-users N] [--latency MS]
//                   [--keycloak URL [--keycloak-admin NAME] [--keycloak-password PASSWORD]]
// With --keycloak, the offerings' realms are seeded into that real Keycloak and served from it
// (admin account from the flags, else KEYCLOAK_ADMIN / KEYCLOAK_ADMIN_PASSWORD, else admin/admin).
import { createServer } from 'node:http';
import { createSimulator } from './src/simulator.ts';
import type { LargeSeedOptions, SimulatorOptions } from './src/simulator.ts';
import { toNodeMiddleware } from './src/node.ts';
import { DEMO } from './src/seed/demo.ts';
import { SHOWCASE } from './src/seed/showcase.ts';
import { DEFAULT_INTERACTIVE_SEED, isSeedName, SEED_NAMES } from './src/seed/seeds.ts';
import { realKeycloakOptions } from './src/keycloak/real.ts';

function usage(message?: string): never {
  if (message) console.error(message);
  console.error(
    'usage: tsx sim/main.ts [--waldur 8.0|8.1] [--seed showcase|demo|large] [--without-offering-keycloak] [--port N]\n' +
      '                       [--large-groups N] [--large-remote-groups N] [--large-memberships N] [--large-users N]\n' +
      '                       [--latency MS] [--keycloak URL [--keycloak-admin NAME] [--keycloak-password PASSWORD]]',
  );
  process.exit(2);
}

function parseArgs(argv: string[]): { options: SimulatorOptions; port: number; latency: number } {
  const options: SimulatorOptions = { seed: DEFAULT_INTERACTIVE_SEED };
  const large: Partial<LargeSeedOptions> = {};
  const keycloak: { url?: string; admin?: string; password?: string } = {};
  let port = Number(process.env.SIM_PORT ?? 8000);
  let latency = 0;
  const num = (value: string | undefined, flag: string): number => {
    const n = Number(value);
    if (value === undefined || !Number.isInteger(n) || n < 0) usage(`${flag} needs a non-negative integer`);
    return n;
  };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const [flag, inline] = arg?.includes('=') ? (arg.split('=', 2) as [string, string]) : [arg, undefined];
    const value = (): string | undefined => inline ?? argv[++i];
    switch (flag) {
      case '--seed': {
        const v = value();
        if (!isSeedName(v)) usage(`--seed must be one of ${SEED_NAMES.join(', ')}`);
        options.seed = v;
        break;
      }
      case '--waldur': {
        const v = value();
        if (v !== '8.0' && v !== '8.1') usage('--waldur must be 8.0 or 8.1');
        options.waldur = v;
        break;
      }
      case '--without-offering-keycloak':
        options.withoutOfferingKeycloak = true;
        break;
      case '--port':
        port = num(value(), '--port');
        break;
      case '--latency':
        latency = num(value(), '--latency');
        break;
      case '--large-groups':
        large.localGroups = num(value(), flag);
        break;
      case '--large-remote-groups':
        large.remoteGroups = num(value(), flag);
        break;
      case '--large-memberships':
        large.memberships = num(value(), flag);
        break;
      case '--large-users':
        large.remoteUsers = num(value(), flag);
        break;
      case '--keycloak':
        keycloak.url = value() ?? usage('--keycloak needs a URL');
        break;
      case '--keycloak-admin':
        keycloak.admin = value() ?? usage('--keycloak-admin needs a name');
        break;
      case '--keycloak-password':
        keycloak.password = value() ?? usage('--keycloak-password needs a password');
        break;
      case '--help':
      case '-h':
        usage();
        break;
      default:
        usage(`unknown argument ${arg ?? ''}`);
    }
  }
  if (Object.keys(large).length > 0) options.large = large;
  if (keycloak.url) options.keycloak = realKeycloakOptions(keycloak.url, keycloak);
  return { options, port, latency };
}

const { options, port, latency } = parseArgs(process.argv.slice(2));
const started = Date.now();
const sim = createSimulator(options);
try {
  await sim.ready;
} catch (err) {
  console.error(`Could not seed the Keycloak at ${options.keycloak?.url ?? ''}: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
}
if (latency > 0) sim.setFaults({ latencyMs: latency });
const middleware = toNodeMiddleware(sim);
const server = createServer((req, res) =>
  middleware(req, res, () => {
    res.statusCode = 404;
    res.setHeader('Content-Type', 'text/plain; charset=utf-8');
    res.end('Not found (the simulator serves /api/, /api-auth/ and /__sim/)\n');
  }),
);
server.listen(port, () => {
  const url = `http://localhost:${port}`;
  const version =
    options.waldur === '8.1'
      ? '8.1.3 (offering roles)'
      : options.withoutOfferingKeycloak
        ? '8.0.8 (no offering Keycloak endpoints)'
        : '8.0.5';
  console.log(`Waldur simulator (${version}, seed ${options.seed ?? DEFAULT_INTERACTIVE_SEED}) ready in ${Date.now() - started} ms`);
  console.log(`  Keycloak: ${options.keycloak ? `real, ${options.keycloak.url} (realms seeded)` : 'in memory'}`);
  console.log(`  API:      ${url}/api/`);
  console.log(`  Control:  ${url}/__sim/  (reset, faults, tick, state, remote/...)`);
  const showcase = options.seed === 'showcase' && options.waldur !== '8.1';
  const provider = showcase ? 'Lumen Supercomputing Centre' : 'Aurora Research Computing';
  const tokens = showcase ? SHOWCASE.tokens : DEMO.tokens;
  console.log(`  Accounts: staff/staff (staff), owner/owner (owns ${provider}), viewer/viewer (no rights)`);
  if (options.waldur === '8.1') console.log('            consumer/consumer, pi/pi (consumer side; see sim/README.md)');
  console.log(`  Tokens:   staff ${tokens.staff}`);
  console.log(`            owner ${tokens.owner}`);
  console.log(`            viewer ${tokens.viewer}`);
});
