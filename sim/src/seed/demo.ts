// The `demo` seed: the tests' seed. Every state the UI must handle, with the hostile and
// edge-case strings it must show as plain text (script tags, SQL, right-to-left overrides,
// 150- and 255-character names) in the first rows, where the tests look. `DEMO` holds the
// well-known identifiers the unit and end-to-end tests import; the data must stay exactly as it
// is, since their assertions count and name it. A person trying the app sees the `showcase` seed
// (showcase.ts) instead.
import type { Realm, RemoteGroup } from '../keycloak/realm.ts';
import type { Store } from '../model/store.ts';
import type { OfferingGroup } from '../model/types.ts';
import { REMOVED_EXTERNALLY, SYNC_FAILED } from '../tasks.ts';
import { keycloakId, tokenKey, uuidHex } from '../util/ids.ts';
import { createPrng } from '../util/prng.ts';
import { SeedBuilder, remoteGroup } from './builder.ts';
import { HOSTILE, generatePeople } from './names.ts';

const demoUuid = (key: string): string => uuidHex(`demo:${key}`);
const alphaKeycloakId = (key: string): string => keycloakId(`alpha:${key}`);
const betaKeycloakId = (key: string): string => keycloakId(`beta:${key}`);
const gammaKeycloakId = (key: string): string => keycloakId(`gamma:${key}`);
const rancherKeycloakId = (key: string): string => keycloakId(`rancher:${key}`);

const OFFERING = {
  a: demoUuid('offering:alpha'),
  b: demoUuid('offering:beta'),
  g: demoUuid('offering:gamma'),
  d: demoUuid('offering:delta'),
  e: demoUuid('offering:epsilon'),
  z: demoUuid('offering:zeta'),
};
const RESOURCE = {
  aProd: demoUuid('resource:alpha-prod'),
  aDev: demoUuid('resource:alpha-dev'),
  aArchive: demoUuid('resource:alpha-archive'),
  bShared: demoUuid('resource:beta-shared'),
  bEdu: demoUuid('resource:beta-edu'),
  gPool: demoUuid('resource:gamma-pool'),
  dBucket: demoUuid('resource:delta-bucket'),
};
const CLUSTER = { prod: demoUuid('cluster:aurora-prod'), dev: demoUuid('cluster:aurora-dev'), boreal: demoUuid('cluster:boreal-k8s') };
const RANCHER_PROJECT = {
  ml: demoUuid('rproject:ml-platform'),
  web: demoUuid('rproject:web-frontend'),
  sandbox: demoUuid('rproject:sandbox'),
  analytics: demoUuid('rproject:analytics'),
};

/** Generated remote users of the Alpha realm, addressed as alphaPerson(1) .. alphaPerson(210). */
const ALPHA_PEOPLE = generatePeople(createPrng(20250106), 210);
const alphaPerson = (n: number): string => {
  const p = ALPHA_PEOPLE[n - 1];
  if (!p) throw new Error(`no generated user ${n}`);
  return p.username;
};
const BETA_PEOPLE = generatePeople(createPrng(7331), 60, 'b.');
const RANCHER_PEOPLE = generatePeople(createPrng(4242), 30, 'r.');

export const DEMO = {
  accounts: {
    staff: { uuid: demoUuid('account:staff'), username: 'staff', password: 'staff', fullName: 'Stella Staffer' },
    owner: { uuid: demoUuid('account:owner'), username: 'owner', password: 'owner', fullName: 'Oscar Owner' },
    viewer: { uuid: demoUuid('account:viewer'), username: 'viewer', password: 'viewer', fullName: 'Vera Viewer' },
  },
  /** Pre-seeded tokens (send as `Authorization: Token <key>`). */
  tokens: { staff: tokenKey('demo:staff'), owner: tokenKey('demo:owner'), viewer: tokenKey('demo:viewer') },
  customers: {
    aurora: { uuid: demoUuid('customer:aurora'), name: 'Aurora Research Computing' },
    boreal: { uuid: demoUuid('customer:boreal'), name: 'Boreal Data Services' },
  },
  offerings: {
    /** Healthy, hierarchical realm ({alpha-hpc}/..., no base group), owned by `owner`'s organization. */
    healthyA: { uuid: OFFERING.a, name: 'Alpha HPC Platform', slug: 'alpha-hpc', customer: 'aurora' },
    /** Healthy legacy flat realm: remote_groups lists every group flattened (duplicate names). Not owner's. */
    healthyB: { uuid: OFFERING.b, name: 'Beta Kubernetes Service', slug: 'beta-k8s', customer: 'boreal' },
    /** Keycloak enabled but its server is unreachable: every remote action fails. */
    unreachable: { uuid: OFFERING.g, name: 'Gamma Legacy Cloud', slug: 'gamma-cloud', customer: 'aurora' },
    /** Keycloak not enabled. */
    noKeycloak: { uuid: OFFERING.d, name: 'Delta Object Storage', slug: 'delta-storage', customer: 'aurora' },
    /** Keycloak enabled, secret_options incomplete (no username/password): remote actions fail. */
    misconfigured: { uuid: OFFERING.e, name: 'Epsilon Analytics', slug: 'epsilon-analytics', customer: 'aurora' },
    /**
     * Healthy realm with a base group ({waldur}/{zeta-viz}/...): Waldur fetches one level of
     * children, so on Keycloak 23+ remote_groups is empty while test_connection lists "waldur".
     */
    baseGroupLimit: { uuid: OFFERING.z, name: 'Zeta Visualisation', slug: 'zeta-viz', customer: 'aurora' },
  },
  roles: {
    a: {
      viewer: { uuid: demoUuid('role:a:viewer'), name: 'Viewer', scopeType: '' },
      operator: { uuid: demoUuid('role:a:operator'), name: 'Operator', scopeType: '' },
      clusterAdmin: { uuid: demoUuid('role:a:cluster-admin'), name: 'Cluster Admin', scopeType: 'cluster' },
      projectMember: { uuid: demoUuid('role:a:project-member'), name: 'Project Member', scopeType: 'project' },
      namespaceEditor: { uuid: demoUuid('role:a:namespace-editor'), name: 'Namespace Editor', scopeType: 'namespace' },
    },
    b: {
      developer: { uuid: demoUuid('role:b:developer'), name: 'Developer', scopeType: 'project' },
      admin: { uuid: demoUuid('role:b:admin'), name: 'Admin', scopeType: 'cluster' },
      auditor: { uuid: demoUuid('role:b:auditor'), name: 'Auditor', scopeType: '' },
    },
    unreachable: { member: { uuid: demoUuid('role:g:member'), name: 'Member', scopeType: '' } },
    noKeycloak: { user: { uuid: demoUuid('role:d:user'), name: 'User', scopeType: '' } },
    misconfigured: { analyst: { uuid: demoUuid('role:e:analyst'), name: 'Analyst', scopeType: '' } },
    baseGroupLimit: { viewer: { uuid: demoUuid('role:z:viewer'), name: 'Viewer', scopeType: '' } },
  },
  resources: {
    aProd: {
      uuid: RESOURCE.aProd,
      name: 'alpha-prod-cluster',
      scopes: [
        { scope_type: 'project', scope_id: 'p-7x2kq', label: 'Genomics pipeline' },
        { scope_type: 'project', scope_id: 'p-m4n8z', label: 'Climate model' },
        { scope_type: 'namespace', scope_id: 'ns-shared', label: 'Shared namespace' },
      ],
    },
    aDev: { uuid: RESOURCE.aDev, name: 'alpha-dev-cluster', scopes: [{ scope_type: 'project', scope_id: 'p-dev01', label: 'Sandbox' }] },
    aArchive: { uuid: RESOURCE.aArchive, name: 'alpha-archive', scopes: [] },
    bShared: { uuid: RESOURCE.bShared, name: 'beta-shared', scopes: [{ scope_type: 'project', scope_id: 'proj-web', label: 'Web apps' }] },
    bEdu: { uuid: RESOURCE.bEdu, name: 'beta-edu', scopes: [] },
    gPool: { uuid: RESOURCE.gPool, name: 'gamma-vm-pool', scopes: [] },
    /** On the offering without Keycloak: set_keycloak_scopes refuses it. */
    dBucket: { uuid: RESOURCE.dBucket, name: 'delta-bucket', scopes: [] },
  },
  /** Local groups (OfferingKeycloakGroup). */
  groups: {
    a: {
      viewer: { uuid: demoUuid('group:a:viewer'), name: `${OFFERING.a}_Viewer`, backendId: alphaKeycloakId('viewer') },
      prodAdmin: {
        uuid: demoUuid('group:a:prod-admin'),
        name: `${OFFERING.a}_${RESOURCE.aProd}_Cluster Admin`,
        backendId: alphaKeycloakId('prod-admin'),
      },
      devAdmin: {
        uuid: demoUuid('group:a:dev-admin'),
        name: `${OFFERING.a}_${RESOURCE.aDev}_Cluster Admin`,
        backendId: alphaKeycloakId('dev-admin'),
      },
      genomics: {
        uuid: demoUuid('group:a:genomics'),
        name: `${OFFERING.a}_p-7x2kq_Project Member`,
        backendId: alphaKeycloakId('genomics'),
      },
      climate: { uuid: demoUuid('group:a:climate'), name: `${OFFERING.a}_p-m4n8z_Project Member`, backendId: alphaKeycloakId('climate') },
      /** Imported; another local group has the same name (orphaned). */
      researchers: { uuid: demoUuid('group:a:researchers'), name: 'Researchers', backendId: alphaKeycloakId('researchers') },
      xss: { uuid: demoUuid('group:a:xss'), name: HOSTILE.xss, backendId: alphaKeycloakId('xss') },
      longName: { uuid: demoUuid('group:a:long150'), name: HOSTILE.long150, backendId: alphaKeycloakId('long150') },
      rtl: { uuid: demoUuid('group:a:rtl'), name: HOSTILE.rtl, backendId: alphaKeycloakId('rtl') },
      /** Unlinked (backend_id ""); a remote group with the same name exists. */
      unlinked: { uuid: demoUuid('group:a:operator'), name: `${OFFERING.a}_Operator`, backendId: '' },
      /** Unlinked, hostile name, one pending member. */
      unlinkedSql: { uuid: demoUuid('group:a:sql'), name: HOSTILE.sql, backendId: '' },
      /** Orphaned: points at a remote group that was deleted. */
      orphaned: { uuid: demoUuid('group:a:legacy'), name: 'Legacy HPC users', backendId: alphaKeycloakId('deleted:legacy') },
      /** Orphaned, same name as `researchers`. */
      orphanedResearchers: {
        uuid: demoUuid('group:a:researchers-old'),
        name: 'Researchers',
        backendId: alphaKeycloakId('deleted:researchers-old'),
      },
    },
    b: {
      physicsResearchers: { uuid: demoUuid('group:b:physics'), name: 'Researchers', backendId: betaKeycloakId('physics-researchers') },
      ops: { uuid: demoUuid('group:b:ops'), name: 'ops', backendId: betaKeycloakId('ops') },
      unlinked: { uuid: demoUuid('group:b:auditor'), name: 'beta-k8s-beta-edu-Auditor', backendId: '' },
      orphaned: { uuid: demoUuid('group:b:old-devs'), name: 'Old Developers', backendId: betaKeycloakId('deleted:old-devs') },
    },
    unreachable: {
      members: { uuid: demoUuid('group:g:members'), name: `${OFFERING.g}_Member`, backendId: gammaKeycloakId('members') },
      pool: { uuid: demoUuid('group:g:pool'), name: `${OFFERING.g}_${RESOURCE.gPool}_Member`, backendId: gammaKeycloakId('pool') },
    },
    misconfigured: { analysts: { uuid: demoUuid('group:e:analysts'), name: `${OFFERING.e}_Analyst`, backendId: '' } },
  },
  /** Remote Keycloak groups. */
  remoteGroups: {
    a: {
      /** remote_groups for A lists the children of this group. */
      offeringGroupPath: '/alpha-hpc',
      offeringGroupId: alphaKeycloakId('offering'),
      /** "Researchers" exists at /alpha-hpc/Researchers, nested under gpu-users and under /admins. */
      duplicateName: 'Researchers',
      duplicatePaths: ['/alpha-hpc/Researchers', '/alpha-hpc/gpu-users/Researchers', '/admins/Researchers'],
      /** Remote-only group with nested sub-groups (a100, h100 -> h100-priority, Researchers). */
      nested: { id: alphaKeycloakId('gpu'), name: 'gpu-users', path: '/alpha-hpc/gpu-users', subGroupCount: 3 },
      nestedChild: { id: alphaKeycloakId('h100'), name: 'h100', path: '/alpha-hpc/gpu-users/h100' },
      /** Remote-only group named like the unlinked local group (relink candidate). */
      operator: { id: alphaKeycloakId('operator'), name: `${OFFERING.a}_Operator` },
      stewards: { id: alphaKeycloakId('stewards'), name: 'Data Stewards' },
      visitors: { id: alphaKeycloakId('visitors'), name: 'Visitors' },
      /** 255 characters: importing it fails (local names hold 150). */
      long255: { id: alphaKeycloakId('long255'), name: HOSTILE.long255 },
      sql: { id: alphaKeycloakId('sql'), name: HOSTILE.sql },
      /** Names of the groups no local group points at (remote_only of sync_status). */
      remoteOnlyNames: [
        `${OFFERING.a}_Operator`,
        'gpu-users',
        'Data Stewards',
        HOSTILE.sql,
        HOSTILE.long255,
        HOSTILE.rtlOverride,
        HOSTILE.emoji,
        'Visitors',
      ],
    },
    b: {
      /** Flattened list: "Researchers" at /chemistry/Researchers and /physics/Researchers. */
      duplicateName: 'Researchers',
      duplicatePaths: ['/chemistry/Researchers', '/physics/Researchers'],
      physicsResearchers: { id: betaKeycloakId('physics-researchers'), path: '/physics/Researchers' },
      chemistryResearchers: { id: betaKeycloakId('chemistry-researchers'), path: '/chemistry/Researchers' },
      nested: { id: betaKeycloakId('safety'), name: 'Safety Officers', path: '/chemistry/Lab Managers/Safety Officers' },
    },
  },
  /** Remote users (Alpha realm unless noted). */
  remoteUsers: {
    alice: 'alice',
    /** No email. */
    bob: 'bob',
    carol: 'carol',
    dave: 'dave',
    /** Exists in Keycloak, no membership anywhere. */
    noMembership: 'lonely.user',
    /** First name `<img src=x onerror=alert(1)>`, last name SQL. */
    hostile: 'mallory',
    rtl: 'fatima.alzahra',
    nonAscii: 'jurgen.muller',
    /** 255-character first name. */
    longName: 'long.name',
    /** No email, CJK name. */
    noEmailCjk: 'li.chen',
    count: 224,
    generated: ALPHA_PEOPLE.slice(0, 30).map((p) => p.username),
  },
  memberships: {
    /** Pending: no such user in Keycloak. */
    pending: ['new.postdoc', 'visiting.scholar', 'new.hire', 'bobby.tables', '<script>alert("x")</script>'],
    /** Pending, but the user now exists in Keycloak: POST /__sim/tick activates it. */
    pendingActivatable: { uuid: demoUuid('membership:a:climate:pending-activatable'), username: 'pending.activatable' },
    active: ['alice', 'bob', 'carol', 'dave', 'mallory', 'fatima.alzahra', 'jurgen.muller', 'zoe.angstrom'],
    /** Active with error_message "User was removed from the Keycloak group externally. ..." */
    error: { uuid: demoUuid('membership:a:prod-admin:ex.member'), username: 'ex.member', message: REMOVED_EXTERNALLY },
    /** Pending with error_message (Keycloak sync failed) and an error_traceback (staff only). */
    pendingError: { uuid: demoUuid('membership:a:dev-admin:sync.failed'), username: 'sync.failed', message: SYNC_FAILED },
    /** Active, but already removed from the remote group: the next tick flags it. */
    removedRemotely: { uuid: demoUuid('membership:a:genomics:removed.later'), username: 'removed.later' },
    /** Sole member of the orphaned-duplicate group: deleting it deletes the group. */
    lastOfGroup: { uuid: demoUuid('membership:a:researchers-old:0'), group: 'orphanedResearchers' },
    aliceViewer: { uuid: demoUuid('membership:a:viewer:alice') },
  },
  /** Expected result of pull_members on A's "Researchers" group. */
  pullExpectations: { researchers: { created: 3, updated: 2, total_remote: 8 } },
  rancher: {
    settings: {
      aurora: { uuid: demoUuid('settings:aurora-rancher'), name: 'Aurora Rancher' },
      boreal: { uuid: demoUuid('settings:boreal-rancher'), name: 'Boreal Rancher' },
    },
    clusters: {
      auroraProd: { uuid: CLUSTER.prod, name: 'aurora-prod' },
      auroraDev: { uuid: CLUSTER.dev, name: 'aurora-dev' },
      boreal: { uuid: CLUSTER.boreal, name: 'boreal-k8s' },
    },
    projects: {
      mlPlatform: { uuid: RANCHER_PROJECT.ml, name: 'ml-platform', cluster: 'auroraProd' },
      webFrontend: { uuid: RANCHER_PROJECT.web, name: 'web-frontend', cluster: 'auroraProd' },
      sandbox: { uuid: RANCHER_PROJECT.sandbox, name: 'sandbox', cluster: 'auroraDev' },
      analytics: { uuid: RANCHER_PROJECT.analytics, name: 'analytics', cluster: 'boreal' },
    },
    roleTemplates: {
      clusterOwner: {
        uuid: demoUuid('rt:aurora:cluster-owner'),
        name: 'cluster-owner',
        displayName: 'Cluster Owner',
        scopeType: 'cluster',
      },
      clusterMember: {
        uuid: demoUuid('rt:aurora:cluster-member'),
        name: 'cluster-member',
        displayName: 'Cluster Member',
        scopeType: 'cluster',
      },
      projectOwner: {
        uuid: demoUuid('rt:aurora:project-owner'),
        name: 'project-owner',
        displayName: 'Project Owner',
        scopeType: 'project',
      },
      projectMember: {
        uuid: demoUuid('rt:aurora:project-member'),
        name: 'project-member',
        displayName: 'Project Member',
        scopeType: 'project',
      },
      readOnly: { uuid: demoUuid('rt:aurora:read-only'), name: 'read-only', displayName: 'Read-only', scopeType: 'project' },
      borealClusterOwner: {
        uuid: demoUuid('rt:boreal:cluster-owner'),
        name: 'cluster-owner',
        displayName: 'Cluster Owner',
        scopeType: 'cluster',
      },
      borealProjectMember: {
        uuid: demoUuid('rt:boreal:project-member'),
        name: 'project-member',
        displayName: 'Project Member',
        scopeType: 'project',
      },
    },
    groups: {
      prodOwners: { uuid: demoUuid('rgroup:prod-owners'), name: `c_${CLUSTER.prod}_cluster-owner` },
      mlMembers: { uuid: demoUuid('rgroup:ml-members'), name: `p_${RANCHER_PROJECT.ml}_project-member` },
      webOwners: { uuid: demoUuid('rgroup:web-owners'), name: `p_${RANCHER_PROJECT.web}_project-owner` },
      devMembers: { uuid: demoUuid('rgroup:dev-members'), name: `c_${CLUSTER.dev}_cluster-member` },
      borealOwners: { uuid: demoUuid('rgroup:boreal-owners'), name: `c_${CLUSTER.boreal}_cluster-owner` },
    },
    memberships: {
      active: 'alice',
      pending: 'new.engineer',
      error: 'r.departed',
      /** Exists in the Aurora Rancher Keycloak, no membership. */
      noMembership: 'r.spare',
    },
  },
  hostile: HOSTILE,
} as const;

function secret(url: string, realm: string, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    keycloak_url: url,
    keycloak_realm: realm,
    keycloak_user_realm: 'master',
    keycloak_username: 'waldur-integration',
    keycloak_password: `${realm}-s3cr3t`,
    keycloak_ssl_verify: true,
    ...extra,
  };
}

function addUsers(
  realm: Realm,
  people: Array<{ username: string; email: string; firstName: string; lastName: string }>,
  keyPrefix: string,
): void {
  for (const p of people) realm.createUser(p, keycloakId(`${keyPrefix}:user:${p.username}`));
}

function members(realm: Realm, group: RemoteGroup, usernames: string[]): void {
  for (const u of usernames) {
    const user = realm.findUser(u);
    if (!user) throw new Error(`seed: unknown remote user ${u}`);
    realm.addMember(group.id, user.id);
  }
}

export function buildDemo(store: Store): void {
  const b = new SeedBuilder(store);

  // ---- organizations and accounts ----------------------------------------------------------
  b.customer(DEMO.customers.aurora.uuid, DEMO.customers.aurora.name, 'aurora-research');
  b.customer(DEMO.customers.boreal.uuid, DEMO.customers.boreal.name, 'boreal-data');
  b.account({
    uuid: DEMO.accounts.staff.uuid,
    username: 'staff',
    password: 'staff',
    firstName: 'Stella',
    lastName: 'Staffer',
    email: 'staff@waldur.example.org',
    isStaff: true,
    isSupport: false,
    ownerOf: [],
    tokenKey: DEMO.tokens.staff,
  });
  b.account({
    uuid: DEMO.accounts.owner.uuid,
    username: 'owner',
    password: 'owner',
    firstName: 'Oscar',
    lastName: 'Owner',
    email: 'owner@aurora.example.org',
    isStaff: false,
    isSupport: false,
    ownerOf: [DEMO.customers.aurora.uuid],
    tokenKey: DEMO.tokens.owner,
  });
  b.account({
    uuid: DEMO.accounts.viewer.uuid,
    username: 'viewer',
    password: 'viewer',
    firstName: 'Vera',
    lastName: 'Viewer',
    email: 'viewer@example.org',
    isStaff: false,
    isSupport: false,
    ownerOf: [],
    tokenKey: DEMO.tokens.viewer,
  });

  // ---- realms ---------------------------------------------------------------------------------
  const alpha = store.addRealm('alpha', 'alpha');
  const beta = store.addRealm('beta', 'beta');
  const gamma = store.addRealm('gamma', 'gamma');
  const zeta = store.addRealm('zeta', 'zeta');
  const rAurora = store.addRealm('rancher-aurora', 'rancher');
  const rBoreal = store.addRealm('rancher-boreal', 'rancher');

  // ---- offerings ------------------------------------------------------------------------------
  const aurora = DEMO.customers.aurora.uuid;
  const boreal = DEMO.customers.boreal.uuid;
  // Listed last (oldest): a real deployment with a base group, to show Waldur's one-level limit.
  b.offering({
    uuid: OFFERING.z,
    name: DEMO.offerings.baseGroupLimit.name,
    slug: 'zeta-viz',
    customerUuid: aurora,
    type: 'Marketplace.Basic',
    description: 'Role groups under a base group: Waldur 8.0.x cannot see them on Keycloak 23+.',
    pluginOptions: { keycloak_enabled: true, keycloak_base_group: 'waldur' },
    secretOptions: secret('https://keycloak.zeta.example.org/', 'zeta'),
    realmKey: 'zeta',
    unreachable: false,
  });
  b.offering({
    uuid: OFFERING.a,
    name: DEMO.offerings.healthyA.name,
    slug: 'alpha-hpc',
    customerUuid: aurora,
    type: 'Marketplace.Slurm',
    description: 'Batch computing with Keycloak-managed access groups.',
    pluginOptions: {
      keycloak_enabled: true,
      keycloak_sync_frequency: 15,
      keycloak_username_label: 'LDAP username',
    },
    secretOptions: secret('https://keycloak.alpha.example.org/auth/', 'alpha'),
    realmKey: 'alpha',
    unreachable: false,
  });
  b.offering({
    uuid: OFFERING.b,
    name: DEMO.offerings.healthyB.name,
    slug: 'beta-k8s',
    customerUuid: boreal,
    type: 'Marketplace.Rancher',
    description: 'Managed Kubernetes on a legacy flat Keycloak realm.',
    pluginOptions: { keycloak_enabled: true, keycloak_group_name_template: '$offering_slug-$resource_slug-$role_name' },
    secretOptions: secret('https://sso.beta.example.net/', 'beta', { keycloak_ssl_verify: false }),
    realmKey: 'beta',
    unreachable: false,
  });
  b.offering({
    uuid: OFFERING.g,
    name: DEMO.offerings.unreachable.name,
    slug: 'gamma-cloud',
    customerUuid: aurora,
    type: 'Marketplace.Basic',
    description: 'Its Keycloak server is gone.',
    pluginOptions: { keycloak_enabled: true, keycloak_base_group: 'waldur' },
    secretOptions: secret('https://keycloak.gamma.invalid/auth/', 'gamma'),
    realmKey: 'gamma',
    unreachable: true,
  });
  b.offering({
    uuid: OFFERING.d,
    name: DEMO.offerings.noKeycloak.name,
    slug: 'delta-storage',
    customerUuid: aurora,
    type: 'Marketplace.Basic',
    description: 'Object storage without Keycloak integration.',
    pluginOptions: { auto_approve_remote_orders: true },
    secretOptions: {},
    realmKey: null,
    unreachable: false,
  });
  b.offering({
    uuid: OFFERING.e,
    name: DEMO.offerings.misconfigured.name,
    slug: 'epsilon-analytics',
    customerUuid: aurora,
    type: 'Marketplace.Basic',
    description: 'Keycloak enabled, credentials missing.',
    pluginOptions: { keycloak_enabled: true },
    secretOptions: { keycloak_url: 'https://keycloak.epsilon.example.org/auth/', keycloak_realm: 'epsilon' },
    realmKey: null,
    unreachable: false,
  });

  // ---- roles ----------------------------------------------------------------------------------
  const ROLES = DEMO.roles;
  b.role(ROLES.a.viewer.uuid, OFFERING.a, 'Viewer');
  b.role(ROLES.a.operator.uuid, OFFERING.a, 'Operator');
  b.role(ROLES.a.clusterAdmin.uuid, OFFERING.a, 'Cluster Admin', 'cluster', 'Cluster');
  b.role(ROLES.a.projectMember.uuid, OFFERING.a, 'Project Member', 'project', 'Rancher Project');
  b.role(ROLES.a.namespaceEditor.uuid, OFFERING.a, 'Namespace Editor', 'namespace', 'Cluster Namespace');
  b.role(ROLES.b.developer.uuid, OFFERING.b, 'Developer', 'project', 'Project');
  b.role(ROLES.b.admin.uuid, OFFERING.b, 'Admin', 'cluster', '');
  b.role(ROLES.b.auditor.uuid, OFFERING.b, 'Auditor');
  b.role(ROLES.unreachable.member.uuid, OFFERING.g, 'Member');
  b.role(ROLES.noKeycloak.user.uuid, OFFERING.d, 'User');
  b.role(ROLES.misconfigured.analyst.uuid, OFFERING.e, 'Analyst');
  b.role(ROLES.baseGroupLimit.viewer.uuid, OFFERING.z, 'Viewer');

  // ---- resources ------------------------------------------------------------------------------
  const projGenomics = demoUuid('project:genomics');
  const projClimate = demoUuid('project:climate');
  const projTeaching = demoUuid('project:teaching');
  b.resource({
    uuid: RESOURCE.aProd,
    name: 'alpha-prod-cluster',
    slug: 'alpha-prod-cluster',
    offeringUuid: OFFERING.a,
    customerUuid: aurora,
    projectUuid: projGenomics,
    projectName: 'Genomics',
    options: { keycloak_available_scopes: [...DEMO.resources.aProd.scopes] },
  });
  b.resource({
    uuid: RESOURCE.aDev,
    name: 'alpha-dev-cluster',
    slug: 'alpha-dev-cluster',
    offeringUuid: OFFERING.a,
    customerUuid: aurora,
    projectUuid: projClimate,
    projectName: 'Climate',
    options: { keycloak_available_scopes: [...DEMO.resources.aDev.scopes] },
  });
  b.resource({
    uuid: RESOURCE.aArchive,
    name: 'alpha-archive',
    slug: 'alpha-archive',
    offeringUuid: OFFERING.a,
    customerUuid: aurora,
    projectUuid: projGenomics,
    projectName: 'Genomics',
    options: {},
  });
  b.resource({
    uuid: RESOURCE.bShared,
    name: 'beta-shared',
    slug: 'beta-shared',
    offeringUuid: OFFERING.b,
    customerUuid: boreal,
    projectUuid: projTeaching,
    projectName: 'Teaching',
    options: { keycloak_available_scopes: [...DEMO.resources.bShared.scopes] },
  });
  b.resource({
    uuid: RESOURCE.bEdu,
    name: 'beta-edu',
    slug: 'beta-edu',
    offeringUuid: OFFERING.b,
    customerUuid: boreal,
    projectUuid: projTeaching,
    projectName: 'Teaching',
    options: { keycloak_available_scopes: [] },
  });
  b.resource({
    uuid: RESOURCE.gPool,
    name: 'gamma-vm-pool',
    slug: 'gamma-vm-pool',
    offeringUuid: OFFERING.g,
    customerUuid: aurora,
    projectUuid: projClimate,
    projectName: 'Climate',
    options: {},
  });

  b.resource({
    uuid: RESOURCE.dBucket,
    name: 'delta-bucket',
    slug: 'delta-bucket',
    offeringUuid: OFFERING.d,
    customerUuid: aurora,
    projectUuid: projClimate,
    projectName: 'Climate',
    options: {},
  });

  // ---- Alpha realm: users ----------------------------------------------------------------------
  const specials = [
    { username: 'alice', email: 'alice@uni-example.org', firstName: 'Alice', lastName: 'Andersson-Berg' },
    { username: 'bob', email: '', firstName: 'Bob', lastName: 'Builder' },
    { username: 'carol', email: 'carol@research.example.net', firstName: 'Carol', lastName: 'Castillo' },
    { username: 'dave', email: 'dave@lab.example.com', firstName: 'Dave', lastName: 'Dubois' },
    { username: 'lonely.user', email: 'lonely@example.org', firstName: 'Lonely', lastName: 'User' },
    { username: 'mallory', email: 'mallory@example.org', firstName: HOSTILE.xss, lastName: HOSTILE.sql },
    { username: 'fatima.alzahra', email: 'fatima@uni-example.org', firstName: 'فاطمة', lastName: 'الزهراء' },
    { username: 'jurgen.muller', email: 'jurgen.muller@hpc.example.eu', firstName: 'Jürgen', lastName: 'Müller' },
    { username: 'zoe.angstrom', email: 'zoe@example.edu', firstName: 'Zoë', lastName: 'Ångström' },
    { username: 'li.chen', email: '', firstName: '李', lastName: '陳' },
    { username: 'long.name', email: 'long.name@example.org', firstName: HOSTILE.long255, lastName: 'Long' },
    { username: 'pending.activatable', email: 'pa@example.org', firstName: 'Pending', lastName: 'Activatable' },
    { username: 'ex.member', email: 'ex.member@example.org', firstName: 'Former', lastName: 'Member' },
    { username: 'removed.later', email: 'removed@example.org', firstName: 'Removed', lastName: 'Later' },
  ];
  addUsers(alpha, specials, 'alpha');
  addUsers(alpha, ALPHA_PEOPLE, 'alpha');

  // ---- Alpha realm: groups --------------------------------------------------------------------
  const ALPHA_GROUPS = DEMO.groups.a;
  const waldur = remoteGroup(alpha, alphaKeycloakId('waldur'), 'waldur', null);
  const off = remoteGroup(alpha, alphaKeycloakId('offering'), 'alpha-hpc', null);
  const alphaRemote = {
    viewer: remoteGroup(alpha, ALPHA_GROUPS.viewer.backendId, ALPHA_GROUPS.viewer.name, off),
    prodAdmin: remoteGroup(alpha, ALPHA_GROUPS.prodAdmin.backendId, ALPHA_GROUPS.prodAdmin.name, off),
    devAdmin: remoteGroup(alpha, ALPHA_GROUPS.devAdmin.backendId, ALPHA_GROUPS.devAdmin.name, off),
    genomics: remoteGroup(alpha, ALPHA_GROUPS.genomics.backendId, ALPHA_GROUPS.genomics.name, off),
    climate: remoteGroup(alpha, ALPHA_GROUPS.climate.backendId, ALPHA_GROUPS.climate.name, off),
    researchers: remoteGroup(alpha, ALPHA_GROUPS.researchers.backendId, 'Researchers', off),
    xss: remoteGroup(alpha, ALPHA_GROUPS.xss.backendId, HOSTILE.xss, off),
    long150: remoteGroup(alpha, ALPHA_GROUPS.longName.backendId, HOSTILE.long150, off),
    rtl: remoteGroup(alpha, ALPHA_GROUPS.rtl.backendId, HOSTILE.rtl, off),
    operator: remoteGroup(alpha, alphaKeycloakId('operator'), `${OFFERING.a}_Operator`, off),
    gpu: remoteGroup(alpha, alphaKeycloakId('gpu'), 'gpu-users', off),
    stewards: remoteGroup(alpha, alphaKeycloakId('stewards'), 'Data Stewards', off),
    sql: remoteGroup(alpha, alphaKeycloakId('sql'), HOSTILE.sql, off),
    long255: remoteGroup(alpha, alphaKeycloakId('long255'), HOSTILE.long255, off),
    rlo: remoteGroup(alpha, alphaKeycloakId('rlo'), HOSTILE.rtlOverride, off),
    emoji: remoteGroup(alpha, alphaKeycloakId('emoji'), HOSTILE.emoji, off),
    visitors: remoteGroup(alpha, alphaKeycloakId('visitors'), 'Visitors', off),
  };
  const a100 = remoteGroup(alpha, alphaKeycloakId('a100'), 'a100', alphaRemote.gpu);
  const h100 = remoteGroup(alpha, alphaKeycloakId('h100'), 'h100', alphaRemote.gpu);
  const h100p = remoteGroup(alpha, alphaKeycloakId('h100-priority'), 'h100-priority', h100);
  const gpuResearchers = remoteGroup(alpha, alphaKeycloakId('gpu-researchers'), 'Researchers', alphaRemote.gpu);
  const reviewers = remoteGroup(alpha, alphaKeycloakId('reviewers'), 'Reviewers', alphaRemote.stewards);
  const archiveSvc = remoteGroup(alpha, alphaKeycloakId('archive-svc'), 'archive-svc', waldur);
  const archiveReaders = remoteGroup(alpha, alphaKeycloakId('archive-readers'), 'archive-readers', archiveSvc);
  const admins = remoteGroup(alpha, alphaKeycloakId('admins'), 'admins', null);
  const adminResearchers = remoteGroup(alpha, alphaKeycloakId('admin-researchers'), 'Researchers', admins);
  const partners = remoteGroup(alpha, alphaKeycloakId('partners'), 'external-partners', null);
  remoteGroup(alpha, alphaKeycloakId('cern'), 'cern', partners);
  remoteGroup(alpha, alphaKeycloakId('desy'), 'desy', partners);

  members(alpha, alphaRemote.viewer, [alphaPerson(1), alphaPerson(2)]);
  members(alpha, alphaRemote.researchers, [alphaPerson(12), alphaPerson(13), alphaPerson(14), 'mallory']);
  members(alpha, alphaRemote.operator, [alphaPerson(18), alphaPerson(19)]);
  members(alpha, alphaRemote.gpu, [40, 41, 42, 43, 44, 45, 46, 47, 48, 49, 50, 51, 52, 53, 54].map(alphaPerson));
  members(alpha, a100, [40, 41, 42, 43, 44].map(alphaPerson));
  members(alpha, h100, [45, 46, 47, 48].map(alphaPerson));
  members(alpha, h100p, [alphaPerson(45)]);
  members(alpha, gpuResearchers, [alphaPerson(49), alphaPerson(50), 'carol']);
  members(alpha, alphaRemote.stewards, [60, 61, 62, 63].map(alphaPerson));
  members(alpha, reviewers, [alphaPerson(60), alphaPerson(61)]);
  members(alpha, alphaRemote.sql, [alphaPerson(70)]);
  members(alpha, alphaRemote.emoji, [alphaPerson(71), alphaPerson(72)]);
  members(alpha, archiveReaders, [alphaPerson(80), alphaPerson(81)]);
  members(alpha, admins, ['dave', alphaPerson(90), alphaPerson(91)]);
  members(alpha, adminResearchers, [alphaPerson(92), alphaPerson(93)]);

  // ---- Alpha local groups and memberships -----------------------------------------------------
  const group = (
    spec: { uuid: string; name: string; backendId: string },
    roleUuid: string,
    resourceUuid: string | null,
    scopeId = '',
  ): OfferingGroup =>
    b.group({ uuid: spec.uuid, name: spec.name, backendId: spec.backendId, offeringUuid: OFFERING.a, roleUuid, resourceUuid, scopeId });
  const alphaGroups = {
    orphaned: group(ALPHA_GROUPS.orphaned, ROLES.a.operator.uuid, RESOURCE.aProd),
    unlinked: group(ALPHA_GROUPS.unlinked, ROLES.a.operator.uuid, null),
    viewer: group(ALPHA_GROUPS.viewer, ROLES.a.viewer.uuid, null),
    prodAdmin: group(ALPHA_GROUPS.prodAdmin, ROLES.a.clusterAdmin.uuid, RESOURCE.aProd),
    devAdmin: group(ALPHA_GROUPS.devAdmin, ROLES.a.clusterAdmin.uuid, RESOURCE.aDev),
    genomics: group(ALPHA_GROUPS.genomics, ROLES.a.projectMember.uuid, RESOURCE.aProd, 'p-7x2kq'),
    climate: group(ALPHA_GROUPS.climate, ROLES.a.projectMember.uuid, RESOURCE.aProd, 'p-m4n8z'),
    orphanedResearchers: group(ALPHA_GROUPS.orphanedResearchers, ROLES.a.operator.uuid, RESOURCE.aDev),
    researchers: group(ALPHA_GROUPS.researchers, ROLES.a.viewer.uuid, RESOURCE.aProd),
    xss: group(ALPHA_GROUPS.xss, ROLES.a.viewer.uuid, RESOURCE.aDev),
    long150: group(ALPHA_GROUPS.longName, ROLES.a.projectMember.uuid, RESOURCE.aDev, 'p-dev01'),
    rtl: group(ALPHA_GROUPS.rtl, ROLES.a.clusterAdmin.uuid, RESOURCE.aArchive),
    sql: group(ALPHA_GROUPS.unlinkedSql, ROLES.a.viewer.uuid, RESOURCE.aArchive),
  };
  const active = (g: OfferingGroup, usernames: string[], key: string): void => {
    for (const u of usernames) {
      b.membership({
        uuid: demoUuid(`membership:a:${key}:${u}`),
        group: g,
        username: u,
        state: 'active',
        realm: alpha,
        inRemoteGroup: true,
      });
    }
  };
  const pending = (g: OfferingGroup, username: string, key: string, email?: string): void => {
    b.membership({
      uuid: demoUuid(`membership:a:${key}:${username}`),
      group: g,
      username,
      state: 'pending',
      realm: alpha,
      email: email ?? `${username.replace(/[^a-z0-9.]/gi, '') || 'someone'}@example.org`,
    });
  };

  // Orphaned and unlinked groups first (oldest).
  for (const u of [alphaPerson(20), alphaPerson(21), alphaPerson(22)]) {
    b.membership({ uuid: demoUuid(`membership:a:legacy:${u}`), group: alphaGroups.orphaned, username: u, state: 'active', realm: alpha });
  }
  for (const u of [alphaPerson(18), alphaPerson(19)]) {
    b.membership({ uuid: demoUuid(`membership:a:operator:${u}`), group: alphaGroups.unlinked, username: u, state: 'active', realm: alpha });
  }
  pending(alphaGroups.unlinked, 'new.hire', 'operator');
  b.membership({
    uuid: DEMO.memberships.lastOfGroup.uuid,
    group: alphaGroups.orphanedResearchers,
    username: alphaPerson(23),
    state: 'active',
    realm: alpha,
  });

  // Viewer: alice's local last name is stale (remote has "Andersson-Berg").
  b.membership({
    uuid: DEMO.memberships.aliceViewer.uuid,
    group: alphaGroups.viewer,
    username: 'alice',
    state: 'active',
    realm: alpha,
    inRemoteGroup: true,
    firstName: 'Alice',
    lastName: 'Andersson',
  });
  active(alphaGroups.viewer, ['bob', 'carol', 'dave', 'jurgen.muller', 'zoe.angstrom', 'fatima.alzahra', 'mallory'], 'viewer');
  pending(alphaGroups.viewer, 'new.postdoc', 'viewer');

  active(alphaGroups.prodAdmin, ['carol', 'dave', 'li.chen', 'long.name'], 'prod-admin');
  b.membership({
    uuid: DEMO.memberships.error.uuid,
    group: alphaGroups.prodAdmin,
    username: 'ex.member',
    state: 'active',
    realm: alpha,
    errorMessage: REMOVED_EXTERNALLY,
  });
  pending(alphaGroups.prodAdmin, 'visiting.scholar', 'prod-admin');

  active(alphaGroups.devAdmin, ['alice', alphaPerson(3)], 'dev-admin');
  b.membership({
    uuid: DEMO.memberships.pendingError.uuid,
    group: alphaGroups.devAdmin,
    username: 'sync.failed',
    state: 'pending',
    realm: alpha,
    email: 'sync.failed@example.org',
    errorMessage: SYNC_FAILED,
    errorTraceback:
      'Traceback (most recent call last):\n  File "/usr/src/waldur/src/waldur_keycloak/tasks.py", line 58, in sync_pending_memberships\n    backend_user = keycloak.find_user_by_username(membership.username)\nkeycloak.exceptions.KeycloakConnectionError: Can\'t connect to server (Read timed out. (read timeout=30))',
  });

  active(alphaGroups.genomics, ['alice', 'carol', alphaPerson(4), alphaPerson(5)], 'genomics');
  b.membership({
    uuid: DEMO.memberships.removedRemotely.uuid,
    group: alphaGroups.genomics,
    username: 'removed.later',
    state: 'active',
    realm: alpha,
  });

  active(alphaGroups.climate, ['bob', alphaPerson(6), alphaPerson(7)], 'climate');
  b.membership({
    uuid: DEMO.memberships.pendingActivatable.uuid,
    group: alphaGroups.climate,
    username: 'pending.activatable',
    state: 'pending',
    realm: alpha,
    email: 'pa@example.org',
  });

  active(alphaGroups.researchers, [alphaPerson(8), alphaPerson(10), alphaPerson(11)], 'researchers');
  // Stale email: pull_members updates it.
  b.membership({
    uuid: demoUuid(`membership:a:researchers:${alphaPerson(9)}`),
    group: alphaGroups.researchers,
    username: alphaPerson(9),
    state: 'active',
    realm: alpha,
    inRemoteGroup: true,
    email: 'old.address@example.org',
  });
  // Pending although the user is already in the remote group: pull_members activates it.
  b.membership({
    uuid: demoUuid(`membership:a:researchers:${alphaPerson(12)}`),
    group: alphaGroups.researchers,
    username: alphaPerson(12),
    state: 'pending',
    realm: alpha,
    email: 'pending.researcher@example.org',
  });

  active(alphaGroups.xss, ['mallory', alphaPerson(15)], 'xss');
  active(alphaGroups.long150, ['long.name', alphaPerson(16)], 'long150');
  active(alphaGroups.rtl, ['fatima.alzahra', alphaPerson(17)], 'rtl');
  pending(alphaGroups.sql, 'bobby.tables', 'sql', 'bobby@example.org');
  pending(alphaGroups.sql, '<script>alert("x")</script>', 'sql', 'script@example.org');

  // ---- Beta: flat legacy realm ----------------------------------------------------------------
  addUsers(beta, [{ username: 'alice', email: 'alice@uni-example.org', firstName: 'Alice', lastName: 'Andersson-Berg' }], 'beta');
  addUsers(beta, BETA_PEOPLE, 'beta');
  const betaPerson = (n: number): string => BETA_PEOPLE[n - 1]?.username ?? 'alice';
  const physics = remoteGroup(beta, betaKeycloakId('physics'), 'physics', null);
  const chemistry = remoteGroup(beta, betaKeycloakId('chemistry'), 'chemistry', null);
  const ops = remoteGroup(beta, betaKeycloakId('ops'), 'ops', null);
  remoteGroup(beta, betaKeycloakId('beta-users'), 'beta-users', null);
  const physRes = remoteGroup(beta, betaKeycloakId('physics-researchers'), 'Researchers', physics);
  remoteGroup(beta, betaKeycloakId('physics-students'), 'Students', physics);
  const chemRes = remoteGroup(beta, betaKeycloakId('chemistry-researchers'), 'Researchers', chemistry);
  const labManagers = remoteGroup(beta, betaKeycloakId('lab-managers'), 'Lab Managers', chemistry);
  remoteGroup(beta, betaKeycloakId('safety'), 'Safety Officers', labManagers);
  members(beta, chemRes, [betaPerson(20), betaPerson(21), betaPerson(22)]);
  members(beta, labManagers, [betaPerson(23)]);
  void physRes;
  void ops;
  const BETA_GROUPS = DEMO.groups.b;
  const bGroup = (
    spec: { uuid: string; name: string; backendId: string },
    roleUuid: string,
    resourceUuid: string | null,
    scopeId = '',
  ): OfferingGroup =>
    b.group({ uuid: spec.uuid, name: spec.name, backendId: spec.backendId, offeringUuid: OFFERING.b, roleUuid, resourceUuid, scopeId });
  const lbOrphan = bGroup(BETA_GROUPS.orphaned, ROLES.b.developer.uuid, RESOURCE.bEdu);
  const lbPhysics = bGroup(BETA_GROUPS.physicsResearchers, ROLES.b.developer.uuid, RESOURCE.bShared, 'proj-web');
  const lbOps = bGroup(BETA_GROUPS.ops, ROLES.b.admin.uuid, RESOURCE.bShared);
  const lbUnlinked = bGroup(BETA_GROUPS.unlinked, ROLES.b.auditor.uuid, RESOURCE.bEdu);
  for (const u of [betaPerson(1), betaPerson(2)])
    b.membership({ uuid: demoUuid(`membership:b:old:${u}`), group: lbOrphan, username: u, state: 'active', realm: beta });
  for (const u of ['alice', betaPerson(3), betaPerson(4), betaPerson(5), betaPerson(6)]) {
    b.membership({
      uuid: demoUuid(`membership:b:physics:${u}`),
      group: lbPhysics,
      username: u,
      state: 'active',
      realm: beta,
      inRemoteGroup: true,
    });
  }
  for (const u of [betaPerson(7), betaPerson(8)])
    b.membership({ uuid: demoUuid(`membership:b:ops:${u}`), group: lbOps, username: u, state: 'active', realm: beta, inRemoteGroup: true });
  b.membership({
    uuid: demoUuid('membership:b:ops:b.pending'),
    group: lbOps,
    username: 'b.pending',
    state: 'pending',
    realm: beta,
    email: 'b.pending@example.net',
  });
  b.membership({
    uuid: demoUuid('membership:b:auditor:b.auditor'),
    group: lbUnlinked,
    username: 'b.auditor',
    state: 'pending',
    realm: beta,
    email: 'auditor@example.net',
  });

  // ---- Zeta: {waldur}/{zeta-viz}/{role groups}, invisible to Waldur 8.0.x on Keycloak 23+ -------
  addUsers(zeta, [{ username: 'z.analyst', email: 'z.analyst@example.org', firstName: 'Zora', lastName: 'Analyst' }], 'zeta');
  const zWaldur = remoteGroup(zeta, keycloakId('zeta:waldur'), 'waldur', null);
  const zOffering = remoteGroup(zeta, keycloakId('zeta:offering'), 'zeta-viz', zWaldur);
  members(zeta, remoteGroup(zeta, keycloakId('zeta:viewers'), `${OFFERING.z}_Viewer`, zOffering), ['z.analyst']);
  remoteGroup(zeta, keycloakId('zeta:operators'), `${OFFERING.z}_Operator`, zOffering);

  // ---- Gamma: unreachable Keycloak ------------------------------------------------------------
  addUsers(
    gamma,
    [
      { username: 'g.one', email: 'g.one@example.org', firstName: 'Gerd', lastName: 'One' },
      { username: 'g.two', email: 'g.two@example.org', firstName: 'Greta', lastName: 'Two' },
      { username: 'g.three', email: '', firstName: 'Gustav', lastName: 'Three' },
    ],
    'gamma',
  );
  const gWaldur = remoteGroup(gamma, gammaKeycloakId('waldur'), 'waldur', null);
  const gOff = remoteGroup(gamma, gammaKeycloakId('offering'), 'gamma-cloud', gWaldur);
  remoteGroup(gamma, DEMO.groups.unreachable.members.backendId, DEMO.groups.unreachable.members.name, gOff);
  remoteGroup(gamma, DEMO.groups.unreachable.pool.backendId, DEMO.groups.unreachable.pool.name, gOff);
  const lgMembers = b.group({
    ...DEMO.groups.unreachable.members,
    offeringUuid: OFFERING.g,
    roleUuid: ROLES.unreachable.member.uuid,
    resourceUuid: null,
    scopeId: '',
  });
  const lgPool = b.group({
    ...DEMO.groups.unreachable.pool,
    offeringUuid: OFFERING.g,
    roleUuid: ROLES.unreachable.member.uuid,
    resourceUuid: RESOURCE.gPool,
    scopeId: '',
  });
  for (const u of ['g.one', 'g.two', 'g.three']) {
    b.membership({
      uuid: demoUuid(`membership:g:members:${u}`),
      group: lgMembers,
      username: u,
      state: 'active',
      realm: gamma,
      inRemoteGroup: true,
    });
  }
  b.membership({
    uuid: demoUuid('membership:g:members:g.pending'),
    group: lgMembers,
    username: 'g.pending',
    state: 'pending',
    realm: gamma,
    email: 'g.pending@example.org',
  });
  b.membership({
    uuid: demoUuid('membership:g:pool:g.one'),
    group: lgPool,
    username: 'g.one',
    state: 'active',
    realm: gamma,
    inRemoteGroup: true,
  });

  // ---- Epsilon: misconfigured ----------------------------------------------------------------
  const leAnalysts = b.group({
    ...DEMO.groups.misconfigured.analysts,
    offeringUuid: OFFERING.e,
    roleUuid: ROLES.misconfigured.analyst.uuid,
    resourceUuid: null,
    scopeId: '',
  });
  b.membership({
    uuid: demoUuid('membership:e:analyst.one'),
    group: leAnalysts,
    username: 'analyst.one',
    state: 'pending',
    email: 'analyst.one@example.org',
  });

  // ---- Rancher --------------------------------------------------------------------------------
  const RANCHER = DEMO.rancher;
  b.settings({
    uuid: RANCHER.settings.aurora.uuid,
    name: RANCHER.settings.aurora.name,
    customerUuid: aurora,
    realmKey: 'rancher-aurora',
    backendUrl: 'https://rancher.aurora.example.org',
  });
  b.settings({
    uuid: RANCHER.settings.boreal.uuid,
    name: RANCHER.settings.boreal.name,
    customerUuid: boreal,
    realmKey: 'rancher-boreal',
    backendUrl: 'https://rancher.boreal.example.net',
  });
  const waldurProject = demoUuid('project:platform');
  b.cluster({
    uuid: CLUSTER.prod,
    name: 'aurora-prod',
    description: 'Production cluster',
    settingsUuid: RANCHER.settings.aurora.uuid,
    customerUuid: aurora,
    projectUuid: waldurProject,
    projectName: 'Platform',
    backendId: 'c-prod1',
  });
  b.cluster({
    uuid: CLUSTER.dev,
    name: 'aurora-dev',
    description: 'Development cluster',
    settingsUuid: RANCHER.settings.aurora.uuid,
    customerUuid: aurora,
    projectUuid: waldurProject,
    projectName: 'Platform',
    backendId: 'c-dev01',
  });
  b.cluster({
    uuid: CLUSTER.boreal,
    name: 'boreal-k8s',
    description: '',
    settingsUuid: RANCHER.settings.boreal.uuid,
    customerUuid: boreal,
    projectUuid: demoUuid('project:boreal'),
    projectName: 'Boreal platform',
    backendId: 'c-bor01',
  });
  b.project({
    uuid: RANCHER_PROJECT.ml,
    name: 'ml-platform',
    description: 'Machine learning',
    clusterUuid: CLUSTER.prod,
    backendId: 'p-ml001',
  });
  b.project({ uuid: RANCHER_PROJECT.web, name: 'web-frontend', description: '', clusterUuid: CLUSTER.prod, backendId: 'p-web01' });
  b.project({
    uuid: RANCHER_PROJECT.sandbox,
    name: 'sandbox',
    description: 'Try things here',
    clusterUuid: CLUSTER.dev,
    backendId: 'p-sbx01',
  });
  b.project({ uuid: RANCHER_PROJECT.analytics, name: 'analytics', description: '', clusterUuid: CLUSTER.boreal, backendId: 'p-ana01' });
  const TEMPLATES = RANCHER.roleTemplates;
  for (const t of [TEMPLATES.clusterOwner, TEMPLATES.clusterMember, TEMPLATES.projectOwner, TEMPLATES.projectMember, TEMPLATES.readOnly]) {
    b.roleTemplate({
      uuid: t.uuid,
      name: t.name,
      displayName: t.displayName,
      scopeType: t.scopeType,
      settingsUuid: RANCHER.settings.aurora.uuid,
    });
  }
  for (const t of [TEMPLATES.borealClusterOwner, TEMPLATES.borealProjectMember]) {
    b.roleTemplate({
      uuid: t.uuid,
      name: t.name,
      displayName: t.displayName,
      scopeType: t.scopeType,
      settingsUuid: RANCHER.settings.boreal.uuid,
    });
  }
  addUsers(
    rAurora,
    [
      { username: 'alice', email: 'alice@uni-example.org', firstName: 'Alice', lastName: 'Andersson-Berg' },
      { username: 'carol', email: 'carol@research.example.net', firstName: 'Carol', lastName: 'Castillo' },
      { username: 'r.departed', email: 'departed@example.org', firstName: 'Dee', lastName: 'Parted' },
      { username: 'r.spare', email: 'spare@example.org', firstName: 'Spare', lastName: 'Engineer' },
    ],
    'rancher-aurora',
  );
  addUsers(rAurora, RANCHER_PEOPLE, 'rancher-aurora');
  addUsers(rBoreal, [{ username: 'boris', email: 'boris@boreal.example.net', firstName: 'Boris', lastName: 'Borealis' }], 'rancher-boreal');
  const rancherPerson = (n: number): string => RANCHER_PEOPLE[n - 1]?.username ?? 'alice';
  const cProd = remoteGroup(rAurora, rancherKeycloakId('c-prod'), `c_${CLUSTER.prod}`, null);
  const cDev = remoteGroup(rAurora, rancherKeycloakId('c-dev'), `c_${CLUSTER.dev}`, null);
  const cBoreal = remoteGroup(rBoreal, rancherKeycloakId('c-boreal'), `c_${CLUSTER.boreal}`, null);
  const RANCHER_GROUPS = RANCHER.groups;
  const rgProd = b.rancherGroup({
    uuid: RANCHER_GROUPS.prodOwners.uuid,
    name: RANCHER_GROUPS.prodOwners.name,
    backendId: remoteGroup(rAurora, rancherKeycloakId('prod-owners'), RANCHER_GROUPS.prodOwners.name, cProd).id,
    roleUuid: TEMPLATES.clusterOwner.uuid,
    scopeUuid: CLUSTER.prod,
  });
  const rgMl = b.rancherGroup({
    uuid: RANCHER_GROUPS.mlMembers.uuid,
    name: RANCHER_GROUPS.mlMembers.name,
    backendId: remoteGroup(rAurora, rancherKeycloakId('ml-members'), RANCHER_GROUPS.mlMembers.name, cProd).id,
    roleUuid: TEMPLATES.projectMember.uuid,
    scopeUuid: RANCHER_PROJECT.ml,
  });
  const rgWeb = b.rancherGroup({
    uuid: RANCHER_GROUPS.webOwners.uuid,
    name: RANCHER_GROUPS.webOwners.name,
    backendId: remoteGroup(rAurora, rancherKeycloakId('web-owners'), RANCHER_GROUPS.webOwners.name, cProd).id,
    roleUuid: TEMPLATES.projectOwner.uuid,
    scopeUuid: RANCHER_PROJECT.web,
  });
  const rgDev = b.rancherGroup({
    uuid: RANCHER_GROUPS.devMembers.uuid,
    name: RANCHER_GROUPS.devMembers.name,
    backendId: remoteGroup(rAurora, rancherKeycloakId('dev-members'), RANCHER_GROUPS.devMembers.name, cDev).id,
    roleUuid: TEMPLATES.clusterMember.uuid,
    scopeUuid: CLUSTER.dev,
  });
  const rgBoreal = b.rancherGroup({
    uuid: RANCHER_GROUPS.borealOwners.uuid,
    name: RANCHER_GROUPS.borealOwners.name,
    backendId: remoteGroup(rBoreal, rancherKeycloakId('boreal-owners'), RANCHER_GROUPS.borealOwners.name, cBoreal).id,
    roleUuid: TEMPLATES.borealClusterOwner.uuid,
    scopeUuid: CLUSTER.boreal,
  });
  const rancherMember = (
    g: typeof rgProd,
    username: string,
    email: string,
    state: 'active' | 'pending',
    realm: Realm,
    extra: { errorMessage?: string; inRemoteGroup?: boolean } = {},
  ): void => {
    b.rancherMembership({
      uuid: demoUuid(`rmembership:${g.uuid}:${username}`),
      group: g,
      username,
      email,
      state,
      realm,
      inRemoteGroup: extra.inRemoteGroup ?? state === 'active',
      ...(extra.errorMessage ? { errorMessage: extra.errorMessage } : {}),
    });
  };
  rancherMember(rgProd, 'alice', 'alice@uni-example.org', 'active', rAurora);
  rancherMember(rgProd, 'carol', 'carol@research.example.net', 'active', rAurora);
  rancherMember(rgMl, rancherPerson(1), `${rancherPerson(1)}@example.org`, 'active', rAurora);
  rancherMember(rgMl, rancherPerson(2), `${rancherPerson(2)}@example.org`, 'active', rAurora);
  rancherMember(rgMl, 'new.engineer', 'new.engineer@example.org', 'pending', rAurora);
  rancherMember(rgWeb, 'r.departed', 'departed@example.org', 'active', rAurora, { errorMessage: REMOVED_EXTERNALLY, inRemoteGroup: false });
  rancherMember(rgWeb, rancherPerson(3), `${rancherPerson(3)}@example.org`, 'active', rAurora);
  rancherMember(rgDev, 'dave', 'dave@lab.example.com', 'pending', rAurora);
  rancherMember(rgDev, rancherPerson(4), `${rancherPerson(4)}@example.org`, 'active', rAurora);
  rancherMember(rgBoreal, 'boris', 'boris@boreal.example.net', 'active', rBoreal);

  b.finish();
}
