// The `demo` seed: small enough to read in a browser, rich enough to exercise every state the UI
// must handle. `DEMO` holds the well-known identifiers the UI's end-to-end tests import.
import type { Realm, RemoteGroup } from '../keycloak/realm.ts';
import type { Store } from '../model/store.ts';
import type { OfferingGroup } from '../model/types.ts';
import { REMOVED_EXTERNALLY, SYNC_FAILED } from '../tasks.ts';
import { keycloakId, tokenKey, uuidHex } from '../util/ids.ts';
import { createPrng } from '../util/prng.ts';
import { SeedBuilder, remoteGroup } from './builder.ts';
import { HOSTILE, generatePeople } from './names.ts';

const U = (key: string): string => uuidHex(`demo:${key}`);
const KA = (key: string): string => keycloakId(`alpha:${key}`);
const KB = (key: string): string => keycloakId(`beta:${key}`);
const KG = (key: string): string => keycloakId(`gamma:${key}`);
const KR = (key: string): string => keycloakId(`rancher:${key}`);

const OFF = {
  a: U('offering:alpha'),
  b: U('offering:beta'),
  g: U('offering:gamma'),
  d: U('offering:delta'),
  e: U('offering:epsilon'),
  z: U('offering:zeta'),
};
const RES = {
  aProd: U('resource:alpha-prod'),
  aDev: U('resource:alpha-dev'),
  aArchive: U('resource:alpha-archive'),
  bShared: U('resource:beta-shared'),
  bEdu: U('resource:beta-edu'),
  gPool: U('resource:gamma-pool'),
  dBucket: U('resource:delta-bucket'),
};
const CL = { prod: U('cluster:aurora-prod'), dev: U('cluster:aurora-dev'), boreal: U('cluster:boreal-k8s') };
const PR = {
  ml: U('rproject:ml-platform'),
  web: U('rproject:web-frontend'),
  sandbox: U('rproject:sandbox'),
  analytics: U('rproject:analytics'),
};

/** Generated remote users of the Alpha realm, addressed as gen(1) .. gen(210). */
const ALPHA_PEOPLE = generatePeople(createPrng(20250106), 210);
const gen = (n: number): string => {
  const p = ALPHA_PEOPLE[n - 1];
  if (!p) throw new Error(`no generated user ${n}`);
  return p.username;
};
const BETA_PEOPLE = generatePeople(createPrng(7331), 60, 'b.');
const RANCHER_PEOPLE = generatePeople(createPrng(4242), 30, 'r.');

export const DEMO = {
  accounts: {
    staff: { uuid: U('account:staff'), username: 'staff', password: 'staff', fullName: 'Stella Staffer' },
    owner: { uuid: U('account:owner'), username: 'owner', password: 'owner', fullName: 'Oscar Owner' },
    viewer: { uuid: U('account:viewer'), username: 'viewer', password: 'viewer', fullName: 'Vera Viewer' },
  },
  /** Pre-seeded tokens (send as `Authorization: Token <key>`). */
  tokens: { staff: tokenKey('demo:staff'), owner: tokenKey('demo:owner'), viewer: tokenKey('demo:viewer') },
  customers: {
    aurora: { uuid: U('customer:aurora'), name: 'Aurora Research Computing' },
    boreal: { uuid: U('customer:boreal'), name: 'Boreal Data Services' },
  },
  offerings: {
    /** Healthy, hierarchical realm ({alpha-hpc}/..., no base group), owned by `owner`'s organization. */
    healthyA: { uuid: OFF.a, name: 'Alpha HPC Platform', slug: 'alpha-hpc', customer: 'aurora' },
    /** Healthy legacy flat realm: remote_groups lists every group flattened (duplicate names). Not owner's. */
    healthyB: { uuid: OFF.b, name: 'Beta Kubernetes Service', slug: 'beta-k8s', customer: 'boreal' },
    /** Keycloak enabled but its server is unreachable: every remote action fails. */
    unreachable: { uuid: OFF.g, name: 'Gamma Legacy Cloud', slug: 'gamma-cloud', customer: 'aurora' },
    /** Keycloak not enabled. */
    noKeycloak: { uuid: OFF.d, name: 'Delta Object Storage', slug: 'delta-storage', customer: 'aurora' },
    /** Keycloak enabled, secret_options incomplete (no username/password): remote actions fail. */
    misconfigured: { uuid: OFF.e, name: 'Epsilon Analytics', slug: 'epsilon-analytics', customer: 'aurora' },
    /**
     * Healthy realm with a base group ({waldur}/{zeta-viz}/...): Waldur fetches one level of
     * children, so on Keycloak 23+ remote_groups is empty while test_connection lists "waldur".
     */
    baseGroupLimit: { uuid: OFF.z, name: 'Zeta Visualisation', slug: 'zeta-viz', customer: 'aurora' },
  },
  roles: {
    a: {
      viewer: { uuid: U('role:a:viewer'), name: 'Viewer', scopeType: '' },
      operator: { uuid: U('role:a:operator'), name: 'Operator', scopeType: '' },
      clusterAdmin: { uuid: U('role:a:cluster-admin'), name: 'Cluster Admin', scopeType: 'cluster' },
      projectMember: { uuid: U('role:a:project-member'), name: 'Project Member', scopeType: 'project' },
      namespaceEditor: { uuid: U('role:a:namespace-editor'), name: 'Namespace Editor', scopeType: 'namespace' },
    },
    b: {
      developer: { uuid: U('role:b:developer'), name: 'Developer', scopeType: 'project' },
      admin: { uuid: U('role:b:admin'), name: 'Admin', scopeType: 'cluster' },
      auditor: { uuid: U('role:b:auditor'), name: 'Auditor', scopeType: '' },
    },
    unreachable: { member: { uuid: U('role:g:member'), name: 'Member', scopeType: '' } },
    noKeycloak: { user: { uuid: U('role:d:user'), name: 'User', scopeType: '' } },
    misconfigured: { analyst: { uuid: U('role:e:analyst'), name: 'Analyst', scopeType: '' } },
    baseGroupLimit: { viewer: { uuid: U('role:z:viewer'), name: 'Viewer', scopeType: '' } },
  },
  resources: {
    aProd: {
      uuid: RES.aProd,
      name: 'alpha-prod-cluster',
      scopes: [
        { scope_type: 'project', scope_id: 'p-7x2kq', label: 'Genomics pipeline' },
        { scope_type: 'project', scope_id: 'p-m4n8z', label: 'Climate model' },
        { scope_type: 'namespace', scope_id: 'ns-shared', label: 'Shared namespace' },
      ],
    },
    aDev: { uuid: RES.aDev, name: 'alpha-dev-cluster', scopes: [{ scope_type: 'project', scope_id: 'p-dev01', label: 'Sandbox' }] },
    aArchive: { uuid: RES.aArchive, name: 'alpha-archive', scopes: [] },
    bShared: { uuid: RES.bShared, name: 'beta-shared', scopes: [{ scope_type: 'project', scope_id: 'proj-web', label: 'Web apps' }] },
    bEdu: { uuid: RES.bEdu, name: 'beta-edu', scopes: [] },
    gPool: { uuid: RES.gPool, name: 'gamma-vm-pool', scopes: [] },
    /** On the offering without Keycloak: set_keycloak_scopes refuses it. */
    dBucket: { uuid: RES.dBucket, name: 'delta-bucket', scopes: [] },
  },
  /** Local groups (OfferingKeycloakGroup). */
  groups: {
    a: {
      viewer: { uuid: U('group:a:viewer'), name: `${OFF.a}_Viewer`, backendId: KA('viewer') },
      prodAdmin: { uuid: U('group:a:prod-admin'), name: `${OFF.a}_${RES.aProd}_Cluster Admin`, backendId: KA('prod-admin') },
      devAdmin: { uuid: U('group:a:dev-admin'), name: `${OFF.a}_${RES.aDev}_Cluster Admin`, backendId: KA('dev-admin') },
      genomics: { uuid: U('group:a:genomics'), name: `${OFF.a}_p-7x2kq_Project Member`, backendId: KA('genomics') },
      climate: { uuid: U('group:a:climate'), name: `${OFF.a}_p-m4n8z_Project Member`, backendId: KA('climate') },
      /** Imported; another local group has the same name (orphaned). */
      researchers: { uuid: U('group:a:researchers'), name: 'Researchers', backendId: KA('researchers') },
      xss: { uuid: U('group:a:xss'), name: HOSTILE.xss, backendId: KA('xss') },
      longName: { uuid: U('group:a:long150'), name: HOSTILE.long150, backendId: KA('long150') },
      rtl: { uuid: U('group:a:rtl'), name: HOSTILE.rtl, backendId: KA('rtl') },
      /** Unlinked (backend_id ""); a remote group with the same name exists. */
      unlinked: { uuid: U('group:a:operator'), name: `${OFF.a}_Operator`, backendId: '' },
      /** Unlinked, hostile name, one pending member. */
      unlinkedSql: { uuid: U('group:a:sql'), name: HOSTILE.sql, backendId: '' },
      /** Orphaned: points at a remote group that was deleted. */
      orphaned: { uuid: U('group:a:legacy'), name: 'Legacy HPC users', backendId: KA('deleted:legacy') },
      /** Orphaned, same name as `researchers`. */
      orphanedResearchers: { uuid: U('group:a:researchers-old'), name: 'Researchers', backendId: KA('deleted:researchers-old') },
    },
    b: {
      physicsResearchers: { uuid: U('group:b:physics'), name: 'Researchers', backendId: KB('physics-researchers') },
      ops: { uuid: U('group:b:ops'), name: 'ops', backendId: KB('ops') },
      unlinked: { uuid: U('group:b:auditor'), name: 'beta-k8s-beta-edu-Auditor', backendId: '' },
      orphaned: { uuid: U('group:b:old-devs'), name: 'Old Developers', backendId: KB('deleted:old-devs') },
    },
    unreachable: {
      members: { uuid: U('group:g:members'), name: `${OFF.g}_Member`, backendId: KG('members') },
      pool: { uuid: U('group:g:pool'), name: `${OFF.g}_${RES.gPool}_Member`, backendId: KG('pool') },
    },
    misconfigured: { analysts: { uuid: U('group:e:analysts'), name: `${OFF.e}_Analyst`, backendId: '' } },
  },
  /** Remote Keycloak groups. */
  remoteGroups: {
    a: {
      /** remote_groups for A lists the children of this group. */
      offeringGroupPath: '/alpha-hpc',
      offeringGroupId: KA('offering'),
      /** "Researchers" exists at /alpha-hpc/Researchers, nested under gpu-users and under /admins. */
      duplicateName: 'Researchers',
      duplicatePaths: ['/alpha-hpc/Researchers', '/alpha-hpc/gpu-users/Researchers', '/admins/Researchers'],
      /** Remote-only group with nested sub-groups (a100, h100 -> h100-priority, Researchers). */
      nested: { id: KA('gpu'), name: 'gpu-users', path: '/alpha-hpc/gpu-users', subGroupCount: 3 },
      nestedChild: { id: KA('h100'), name: 'h100', path: '/alpha-hpc/gpu-users/h100' },
      /** Remote-only group named like the unlinked local group (relink candidate). */
      operator: { id: KA('operator'), name: `${OFF.a}_Operator` },
      stewards: { id: KA('stewards'), name: 'Data Stewards' },
      visitors: { id: KA('visitors'), name: 'Visitors' },
      /** 255 characters: importing it fails (local names hold 150). */
      long255: { id: KA('long255'), name: HOSTILE.long255 },
      sql: { id: KA('sql'), name: HOSTILE.sql },
      /** Names of the groups no local group points at (remote_only of sync_status). */
      remoteOnlyNames: [
        `${OFF.a}_Operator`,
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
      physicsResearchers: { id: KB('physics-researchers'), path: '/physics/Researchers' },
      chemistryResearchers: { id: KB('chemistry-researchers'), path: '/chemistry/Researchers' },
      nested: { id: KB('safety'), name: 'Safety Officers', path: '/chemistry/Lab Managers/Safety Officers' },
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
    pendingActivatable: { uuid: U('membership:a:climate:pending-activatable'), username: 'pending.activatable' },
    active: ['alice', 'bob', 'carol', 'dave', 'mallory', 'fatima.alzahra', 'jurgen.muller', 'zoe.angstrom'],
    /** Active with error_message "User was removed from the Keycloak group externally. ..." */
    error: { uuid: U('membership:a:prod-admin:ex.member'), username: 'ex.member', message: REMOVED_EXTERNALLY },
    /** Pending with error_message (Keycloak sync failed) and an error_traceback (staff only). */
    pendingError: { uuid: U('membership:a:dev-admin:sync.failed'), username: 'sync.failed', message: SYNC_FAILED },
    /** Active, but already removed from the remote group: the next tick flags it. */
    removedRemotely: { uuid: U('membership:a:genomics:removed.later'), username: 'removed.later' },
    /** Sole member of the orphaned-duplicate group: deleting it deletes the group. */
    lastOfGroup: { uuid: U('membership:a:researchers-old:0'), group: 'orphanedResearchers' },
    aliceViewer: { uuid: U('membership:a:viewer:alice') },
  },
  /** Expected result of pull_members on A's "Researchers" group. */
  pullExpectations: { researchers: { created: 3, updated: 2, total_remote: 8 } },
  rancher: {
    settings: {
      aurora: { uuid: U('settings:aurora-rancher'), name: 'Aurora Rancher' },
      boreal: { uuid: U('settings:boreal-rancher'), name: 'Boreal Rancher' },
    },
    clusters: {
      auroraProd: { uuid: CL.prod, name: 'aurora-prod' },
      auroraDev: { uuid: CL.dev, name: 'aurora-dev' },
      boreal: { uuid: CL.boreal, name: 'boreal-k8s' },
    },
    projects: {
      mlPlatform: { uuid: PR.ml, name: 'ml-platform', cluster: 'auroraProd' },
      webFrontend: { uuid: PR.web, name: 'web-frontend', cluster: 'auroraProd' },
      sandbox: { uuid: PR.sandbox, name: 'sandbox', cluster: 'auroraDev' },
      analytics: { uuid: PR.analytics, name: 'analytics', cluster: 'boreal' },
    },
    roleTemplates: {
      clusterOwner: { uuid: U('rt:aurora:cluster-owner'), name: 'cluster-owner', displayName: 'Cluster Owner', scopeType: 'cluster' },
      clusterMember: { uuid: U('rt:aurora:cluster-member'), name: 'cluster-member', displayName: 'Cluster Member', scopeType: 'cluster' },
      projectOwner: { uuid: U('rt:aurora:project-owner'), name: 'project-owner', displayName: 'Project Owner', scopeType: 'project' },
      projectMember: { uuid: U('rt:aurora:project-member'), name: 'project-member', displayName: 'Project Member', scopeType: 'project' },
      readOnly: { uuid: U('rt:aurora:read-only'), name: 'read-only', displayName: 'Read-only', scopeType: 'project' },
      borealClusterOwner: { uuid: U('rt:boreal:cluster-owner'), name: 'cluster-owner', displayName: 'Cluster Owner', scopeType: 'cluster' },
      borealProjectMember: {
        uuid: U('rt:boreal:project-member'),
        name: 'project-member',
        displayName: 'Project Member',
        scopeType: 'project',
      },
    },
    groups: {
      prodOwners: { uuid: U('rgroup:prod-owners'), name: `c_${CL.prod}_cluster-owner` },
      mlMembers: { uuid: U('rgroup:ml-members'), name: `p_${PR.ml}_project-member` },
      webOwners: { uuid: U('rgroup:web-owners'), name: `p_${PR.web}_project-owner` },
      devMembers: { uuid: U('rgroup:dev-members'), name: `c_${CL.dev}_cluster-member` },
      borealOwners: { uuid: U('rgroup:boreal-owners'), name: `c_${CL.boreal}_cluster-owner` },
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
  const D = DEMO;

  // ---- organizations and accounts ----------------------------------------------------------
  b.customer(D.customers.aurora.uuid, D.customers.aurora.name, 'aurora-research');
  b.customer(D.customers.boreal.uuid, D.customers.boreal.name, 'boreal-data');
  b.account({
    uuid: D.accounts.staff.uuid,
    username: 'staff',
    password: 'staff',
    firstName: 'Stella',
    lastName: 'Staffer',
    email: 'staff@waldur.example.org',
    isStaff: true,
    isSupport: false,
    ownerOf: [],
    tokenKey: D.tokens.staff,
  });
  b.account({
    uuid: D.accounts.owner.uuid,
    username: 'owner',
    password: 'owner',
    firstName: 'Oscar',
    lastName: 'Owner',
    email: 'owner@aurora.example.org',
    isStaff: false,
    isSupport: false,
    ownerOf: [D.customers.aurora.uuid],
    tokenKey: D.tokens.owner,
  });
  b.account({
    uuid: D.accounts.viewer.uuid,
    username: 'viewer',
    password: 'viewer',
    firstName: 'Vera',
    lastName: 'Viewer',
    email: 'viewer@example.org',
    isStaff: false,
    isSupport: false,
    ownerOf: [],
    tokenKey: D.tokens.viewer,
  });

  // ---- realms ---------------------------------------------------------------------------------
  const alpha = store.addRealm('alpha', 'alpha');
  const beta = store.addRealm('beta', 'beta');
  const gamma = store.addRealm('gamma', 'gamma');
  const zeta = store.addRealm('zeta', 'zeta');
  const rAurora = store.addRealm('rancher-aurora', 'rancher');
  const rBoreal = store.addRealm('rancher-boreal', 'rancher');

  // ---- offerings ------------------------------------------------------------------------------
  const aurora = D.customers.aurora.uuid;
  const boreal = D.customers.boreal.uuid;
  // Listed last (oldest): a real deployment with a base group, to show Waldur's one-level limit.
  b.offering({
    uuid: OFF.z,
    name: D.offerings.baseGroupLimit.name,
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
    uuid: OFF.a,
    name: D.offerings.healthyA.name,
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
    uuid: OFF.b,
    name: D.offerings.healthyB.name,
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
    uuid: OFF.g,
    name: D.offerings.unreachable.name,
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
    uuid: OFF.d,
    name: D.offerings.noKeycloak.name,
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
    uuid: OFF.e,
    name: D.offerings.misconfigured.name,
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
  const R = D.roles;
  b.role(R.a.viewer.uuid, OFF.a, 'Viewer');
  b.role(R.a.operator.uuid, OFF.a, 'Operator');
  b.role(R.a.clusterAdmin.uuid, OFF.a, 'Cluster Admin', 'cluster', 'Cluster');
  b.role(R.a.projectMember.uuid, OFF.a, 'Project Member', 'project', 'Rancher Project');
  b.role(R.a.namespaceEditor.uuid, OFF.a, 'Namespace Editor', 'namespace', 'Cluster Namespace');
  b.role(R.b.developer.uuid, OFF.b, 'Developer', 'project', 'Project');
  b.role(R.b.admin.uuid, OFF.b, 'Admin', 'cluster', '');
  b.role(R.b.auditor.uuid, OFF.b, 'Auditor');
  b.role(R.unreachable.member.uuid, OFF.g, 'Member');
  b.role(R.noKeycloak.user.uuid, OFF.d, 'User');
  b.role(R.misconfigured.analyst.uuid, OFF.e, 'Analyst');
  b.role(R.baseGroupLimit.viewer.uuid, OFF.z, 'Viewer');

  // ---- resources ------------------------------------------------------------------------------
  const projGenomics = U('project:genomics');
  const projClimate = U('project:climate');
  const projTeaching = U('project:teaching');
  b.resource({
    uuid: RES.aProd,
    name: 'alpha-prod-cluster',
    slug: 'alpha-prod-cluster',
    offeringUuid: OFF.a,
    customerUuid: aurora,
    projectUuid: projGenomics,
    projectName: 'Genomics',
    options: { keycloak_available_scopes: [...D.resources.aProd.scopes] },
  });
  b.resource({
    uuid: RES.aDev,
    name: 'alpha-dev-cluster',
    slug: 'alpha-dev-cluster',
    offeringUuid: OFF.a,
    customerUuid: aurora,
    projectUuid: projClimate,
    projectName: 'Climate',
    options: { keycloak_available_scopes: [...D.resources.aDev.scopes] },
  });
  b.resource({
    uuid: RES.aArchive,
    name: 'alpha-archive',
    slug: 'alpha-archive',
    offeringUuid: OFF.a,
    customerUuid: aurora,
    projectUuid: projGenomics,
    projectName: 'Genomics',
    options: {},
  });
  b.resource({
    uuid: RES.bShared,
    name: 'beta-shared',
    slug: 'beta-shared',
    offeringUuid: OFF.b,
    customerUuid: boreal,
    projectUuid: projTeaching,
    projectName: 'Teaching',
    options: { keycloak_available_scopes: [...D.resources.bShared.scopes] },
  });
  b.resource({
    uuid: RES.bEdu,
    name: 'beta-edu',
    slug: 'beta-edu',
    offeringUuid: OFF.b,
    customerUuid: boreal,
    projectUuid: projTeaching,
    projectName: 'Teaching',
    options: { keycloak_available_scopes: [] },
  });
  b.resource({
    uuid: RES.gPool,
    name: 'gamma-vm-pool',
    slug: 'gamma-vm-pool',
    offeringUuid: OFF.g,
    customerUuid: aurora,
    projectUuid: projClimate,
    projectName: 'Climate',
    options: {},
  });

  b.resource({
    uuid: RES.dBucket,
    name: 'delta-bucket',
    slug: 'delta-bucket',
    offeringUuid: OFF.d,
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
  const G = D.groups.a;
  const waldur = remoteGroup(alpha, KA('waldur'), 'waldur', null);
  const off = remoteGroup(alpha, KA('offering'), 'alpha-hpc', null);
  const rg = {
    viewer: remoteGroup(alpha, G.viewer.backendId, G.viewer.name, off),
    prodAdmin: remoteGroup(alpha, G.prodAdmin.backendId, G.prodAdmin.name, off),
    devAdmin: remoteGroup(alpha, G.devAdmin.backendId, G.devAdmin.name, off),
    genomics: remoteGroup(alpha, G.genomics.backendId, G.genomics.name, off),
    climate: remoteGroup(alpha, G.climate.backendId, G.climate.name, off),
    researchers: remoteGroup(alpha, G.researchers.backendId, 'Researchers', off),
    xss: remoteGroup(alpha, G.xss.backendId, HOSTILE.xss, off),
    long150: remoteGroup(alpha, G.longName.backendId, HOSTILE.long150, off),
    rtl: remoteGroup(alpha, G.rtl.backendId, HOSTILE.rtl, off),
    operator: remoteGroup(alpha, KA('operator'), `${OFF.a}_Operator`, off),
    gpu: remoteGroup(alpha, KA('gpu'), 'gpu-users', off),
    stewards: remoteGroup(alpha, KA('stewards'), 'Data Stewards', off),
    sql: remoteGroup(alpha, KA('sql'), HOSTILE.sql, off),
    long255: remoteGroup(alpha, KA('long255'), HOSTILE.long255, off),
    rlo: remoteGroup(alpha, KA('rlo'), HOSTILE.rtlOverride, off),
    emoji: remoteGroup(alpha, KA('emoji'), HOSTILE.emoji, off),
    visitors: remoteGroup(alpha, KA('visitors'), 'Visitors', off),
  };
  const a100 = remoteGroup(alpha, KA('a100'), 'a100', rg.gpu);
  const h100 = remoteGroup(alpha, KA('h100'), 'h100', rg.gpu);
  const h100p = remoteGroup(alpha, KA('h100-priority'), 'h100-priority', h100);
  const gpuResearchers = remoteGroup(alpha, KA('gpu-researchers'), 'Researchers', rg.gpu);
  const reviewers = remoteGroup(alpha, KA('reviewers'), 'Reviewers', rg.stewards);
  const archiveSvc = remoteGroup(alpha, KA('archive-svc'), 'archive-svc', waldur);
  const archiveReaders = remoteGroup(alpha, KA('archive-readers'), 'archive-readers', archiveSvc);
  const admins = remoteGroup(alpha, KA('admins'), 'admins', null);
  const adminResearchers = remoteGroup(alpha, KA('admin-researchers'), 'Researchers', admins);
  const partners = remoteGroup(alpha, KA('partners'), 'external-partners', null);
  remoteGroup(alpha, KA('cern'), 'cern', partners);
  remoteGroup(alpha, KA('desy'), 'desy', partners);

  members(alpha, rg.viewer, [gen(1), gen(2)]);
  members(alpha, rg.researchers, [gen(12), gen(13), gen(14), 'mallory']);
  members(alpha, rg.operator, [gen(18), gen(19)]);
  members(alpha, rg.gpu, [40, 41, 42, 43, 44, 45, 46, 47, 48, 49, 50, 51, 52, 53, 54].map(gen));
  members(alpha, a100, [40, 41, 42, 43, 44].map(gen));
  members(alpha, h100, [45, 46, 47, 48].map(gen));
  members(alpha, h100p, [gen(45)]);
  members(alpha, gpuResearchers, [gen(49), gen(50), 'carol']);
  members(alpha, rg.stewards, [60, 61, 62, 63].map(gen));
  members(alpha, reviewers, [gen(60), gen(61)]);
  members(alpha, rg.sql, [gen(70)]);
  members(alpha, rg.emoji, [gen(71), gen(72)]);
  members(alpha, archiveReaders, [gen(80), gen(81)]);
  members(alpha, admins, ['dave', gen(90), gen(91)]);
  members(alpha, adminResearchers, [gen(92), gen(93)]);

  // ---- Alpha local groups and memberships -----------------------------------------------------
  const group = (
    spec: { uuid: string; name: string; backendId: string },
    roleUuid: string,
    resourceUuid: string | null,
    scopeId = '',
  ): OfferingGroup =>
    b.group({ uuid: spec.uuid, name: spec.name, backendId: spec.backendId, offeringUuid: OFF.a, roleUuid, resourceUuid, scopeId });
  const lg = {
    orphaned: group(G.orphaned, R.a.operator.uuid, RES.aProd),
    unlinked: group(G.unlinked, R.a.operator.uuid, null),
    viewer: group(G.viewer, R.a.viewer.uuid, null),
    prodAdmin: group(G.prodAdmin, R.a.clusterAdmin.uuid, RES.aProd),
    devAdmin: group(G.devAdmin, R.a.clusterAdmin.uuid, RES.aDev),
    genomics: group(G.genomics, R.a.projectMember.uuid, RES.aProd, 'p-7x2kq'),
    climate: group(G.climate, R.a.projectMember.uuid, RES.aProd, 'p-m4n8z'),
    orphanedResearchers: group(G.orphanedResearchers, R.a.operator.uuid, RES.aDev),
    researchers: group(G.researchers, R.a.viewer.uuid, RES.aProd),
    xss: group(G.xss, R.a.viewer.uuid, RES.aDev),
    long150: group(G.longName, R.a.projectMember.uuid, RES.aDev, 'p-dev01'),
    rtl: group(G.rtl, R.a.clusterAdmin.uuid, RES.aArchive),
    sql: group(G.unlinkedSql, R.a.viewer.uuid, RES.aArchive),
  };
  const active = (g: OfferingGroup, usernames: string[], key: string): void => {
    for (const u of usernames) {
      b.membership({ uuid: U(`membership:a:${key}:${u}`), group: g, username: u, state: 'active', realm: alpha, inRemoteGroup: true });
    }
  };
  const pending = (g: OfferingGroup, username: string, key: string, email?: string): void => {
    b.membership({
      uuid: U(`membership:a:${key}:${username}`),
      group: g,
      username,
      state: 'pending',
      realm: alpha,
      email: email ?? `${username.replace(/[^a-z0-9.]/gi, '') || 'someone'}@example.org`,
    });
  };

  // Orphaned and unlinked groups first (oldest).
  for (const u of [gen(20), gen(21), gen(22)]) {
    b.membership({ uuid: U(`membership:a:legacy:${u}`), group: lg.orphaned, username: u, state: 'active', realm: alpha });
  }
  for (const u of [gen(18), gen(19)]) {
    b.membership({ uuid: U(`membership:a:operator:${u}`), group: lg.unlinked, username: u, state: 'active', realm: alpha });
  }
  pending(lg.unlinked, 'new.hire', 'operator');
  b.membership({ uuid: D.memberships.lastOfGroup.uuid, group: lg.orphanedResearchers, username: gen(23), state: 'active', realm: alpha });

  // Viewer: alice's local last name is stale (remote has "Andersson-Berg").
  b.membership({
    uuid: D.memberships.aliceViewer.uuid,
    group: lg.viewer,
    username: 'alice',
    state: 'active',
    realm: alpha,
    inRemoteGroup: true,
    firstName: 'Alice',
    lastName: 'Andersson',
  });
  active(lg.viewer, ['bob', 'carol', 'dave', 'jurgen.muller', 'zoe.angstrom', 'fatima.alzahra', 'mallory'], 'viewer');
  pending(lg.viewer, 'new.postdoc', 'viewer');

  active(lg.prodAdmin, ['carol', 'dave', 'li.chen', 'long.name'], 'prod-admin');
  b.membership({
    uuid: D.memberships.error.uuid,
    group: lg.prodAdmin,
    username: 'ex.member',
    state: 'active',
    realm: alpha,
    errorMessage: REMOVED_EXTERNALLY,
  });
  pending(lg.prodAdmin, 'visiting.scholar', 'prod-admin');

  active(lg.devAdmin, ['alice', gen(3)], 'dev-admin');
  b.membership({
    uuid: D.memberships.pendingError.uuid,
    group: lg.devAdmin,
    username: 'sync.failed',
    state: 'pending',
    realm: alpha,
    email: 'sync.failed@example.org',
    errorMessage: SYNC_FAILED,
    errorTraceback:
      'Traceback (most recent call last):\n  File "/usr/src/waldur/src/waldur_keycloak/tasks.py", line 58, in sync_pending_memberships\n    backend_user = keycloak.find_user_by_username(membership.username)\nkeycloak.exceptions.KeycloakConnectionError: Can\'t connect to server (Read timed out. (read timeout=30))',
  });

  active(lg.genomics, ['alice', 'carol', gen(4), gen(5)], 'genomics');
  b.membership({ uuid: D.memberships.removedRemotely.uuid, group: lg.genomics, username: 'removed.later', state: 'active', realm: alpha });

  active(lg.climate, ['bob', gen(6), gen(7)], 'climate');
  b.membership({
    uuid: D.memberships.pendingActivatable.uuid,
    group: lg.climate,
    username: 'pending.activatable',
    state: 'pending',
    realm: alpha,
    email: 'pa@example.org',
  });

  active(lg.researchers, [gen(8), gen(10), gen(11)], 'researchers');
  // Stale email: pull_members updates it.
  b.membership({
    uuid: U(`membership:a:researchers:${gen(9)}`),
    group: lg.researchers,
    username: gen(9),
    state: 'active',
    realm: alpha,
    inRemoteGroup: true,
    email: 'old.address@example.org',
  });
  // Pending although the user is already in the remote group: pull_members activates it.
  b.membership({
    uuid: U(`membership:a:researchers:${gen(12)}`),
    group: lg.researchers,
    username: gen(12),
    state: 'pending',
    realm: alpha,
    email: 'pending.researcher@example.org',
  });

  active(lg.xss, ['mallory', gen(15)], 'xss');
  active(lg.long150, ['long.name', gen(16)], 'long150');
  active(lg.rtl, ['fatima.alzahra', gen(17)], 'rtl');
  pending(lg.sql, 'bobby.tables', 'sql', 'bobby@example.org');
  pending(lg.sql, '<script>alert("x")</script>', 'sql', 'script@example.org');

  // ---- Beta: flat legacy realm ----------------------------------------------------------------
  addUsers(beta, [{ username: 'alice', email: 'alice@uni-example.org', firstName: 'Alice', lastName: 'Andersson-Berg' }], 'beta');
  addUsers(beta, BETA_PEOPLE, 'beta');
  const bp = (n: number): string => BETA_PEOPLE[n - 1]?.username ?? 'alice';
  const physics = remoteGroup(beta, KB('physics'), 'physics', null);
  const chemistry = remoteGroup(beta, KB('chemistry'), 'chemistry', null);
  const ops = remoteGroup(beta, KB('ops'), 'ops', null);
  remoteGroup(beta, KB('beta-users'), 'beta-users', null);
  const physRes = remoteGroup(beta, KB('physics-researchers'), 'Researchers', physics);
  remoteGroup(beta, KB('physics-students'), 'Students', physics);
  const chemRes = remoteGroup(beta, KB('chemistry-researchers'), 'Researchers', chemistry);
  const labManagers = remoteGroup(beta, KB('lab-managers'), 'Lab Managers', chemistry);
  remoteGroup(beta, KB('safety'), 'Safety Officers', labManagers);
  members(beta, chemRes, [bp(20), bp(21), bp(22)]);
  members(beta, labManagers, [bp(23)]);
  void physRes;
  void ops;
  const GB = D.groups.b;
  const bGroup = (
    spec: { uuid: string; name: string; backendId: string },
    roleUuid: string,
    resourceUuid: string | null,
    scopeId = '',
  ): OfferingGroup =>
    b.group({ uuid: spec.uuid, name: spec.name, backendId: spec.backendId, offeringUuid: OFF.b, roleUuid, resourceUuid, scopeId });
  const lbOrphan = bGroup(GB.orphaned, R.b.developer.uuid, RES.bEdu);
  const lbPhysics = bGroup(GB.physicsResearchers, R.b.developer.uuid, RES.bShared, 'proj-web');
  const lbOps = bGroup(GB.ops, R.b.admin.uuid, RES.bShared);
  const lbUnlinked = bGroup(GB.unlinked, R.b.auditor.uuid, RES.bEdu);
  for (const u of [bp(1), bp(2)])
    b.membership({ uuid: U(`membership:b:old:${u}`), group: lbOrphan, username: u, state: 'active', realm: beta });
  for (const u of ['alice', bp(3), bp(4), bp(5), bp(6)]) {
    b.membership({
      uuid: U(`membership:b:physics:${u}`),
      group: lbPhysics,
      username: u,
      state: 'active',
      realm: beta,
      inRemoteGroup: true,
    });
  }
  for (const u of [bp(7), bp(8)])
    b.membership({ uuid: U(`membership:b:ops:${u}`), group: lbOps, username: u, state: 'active', realm: beta, inRemoteGroup: true });
  b.membership({
    uuid: U('membership:b:ops:b.pending'),
    group: lbOps,
    username: 'b.pending',
    state: 'pending',
    realm: beta,
    email: 'b.pending@example.net',
  });
  b.membership({
    uuid: U('membership:b:auditor:b.auditor'),
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
  members(zeta, remoteGroup(zeta, keycloakId('zeta:viewers'), `${OFF.z}_Viewer`, zOffering), ['z.analyst']);
  remoteGroup(zeta, keycloakId('zeta:operators'), `${OFF.z}_Operator`, zOffering);

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
  const gWaldur = remoteGroup(gamma, KG('waldur'), 'waldur', null);
  const gOff = remoteGroup(gamma, KG('offering'), 'gamma-cloud', gWaldur);
  remoteGroup(gamma, D.groups.unreachable.members.backendId, D.groups.unreachable.members.name, gOff);
  remoteGroup(gamma, D.groups.unreachable.pool.backendId, D.groups.unreachable.pool.name, gOff);
  const lgMembers = b.group({
    ...D.groups.unreachable.members,
    offeringUuid: OFF.g,
    roleUuid: R.unreachable.member.uuid,
    resourceUuid: null,
    scopeId: '',
  });
  const lgPool = b.group({
    ...D.groups.unreachable.pool,
    offeringUuid: OFF.g,
    roleUuid: R.unreachable.member.uuid,
    resourceUuid: RES.gPool,
    scopeId: '',
  });
  for (const u of ['g.one', 'g.two', 'g.three']) {
    b.membership({
      uuid: U(`membership:g:members:${u}`),
      group: lgMembers,
      username: u,
      state: 'active',
      realm: gamma,
      inRemoteGroup: true,
    });
  }
  b.membership({
    uuid: U('membership:g:members:g.pending'),
    group: lgMembers,
    username: 'g.pending',
    state: 'pending',
    realm: gamma,
    email: 'g.pending@example.org',
  });
  b.membership({
    uuid: U('membership:g:pool:g.one'),
    group: lgPool,
    username: 'g.one',
    state: 'active',
    realm: gamma,
    inRemoteGroup: true,
  });

  // ---- Epsilon: misconfigured ----------------------------------------------------------------
  const leAnalysts = b.group({
    ...D.groups.misconfigured.analysts,
    offeringUuid: OFF.e,
    roleUuid: R.misconfigured.analyst.uuid,
    resourceUuid: null,
    scopeId: '',
  });
  b.membership({
    uuid: U('membership:e:analyst.one'),
    group: leAnalysts,
    username: 'analyst.one',
    state: 'pending',
    email: 'analyst.one@example.org',
  });

  // ---- Rancher --------------------------------------------------------------------------------
  const RD = D.rancher;
  b.settings({
    uuid: RD.settings.aurora.uuid,
    name: RD.settings.aurora.name,
    customerUuid: aurora,
    realmKey: 'rancher-aurora',
    backendUrl: 'https://rancher.aurora.example.org',
  });
  b.settings({
    uuid: RD.settings.boreal.uuid,
    name: RD.settings.boreal.name,
    customerUuid: boreal,
    realmKey: 'rancher-boreal',
    backendUrl: 'https://rancher.boreal.example.net',
  });
  const waldurProject = U('project:platform');
  b.cluster({
    uuid: CL.prod,
    name: 'aurora-prod',
    description: 'Production cluster',
    settingsUuid: RD.settings.aurora.uuid,
    customerUuid: aurora,
    projectUuid: waldurProject,
    projectName: 'Platform',
    backendId: 'c-prod1',
  });
  b.cluster({
    uuid: CL.dev,
    name: 'aurora-dev',
    description: 'Development cluster',
    settingsUuid: RD.settings.aurora.uuid,
    customerUuid: aurora,
    projectUuid: waldurProject,
    projectName: 'Platform',
    backendId: 'c-dev01',
  });
  b.cluster({
    uuid: CL.boreal,
    name: 'boreal-k8s',
    description: '',
    settingsUuid: RD.settings.boreal.uuid,
    customerUuid: boreal,
    projectUuid: U('project:boreal'),
    projectName: 'Boreal platform',
    backendId: 'c-bor01',
  });
  b.project({ uuid: PR.ml, name: 'ml-platform', description: 'Machine learning', clusterUuid: CL.prod, backendId: 'p-ml001' });
  b.project({ uuid: PR.web, name: 'web-frontend', description: '', clusterUuid: CL.prod, backendId: 'p-web01' });
  b.project({ uuid: PR.sandbox, name: 'sandbox', description: 'Try things here', clusterUuid: CL.dev, backendId: 'p-sbx01' });
  b.project({ uuid: PR.analytics, name: 'analytics', description: '', clusterUuid: CL.boreal, backendId: 'p-ana01' });
  const T = RD.roleTemplates;
  for (const t of [T.clusterOwner, T.clusterMember, T.projectOwner, T.projectMember, T.readOnly]) {
    b.roleTemplate({
      uuid: t.uuid,
      name: t.name,
      displayName: t.displayName,
      scopeType: t.scopeType,
      settingsUuid: RD.settings.aurora.uuid,
    });
  }
  for (const t of [T.borealClusterOwner, T.borealProjectMember]) {
    b.roleTemplate({
      uuid: t.uuid,
      name: t.name,
      displayName: t.displayName,
      scopeType: t.scopeType,
      settingsUuid: RD.settings.boreal.uuid,
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
  const rp = (n: number): string => RANCHER_PEOPLE[n - 1]?.username ?? 'alice';
  const cProd = remoteGroup(rAurora, KR('c-prod'), `c_${CL.prod}`, null);
  const cDev = remoteGroup(rAurora, KR('c-dev'), `c_${CL.dev}`, null);
  const cBoreal = remoteGroup(rBoreal, KR('c-boreal'), `c_${CL.boreal}`, null);
  const RG = RD.groups;
  const rgProd = b.rancherGroup({
    uuid: RG.prodOwners.uuid,
    name: RG.prodOwners.name,
    backendId: remoteGroup(rAurora, KR('prod-owners'), RG.prodOwners.name, cProd).id,
    roleUuid: T.clusterOwner.uuid,
    scopeUuid: CL.prod,
  });
  const rgMl = b.rancherGroup({
    uuid: RG.mlMembers.uuid,
    name: RG.mlMembers.name,
    backendId: remoteGroup(rAurora, KR('ml-members'), RG.mlMembers.name, cProd).id,
    roleUuid: T.projectMember.uuid,
    scopeUuid: PR.ml,
  });
  const rgWeb = b.rancherGroup({
    uuid: RG.webOwners.uuid,
    name: RG.webOwners.name,
    backendId: remoteGroup(rAurora, KR('web-owners'), RG.webOwners.name, cProd).id,
    roleUuid: T.projectOwner.uuid,
    scopeUuid: PR.web,
  });
  const rgDev = b.rancherGroup({
    uuid: RG.devMembers.uuid,
    name: RG.devMembers.name,
    backendId: remoteGroup(rAurora, KR('dev-members'), RG.devMembers.name, cDev).id,
    roleUuid: T.clusterMember.uuid,
    scopeUuid: CL.dev,
  });
  const rgBoreal = b.rancherGroup({
    uuid: RG.borealOwners.uuid,
    name: RG.borealOwners.name,
    backendId: remoteGroup(rBoreal, KR('boreal-owners'), RG.borealOwners.name, cBoreal).id,
    roleUuid: T.borealClusterOwner.uuid,
    scopeUuid: CL.boreal,
  });
  const rm = (
    g: typeof rgProd,
    username: string,
    email: string,
    state: 'active' | 'pending',
    realm: Realm,
    extra: { errorMessage?: string; inRemoteGroup?: boolean } = {},
  ): void => {
    b.rancherMembership({
      uuid: U(`rmembership:${g.uuid}:${username}`),
      group: g,
      username,
      email,
      state,
      realm,
      inRemoteGroup: extra.inRemoteGroup ?? state === 'active',
      ...(extra.errorMessage ? { errorMessage: extra.errorMessage } : {}),
    });
  };
  rm(rgProd, 'alice', 'alice@uni-example.org', 'active', rAurora);
  rm(rgProd, 'carol', 'carol@research.example.net', 'active', rAurora);
  rm(rgMl, rp(1), `${rp(1)}@example.org`, 'active', rAurora);
  rm(rgMl, rp(2), `${rp(2)}@example.org`, 'active', rAurora);
  rm(rgMl, 'new.engineer', 'new.engineer@example.org', 'pending', rAurora);
  rm(rgWeb, 'r.departed', 'departed@example.org', 'active', rAurora, { errorMessage: REMOVED_EXTERNALLY, inRemoteGroup: false });
  rm(rgWeb, rp(3), `${rp(3)}@example.org`, 'active', rAurora);
  rm(rgDev, 'dave', 'dave@lab.example.com', 'pending', rAurora);
  rm(rgDev, rp(4), `${rp(4)}@example.org`, 'active', rAurora);
  rm(rgBoreal, 'boris', 'boris@boreal.example.net', 'active', rBoreal);

  b.finish();
}
