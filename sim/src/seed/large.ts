// The `large` seed: the demo data plus one offering at benchmark scale (defaults: 20,000 local
// groups, 30,000 remote groups, 100,000 memberships, 50,000 remote users, 320 resources). Deterministic; built
// with plain loops and counters so it starts in a couple of seconds.
import type { RemoteGroup } from '../keycloak/realm.ts';
import type { Store } from '../model/store.ts';
import type { OfferingGroup, OfferingMembership } from '../model/types.ts';
import { REMOVED_EXTERNALLY } from '../tasks.ts';
import { keycloakId, uuidHex } from '../util/ids.ts';
import { createPrng } from '../util/prng.ts';
import { SeedBuilder } from './builder.ts';
import { DEMO, buildDemo } from './demo.ts';
import { FIRST_NAMES, LAST_NAMES, asciiLogin } from './names.ts';

export interface LargeSeedOptions {
  localGroups: number;
  remoteGroups: number;
  memberships: number;
  remoteUsers: number;
  /** Resources of the large offering (scopes are spread over them). */
  resources: number;
}

export const DEFAULT_LARGE: LargeSeedOptions = {
  localGroups: 20_000,
  remoteGroups: 30_000,
  memberships: 100_000,
  remoteUsers: 50_000,
  // More than one page (300) of resources, as an HPC offering with one per allocation has.
  resources: 320,
};

const largeUuid = (key: string): string => uuidHex(`large:${key}`);

export const LARGE = {
  offering: { uuid: largeUuid('offering'), name: 'Omega Supercomputer (large)', slug: 'omega-hpc' },
  roles: ['Viewer', 'Operator', 'Cluster Admin', 'Project Member', 'Namespace Editor', 'Auditor'].map((name, i) => ({
    uuid: largeUuid(`role:${i}`),
    name,
    scopeType: ['', '', 'cluster', 'project', 'namespace', ''][i] ?? '',
  })),
} as const;

export function buildLarge(store: Store, opts: LargeSeedOptions): void {
  buildDemo(store);
  // Seeded after the demo data, so the large offering's objects are the newest.
  const b = new SeedBuilder(store, '2025-03-01T00:00:00Z', 1_000_003);
  const prng = createPrng(99);
  const aurora = DEMO.customers.aurora.uuid;
  const off = LARGE.offering.uuid;
  store.addRealm('omega', 'omega');
  const realm = store.realms.get('omega');
  if (!realm) throw new Error('realm');
  b.offering({
    uuid: off,
    name: LARGE.offering.name,
    slug: LARGE.offering.slug,
    customerUuid: aurora,
    type: 'Marketplace.Slurm',
    description: 'Benchmark-scale offering.',
    pluginOptions: { keycloak_enabled: true, keycloak_sync_frequency: 15 },
    secretOptions: {
      keycloak_url: 'https://keycloak.omega.example.org/auth/',
      keycloak_realm: 'omega',
      keycloak_username: 'waldur-integration',
      keycloak_password: 'omega-s3cr3t',
    },
    realmKey: 'omega',
    unreachable: false,
  });
  for (const r of LARGE.roles)
    b.role(r.uuid, off, r.name, r.scopeType, r.scopeType ? r.scopeType.charAt(0).toUpperCase() + r.scopeType.slice(1) : '');
  const resources: string[] = [];
  for (let i = 0; i < Math.max(1, opts.resources); i++) {
    const uuid = largeUuid(`resource:${i}`);
    resources.push(uuid);
    b.resource({
      uuid,
      name: `omega-partition-${String(i).padStart(3, '0')}`,
      slug: `omega-partition-${i}`,
      offeringUuid: off,
      customerUuid: aurora,
      projectUuid: largeUuid(`project:${i % 10}`),
      projectName: `Omega project ${i % 10}`,
      options: {
        keycloak_available_scopes: Array.from({ length: 5 }, (_, k) => ({
          scope_type: 'project',
          scope_id: `op-${i}-${k}`,
          label: `Omega project ${i}.${k}`,
        })),
      },
    });
  }

  // Remote users.
  const usernames: string[] = [];
  for (let i = 0; i < opts.remoteUsers; i++) {
    const first = FIRST_NAMES[i % FIRST_NAMES.length] ?? 'User';
    const last = LAST_NAMES[(i * 7) % LAST_NAMES.length] ?? 'Person';
    const username = asciiLogin(first, last, i + 1);
    usernames.push(username);
    realm.createUser(
      { username, email: i % 9 === 0 ? '' : `${username}@omega.example.org`, firstName: first, lastName: last },
      keycloakId(`omega:user:${i}`),
    );
  }

  // Remote groups: the offering group at the top (no base group: Waldur 8.0.x sees one level of
  // children only), one child per linked local group, the rest remote-only (a fifth of those
  // nested one level down, which Waldur does not list).
  const offGroup = realm.createGroup(LARGE.offering.slug, null, keycloakId('omega:offering'));
  let remaining = Math.max(0, opts.remoteGroups - 1);
  const roleCount = LARGE.roles.length;
  const groups: OfferingGroup[] = [];
  const remoteOf: Array<RemoteGroup | null> = [];
  for (let i = 0; i < opts.localGroups; i++) {
    const role = LARGE.roles[i % roleCount];
    if (!role) throw new Error('role');
    const resIndex = Math.floor(i / roleCount) % resources.length;
    const resource = resources[resIndex] ?? null;
    const scopeId = `scope-${Math.floor(i / (roleCount * resources.length))}`;
    const name = `omega_${String(i).padStart(5, '0')}_${role.name}`;
    const kind = i % 50; // 0: orphaned, 1: unlinked, else linked
    let backendId = '';
    let remote: RemoteGroup | null = null;
    if (kind === 0) backendId = keycloakId(`omega:deleted:${i}`);
    else if (kind !== 1 && remaining > 0) {
      remote = realm.createGroup(name, offGroup.id, keycloakId(`omega:group:${i}`));
      backendId = remote.id;
      remaining -= 1;
    }
    groups.push(
      b.group({ uuid: largeUuid(`group:${i}`), name, backendId, offeringUuid: off, roleUuid: role.uuid, resourceUuid: resource, scopeId }),
    );
    remoteOf.push(remote);
  }
  let parentForNested: RemoteGroup = offGroup;
  for (let j = 0; remaining > 0; j++) {
    const nested = j % 5 === 4;
    const g = realm.createGroup(
      nested ? `subgroup-${j}` : `remote-only-${String(j).padStart(5, '0')}`,
      nested ? parentForNested.id : offGroup.id,
      keycloakId(`omega:remote-only:${j}`),
    );
    if (!nested) parentForNested = g;
    remaining -= 1;
  }

  // Memberships: round-robin over groups, distinct users inside a group.
  const nGroups = groups.length;
  const nUsers = usernames.length;
  if (nGroups > 0 && nUsers > 0) {
    for (let j = 0; j < opts.memberships; j++) {
      const gi = j % nGroups;
      const k = Math.floor(j / nGroups);
      const group = groups[gi];
      if (!group) continue;
      const roll = prng.next();
      const pending = roll < 0.08;
      const error = !pending && roll < 0.12;
      const username = pending ? `pending-user-${j}` : (usernames[(gi * 37 + k) % nUsers] ?? 'x');
      const t = b.next();
      const user = pending ? undefined : realm.findUser(username);
      const m: OfferingMembership = {
        uuid: largeUuid(`membership:${j}`),
        username,
        email: user?.email || `${username}@pending.example.org`,
        firstName: user?.firstName ?? '',
        lastName: user?.lastName ?? '',
        groupUuid: group.uuid,
        offeringUuid: off,
        accountUuid: null,
        state: pending ? 'pending' : 'active',
        created: t,
        modified: t,
        lastChecked: t,
        errorMessage: error ? REMOVED_EXTERNALLY : '',
        errorTraceback: '',
      };
      store.memberships.insert(m);
      const remote = remoteOf[gi];
      if (!pending && !error && remote && user) remote.members.add(user.id);
    }
  }
  b.finish();
}
