// The `showcase` seed: what `npm start` and `npm run sim` show. A national supercomputing centre
// and a university lab grant access to their services through Keycloak groups.
//
// It is written as tables. To add a person, add a row to PEOPLE; a group, a row to an offering's
// `groups`; an offering, an entry in OFFERINGS. The functions at the bottom turn the tables into
// Waldur and Keycloak state and need no change for that.
//
// The states the UI must handle are here in the form they take in real life: a group whose
// Keycloak group was deleted by hand, a group not linked yet, a member waiting for their first
// login, a member someone removed in the Keycloak console. The hostile and edge-case strings
// (script tags, SQL, right-to-left overrides, 255-character names) live in the `demo` seed
// (`demo.ts`), the one the tests use.
import type { Realm, RemoteGroup } from '../keycloak/realm.ts';
import type { Store } from '../model/store.ts';
import type { JsonObject, Offering, OfferingRole, Resource } from '../model/types.ts';
import { keycloakGroupName } from '../handlers/offering-keycloak-shared.ts';
import { REMOVED_EXTERNALLY } from '../tasks.ts';
import { keycloakId, tokenKey, uuidHex } from '../util/ids.ts';
import { createPrng } from '../util/prng.ts';
import { SeedBuilder } from './builder.ts';
import { generatePeople, type PersonSpec } from './names.ts';

// ---- the tables --------------------------------------------------------------------------------

/** The Waldur accounts (password = username), the same three the tests use. */
const ACCOUNTS = [
  { key: 'staff', firstName: 'Stella', lastName: 'Staffer', email: 'stella.staffer@lumen-hpc.example.eu', isStaff: true, owns: [] },
  { key: 'owner', firstName: 'Oscar', lastName: 'Owner', email: 'oscar.owner@lumen-hpc.example.eu', isStaff: false, owns: ['lumen'] },
  { key: 'viewer', firstName: 'Vera', lastName: 'Viewer', email: 'vera.viewer@riverside.example.edu', isStaff: false, owns: [] },
] as const;

/** Service provider organizations. */
const ORGANIZATIONS = {
  lumen: { name: 'Lumen Supercomputing Centre', slug: 'lumen-supercomputing' },
  riverside: { name: 'Riverside University', slug: 'riverside-university' },
} as const;
type OrganizationKey = keyof typeof ORGANIZATIONS;

/** People with a Keycloak account. Usernames are what members are added by. */
const PEOPLE: PersonSpec[] = [
  person('amara.okafor', 'Amara', 'Okafor', 'riverside.example.edu'),
  person('ben.whitaker', 'Ben', 'Whitaker', 'riverside.example.edu'),
  person('chiara.rossi', 'Chiara', 'Rossi', 'riverside.example.edu'),
  person('daniel.kim', 'Daniel', 'Kim', 'riverside.example.edu'),
  person('elena.popescu', 'Elena', 'Popescu', 'riverside.example.edu'),
  person('farid.haddad', 'Farid', 'Haddad', 'riverside.example.edu'),
  person('grace.mwangi', 'Grace', 'Mwangi', 'riverside.example.edu'),
  person('hiroshi.tanaka', 'Hiroshi', 'Tanaka', 'riverside.example.edu'),
  person('ingrid.solberg', 'Ingrid', 'Solberg', 'polar-institute.example.no'),
  person('jonas.berg', 'Jonas', 'Berg', 'polar-institute.example.no'),
  person('katja.lehtonen', 'Katja', 'Lehtonen', 'polar-institute.example.no'),
  person('lucas.martin', 'Lucas', 'Martin', 'polar-institute.example.no'),
  person('maya.patel', 'Maya', 'Patel', 'cityair.example.org'),
  person('nils.andersen', 'Nils', 'Andersen', 'cityair.example.org'),
  person('olga.ivanova', 'Olga', 'Ivanova', 'oncology.example.org'),
  person('pavel.novak', 'Pavel', 'Novák', 'polar-institute.example.no'),
  person('rosa.delgado', 'Rosa', 'Delgado', 'oncology.example.org'),
  person('samuel.osei', 'Samuel', 'Osei', 'oncology.example.org'),
  person('teresa.silva', 'Teresa', 'Silva', 'lumen-hpc.example.eu'),
  person('ulrich.weber', 'Ulrich', 'Weber', 'lumen-hpc.example.eu'),
  person('wei.zhang', 'Wei', 'Zhang', 'riverside.example.edu'),
  person('yasmin.nasser', 'Yasmin', 'Nasser', 'riverside.example.edu'),
  { username: 'zoe.fraser', email: '', firstName: 'Zoë', lastName: 'Fraser' },
];

/** People Keycloak does not know yet: their memberships wait (pending) for their first login. */
const NEWCOMERS: PersonSpec[] = [
  person('tomas.horak', 'Tomáš', 'Horák', 'riverside.example.edu'),
  person('lea.dubois', 'Léa', 'Dubois', 'polar-institute.example.no'),
  person('student.intern', 'Sam', 'Intern', 'riverside.example.edu'),
];

/** How a local group stands with Keycloak. */
type KeycloakLink =
  /** Points at its Keycloak group, which exists (the normal case). */
  | 'linked'
  /** Has no Keycloak group yet; one with its exact name exists, so it can be linked. */
  | 'not linked'
  /** Points at a Keycloak group someone deleted. */
  | 'deleted in Keycloak';

interface GroupRow {
  role: string;
  resource?: string;
  /** A Keycloak scope of the resource (its `scope_id`), for roles with a scope type. */
  scope?: string;
  keycloak: KeycloakLink;
  /** Active members; they are also in the Keycloak group. */
  members: string[];
  /** Active members someone removed from the Keycloak group by hand (the last sync flagged them). */
  removedInKeycloak?: string[];
  /** Pending members, from NEWCOMERS. */
  waiting?: string[];
}

interface OfferingRow {
  name: string;
  slug: string;
  provider: OrganizationKey;
  type: string;
  description: string;
  /** Where its Keycloak is, or null for an offering without Keycloak. */
  keycloak: { url: string; realm: string } | null;
  /** Plugin options besides `keycloak_enabled`. */
  options?: JsonObject;
  roles: Array<{ name: string; scopeType?: string; scopeLabel?: string }>;
  /** Resources (allocations), each in a project of a consumer. */
  resources: Array<{ slug: string; project: string; scopes?: Array<{ scope_type: string; scope_id: string; label: string }> }>;
  /** Local groups, in the order the groups table lists them (newest first). */
  groups: GroupRow[];
  /** Keycloak groups under the offering's group that no local group points at. */
  keycloakOnly?: Array<{ name: string; members: string[] }>;
}

const OFFERINGS: Record<'lumenHpc' | 'compbioK8s' | 'lumenStorage', OfferingRow> = {
  lumenHpc: {
    name: 'Lumen HPC Cluster',
    slug: 'lumen-hpc',
    provider: 'lumen',
    type: 'Marketplace.Slurm',
    description: 'CPU and GPU allocations on the Lumen supercomputer, one Keycloak group per allocation and role.',
    keycloak: { url: 'https://sso.lumen-hpc.example.eu/auth/', realm: 'lumen' },
    options: {
      keycloak_sync_frequency: 15,
      keycloak_username_label: 'Lumen username',
      keycloak_group_name_template: '$resource_slug-$role_name',
    },
    roles: [{ name: 'PI' }, { name: 'Member' }, { name: 'Data steward' }],
    resources: [
      { slug: 'protein-dynamics-2025', project: 'Protein Dynamics' },
      { slug: 'arctic-downscaling', project: 'Arctic Climate Downscaling' },
      { slug: 'air-quality-ml', project: 'Urban Air Quality' },
      { slug: 'cancer-genomics-atlas', project: 'Cancer Genomics Atlas' },
    ],
    groups: [
      { role: 'PI', resource: 'protein-dynamics-2025', keycloak: 'linked', members: ['amara.okafor'] },
      {
        role: 'Member',
        resource: 'protein-dynamics-2025',
        keycloak: 'linked',
        members: ['ben.whitaker', 'chiara.rossi', 'daniel.kim', 'elena.popescu', 'wei.zhang', 'zoe.fraser'],
        waiting: ['tomas.horak'],
      },
      { role: 'PI', resource: 'arctic-downscaling', keycloak: 'linked', members: ['ingrid.solberg'] },
      {
        role: 'Member',
        resource: 'arctic-downscaling',
        keycloak: 'linked',
        members: ['jonas.berg', 'katja.lehtonen', 'lucas.martin'],
        removedInKeycloak: ['pavel.novak'],
        waiting: ['lea.dubois'],
      },
      { role: 'Member', resource: 'air-quality-ml', keycloak: 'not linked', members: ['maya.patel', 'nils.andersen'] },
      { role: 'Data steward', resource: 'cancer-genomics-atlas', keycloak: 'linked', members: ['rosa.delgado'] },
      { role: 'Member', resource: 'cancer-genomics-atlas', keycloak: 'deleted in Keycloak', members: ['olga.ivanova', 'samuel.osei'] },
    ],
    keycloakOnly: [
      { name: 'air-quality-ml-Member', members: ['maya.patel', 'nils.andersen'] },
      { name: 'lumen-support', members: ['teresa.silva', 'ulrich.weber'] },
      { name: 'summer-school-2025', members: [] },
    ],
  },
  compbioK8s: {
    name: 'CompBio Lab Kubernetes',
    slug: 'compbio-k8s',
    provider: 'riverside',
    type: 'Marketplace.Rancher',
    description: 'The Computational Biology Lab’s Kubernetes cluster: pipelines, notebooks and teaching.',
    keycloak: { url: 'https://login.riverside.example.edu/', realm: 'riverside' },
    options: { keycloak_group_name_template: '$resource_slug-$scope_id-$role_name' },
    roles: [
      { name: 'Developer', scopeType: 'project', scopeLabel: 'Rancher project' },
      { name: 'Namespace viewer', scopeType: 'namespace', scopeLabel: 'Namespace' },
    ],
    resources: [
      {
        slug: 'compbio-prod',
        project: 'Computational Biology Lab',
        scopes: [
          { scope_type: 'project', scope_id: 'p-rnaseq', label: 'RNA-seq pipeline' },
          { scope_type: 'project', scope_id: 'p-imaging', label: 'Cell imaging' },
          { scope_type: 'namespace', scope_id: 'ns-shared', label: 'Shared reference data' },
        ],
      },
      {
        slug: 'compbio-teaching',
        project: 'Bioinformatics course BIO-341',
        scopes: [{ scope_type: 'namespace', scope_id: 'ns-bio341', label: 'BIO-341 notebooks' }],
      },
    ],
    groups: [
      {
        role: 'Developer',
        resource: 'compbio-prod',
        scope: 'p-rnaseq',
        keycloak: 'linked',
        members: ['farid.haddad', 'grace.mwangi', 'amara.okafor'],
      },
      {
        role: 'Developer',
        resource: 'compbio-prod',
        scope: 'p-imaging',
        keycloak: 'linked',
        members: ['yasmin.nasser', 'daniel.kim', 'hiroshi.tanaka'],
      },
      {
        role: 'Namespace viewer',
        resource: 'compbio-prod',
        scope: 'ns-shared',
        keycloak: 'linked',
        members: ['wei.zhang', 'hiroshi.tanaka'],
      },
      {
        role: 'Namespace viewer',
        resource: 'compbio-teaching',
        scope: 'ns-bio341',
        keycloak: 'linked',
        members: ['ben.whitaker', 'chiara.rossi'],
        waiting: ['student.intern'],
      },
    ],
  },
  lumenStorage: {
    name: 'Lumen Object Storage',
    slug: 'lumen-object-storage',
    provider: 'lumen',
    type: 'Marketplace.Basic',
    description: 'S3-compatible storage; access is managed with keys, not Keycloak.',
    keycloak: null,
    roles: [{ name: 'Bucket user' }],
    resources: [{ slug: 'climate-archive', project: 'Arctic Climate Downscaling' }],
    groups: [],
  },
};

/** The Rancher clusters of Lumen, reached through Keycloak groups named by Waldur. */
const RANCHER = {
  settings: { name: 'Lumen Rancher', url: 'https://rancher.lumen-hpc.example.eu' },
  cluster: { name: 'lumen-k8s', description: 'Shared Kubernetes for research platforms', project: 'Platform services' },
  projects: [
    { name: 'jupyterhub', description: 'Notebooks for course and research users' },
    { name: 'model-serving', description: 'Inference endpoints' },
  ],
  roleTemplates: [
    { name: 'cluster-owner', displayName: 'Cluster Owner', scopeType: 'cluster' },
    { name: 'cluster-member', displayName: 'Cluster Member', scopeType: 'cluster' },
    { name: 'project-owner', displayName: 'Project Owner', scopeType: 'project' },
    { name: 'project-member', displayName: 'Project Member', scopeType: 'project' },
  ],
  /** One Keycloak group per role and scope (a project name, or the cluster). */
  groups: [
    { roleTemplate: 'cluster-owner', scope: 'cluster', members: ['teresa.silva', 'ulrich.weber'], waiting: [] },
    {
      roleTemplate: 'project-member',
      scope: 'jupyterhub',
      members: ['ben.whitaker', 'chiara.rossi', 'maya.patel'],
      waiting: ['tomas.horak'],
    },
    { roleTemplate: 'project-owner', scope: 'model-serving', members: ['hiroshi.tanaka'], waiting: [] },
  ],
} as const;

// ---- identifiers the tests and tools use -------------------------------------------------------

/** Stable uuids: the same key gives the same uuid on every build. */
const showcaseUuid = (key: string): string => uuidHex(`showcase:${key}`);

export const SHOWCASE = {
  accounts: Object.fromEntries(
    ACCOUNTS.map((a) => [a.key, { uuid: showcaseUuid(`account:${a.key}`), username: a.key, password: a.key }]),
  ) as Record<(typeof ACCOUNTS)[number]['key'], { uuid: string; username: string; password: string }>,
  /** Pre-seeded tokens (send as `Authorization: Token <key>`). */
  tokens: { staff: tokenKey('showcase:staff'), owner: tokenKey('showcase:owner'), viewer: tokenKey('showcase:viewer') },
  offerings: Object.fromEntries(
    Object.entries(OFFERINGS).map(([key, o]) => [key, { uuid: showcaseUuid(`offering:${key}`), name: o.name, slug: o.slug }]),
  ) as Record<keyof typeof OFFERINGS, { uuid: string; name: string; slug: string }>,
  people: PEOPLE.map((p) => p.username),
} as const;

// ---- turning the tables into state -------------------------------------------------------------

export function buildShowcase(store: Store): void {
  const b = new SeedBuilder(store);
  const organizations = seedOrganizations(b);
  seedAccounts(b, organizations);
  // Listed newest first: seed in reverse so the tables' order is the order on screen.
  for (const [key, row] of Object.entries(OFFERINGS).reverse()) {
    seedOffering(b, store, organizations, key, row);
  }
  seedRancher(b, store, organizations);
  b.finish();
}

function person(username: string, firstName: string, lastName: string, domain: string): PersonSpec {
  return { username, firstName, lastName, email: `${username}@${domain}` };
}

function seedOrganizations(b: SeedBuilder): Record<OrganizationKey, string> {
  const uuids = {} as Record<OrganizationKey, string>;
  for (const [key, o] of Object.entries(ORGANIZATIONS) as Array<[OrganizationKey, (typeof ORGANIZATIONS)[OrganizationKey]]>) {
    uuids[key] = b.customer(showcaseUuid(`organization:${key}`), o.name, o.slug).uuid;
  }
  return uuids;
}

function seedAccounts(b: SeedBuilder, organizations: Record<OrganizationKey, string>): void {
  for (const a of ACCOUNTS) {
    b.account({
      uuid: SHOWCASE.accounts[a.key].uuid,
      username: a.key,
      password: a.key,
      firstName: a.firstName,
      lastName: a.lastName,
      email: a.email,
      isStaff: a.isStaff,
      isSupport: false,
      ownerOf: a.owns.map((key) => organizations[key]),
      tokenKey: SHOWCASE.tokens[a.key],
    });
  }
}

/** A realm with every person in PEOPLE, plus a few hundred more so that searches have work to do. */
function seedRealm(store: Store, key: string, kind: string): Realm {
  const realm = store.addRealm(key, kind);
  const others = generatePeople(createPrng(2025), 120);
  for (const p of [...PEOPLE, ...others]) realm.createUser(p, keycloakId(`showcase:${key}:user:${p.username}`));
  return realm;
}

function keycloakSecret(keycloak: { url: string; realm: string }): JsonObject {
  return {
    keycloak_url: keycloak.url,
    keycloak_realm: keycloak.realm,
    keycloak_user_realm: 'master',
    keycloak_username: 'waldur-integration',
    keycloak_password: `${keycloak.realm}-integration-password`,
    keycloak_ssl_verify: true,
  };
}

function seedOffering(b: SeedBuilder, store: Store, organizations: Record<OrganizationKey, string>, key: string, row: OfferingRow): void {
  const realm = row.keycloak ? seedRealm(store, row.keycloak.realm, row.keycloak.realm) : null;
  const offering = b.offering({
    uuid: showcaseUuid(`offering:${key}`),
    name: row.name,
    slug: row.slug,
    customerUuid: organizations[row.provider],
    type: row.type,
    description: row.description,
    pluginOptions: row.keycloak ? { keycloak_enabled: true, ...row.options } : { ...row.options },
    secretOptions: row.keycloak ? keycloakSecret(row.keycloak) : {},
    realmKey: row.keycloak ? row.keycloak.realm : null,
    unreachable: false,
  });
  const roles = new Map<string, OfferingRole>();
  for (const r of row.roles) {
    roles.set(r.name, b.role(showcaseUuid(`role:${key}:${r.name}`), offering.uuid, r.name, r.scopeType ?? '', r.scopeLabel ?? ''));
  }
  const resources = new Map<string, Resource>();
  for (const r of row.resources) {
    resources.set(
      r.slug,
      b.resource({
        uuid: showcaseUuid(`resource:${r.slug}`),
        name: r.slug,
        slug: r.slug,
        offeringUuid: offering.uuid,
        customerUuid: offering.customerUuid,
        projectUuid: showcaseUuid(`project:${r.project}`),
        projectName: r.project,
        options: r.scopes ? { keycloak_available_scopes: r.scopes } : {},
      }),
    );
  }
  if (!realm) return;
  // Without a base group, Waldur keeps an offering's groups under a top-level group named by its slug.
  const offeringGroup = realm.createGroup(row.slug, null, keycloakId(`showcase:${key}:offering-group`));
  for (const g of row.keycloakOnly ?? []) {
    addMembers(realm, realm.createGroup(g.name, offeringGroup.id, keycloakId(`showcase:${key}:group:${g.name}`)), g.members);
  }
  for (const g of [...row.groups].reverse()) {
    seedGroup(b, store, realm, offering, offeringGroup, g, pick(roles, g.role), g.resource ? pick(resources, g.resource) : undefined);
  }
}

function seedGroup(
  b: SeedBuilder,
  store: Store,
  realm: Realm,
  offering: Offering,
  offeringGroup: RemoteGroup,
  row: GroupRow,
  role: OfferingRole,
  resource: Resource | undefined,
): void {
  const name = keycloakGroupName(store, offering, role, resource, row.scope ?? '');
  const keycloakGroupId = keycloakId(`showcase:${offering.slug}:group:${name}`);
  if (row.keycloak === 'linked') realm.createGroup(name, offeringGroup.id, keycloakGroupId);
  const group = b.group({
    uuid: showcaseUuid(`group:${offering.slug}:${name}`),
    name,
    backendId: row.keycloak === 'not linked' ? '' : keycloakGroupId,
    offeringUuid: offering.uuid,
    roleUuid: role.uuid,
    resourceUuid: resource?.uuid ?? null,
    scopeId: row.scope ?? '',
  });
  const member = (username: string, extra: { inKeycloakGroup: boolean; errorMessage?: string }): void => {
    b.membership({
      uuid: showcaseUuid(`membership:${group.uuid}:${username}`),
      group,
      username,
      state: 'active',
      realm,
      inRemoteGroup: extra.inKeycloakGroup,
      ...(extra.errorMessage ? { errorMessage: extra.errorMessage } : {}),
    });
  };
  for (const username of row.removedInKeycloak ?? []) member(username, { inKeycloakGroup: false, errorMessage: REMOVED_EXTERNALLY });
  for (const username of row.members) member(username, { inKeycloakGroup: true });
  for (const newcomer of (row.waiting ?? []).map((username) => personIn(NEWCOMERS, username))) {
    b.membership({
      uuid: showcaseUuid(`membership:${group.uuid}:${newcomer.username}`),
      group,
      username: newcomer.username,
      email: newcomer.email,
      state: 'pending',
      realm,
    });
  }
}

function seedRancher(b: SeedBuilder, store: Store, organizations: Record<OrganizationKey, string>): void {
  const realm = seedRealm(store, 'lumen-rancher', 'rancher');
  const settings = b.settings({
    uuid: showcaseUuid('rancher:settings'),
    name: RANCHER.settings.name,
    customerUuid: organizations.lumen,
    realmKey: 'lumen-rancher',
    backendUrl: RANCHER.settings.url,
  });
  const cluster = b.cluster({
    uuid: showcaseUuid(`rancher:cluster:${RANCHER.cluster.name}`),
    name: RANCHER.cluster.name,
    description: RANCHER.cluster.description,
    settingsUuid: settings.uuid,
    customerUuid: organizations.lumen,
    projectUuid: showcaseUuid(`project:${RANCHER.cluster.project}`),
    projectName: RANCHER.cluster.project,
    backendId: 'c-lumen01',
  });
  const scopes = new Map<string, { uuid: string; prefix: 'c' | 'p' }>([['cluster', { uuid: cluster.uuid, prefix: 'c' }]]);
  for (const [i, p] of RANCHER.projects.entries()) {
    const project = b.project({
      uuid: showcaseUuid(`rancher:project:${p.name}`),
      name: p.name,
      description: p.description,
      clusterUuid: cluster.uuid,
      backendId: `p-lumen0${i + 1}`,
    });
    scopes.set(p.name, { uuid: project.uuid, prefix: 'p' });
  }
  const templates = new Map<string, string>();
  for (const t of RANCHER.roleTemplates) {
    templates.set(
      t.name,
      b.roleTemplate({ uuid: showcaseUuid(`rancher:role-template:${t.name}`), ...t, settingsUuid: settings.uuid }).uuid,
    );
  }
  // Waldur names Rancher groups c_<cluster uuid>_<role> / p_<project uuid>_<role>, under c_<cluster uuid>.
  const clusterGroup = realm.createGroup(`c_${cluster.uuid}`, null, keycloakId('showcase:lumen-rancher:cluster-group'));
  for (const g of RANCHER.groups) {
    const scope = pick(scopes, g.scope);
    const name = `${scope.prefix}_${scope.uuid}_${g.roleTemplate}`;
    const group = b.rancherGroup({
      uuid: showcaseUuid(`rancher:group:${name}`),
      name,
      backendId: realm.createGroup(name, clusterGroup.id, keycloakId(`showcase:lumen-rancher:group:${name}`)).id,
      roleUuid: pick(templates, g.roleTemplate),
      scopeUuid: scope.uuid,
    });
    const members = [
      ...g.members.map((username) => ({ person: personIn(PEOPLE, username), state: 'active' as const })),
      ...g.waiting.map((username) => ({ person: personIn(NEWCOMERS, username), state: 'pending' as const })),
    ];
    for (const { person, state } of members) {
      b.rancherMembership({
        uuid: showcaseUuid(`rancher:membership:${name}:${person.username}`),
        group,
        username: person.username,
        email: person.email,
        state,
        realm,
        inRemoteGroup: state === 'active',
      });
    }
  }
}

function addMembers(realm: Realm, group: RemoteGroup, usernames: readonly string[]): void {
  for (const username of usernames) {
    const user = realm.findUser(username);
    if (!user) throw new Error(`showcase seed: ${username} has no Keycloak account`);
    realm.addMember(group.id, user.id);
  }
}

/** A person of PEOPLE or NEWCOMERS, by username; a typo fails the seed at once. */
function personIn(people: PersonSpec[], username: string): PersonSpec {
  const found = people.find((p) => p.username === username);
  if (!found) throw new Error(`showcase seed: ${username} is not in that table of people`);
  return found;
}

/** A row the tables refer to by name; a typo fails the seed at once. */
function pick<T>(rows: Map<string, T>, name: string): T {
  const row = rows.get(name);
  if (row === undefined) throw new Error(`showcase seed: no "${name}"`);
  return row;
}
