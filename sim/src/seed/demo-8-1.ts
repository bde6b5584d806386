// The Waldur 8.1 seeds. The 8.0 demo's accounts, organizations and Rancher stay; its
// offering-Keycloak offerings (gone in 8.0.8) are replaced by offerings whose access is granted
// through offering roles, with a simulated site agent (rancher-kc-crd) that writes Keycloak groups
// into the realm `aurora-sso` and reports per-grant sync states.
//
// The story of the demo seed (`DEMO81`): Aurora Research Computing (the `owner` account's
// organization) runs "Aurora Kubernetes" (sync status on) for two consumer organizations,
// Northwind University and Helix Biotech, and "Aurora HPC" (sync status off); "Aurora Managed
// Rancher" takes its role catalog from a service profile. On Aurora Kubernetes every sync state
// is present: most grants `synced`; a resource project and a cluster whose last change the
// operator has not applied yet (`pending`, `synced` after the next tick); two people the realm
// does not know (`missing_in_idp`: one never logged in, one with another username there); a
// resource project the operator keeps failing on (`error`); a role the agent does not map
// (`GPU quota manager`, never reported: null); and an archive cluster with restricted member
// access whose states are nine days old.
import type { Realm } from '../keycloak/realm.ts';
import type { AccessState as AccessStateT, ContentType, Grant81, Role81 } from '../model/access-8-1.ts';
import { AccessState } from '../model/access-8-1.ts';
import type { Store } from '../model/store.ts';
import type { Account, Offering, Resource } from '../model/types.ts';
import { desiredState, parentGroupName, reportEntries, storeReport, writeCrs } from '../agent.ts';
import { keycloakId, tokenKey, uuidHex } from '../util/ids.ts';
import { createPrng } from '../util/prng.ts';
import type { Micros } from '../util/time.ts';
import { SeedBuilder } from './builder.ts';
import { DEMO, buildDemo } from './demo.ts';
import { generatePeople } from './names.ts';

const uuid81 = (key: string): string => uuidHex(`v81:${key}`);

export const AGENT_REALM = { key: 'aurora-sso', name: 'aurora-sso', url: 'https://sso.aurora.example' } as const;

/** Role names the agent maps (rancher-kc-crd `role_map` / `cluster_role_map`). */
const K8S_ROLE_MAP = { project_owner: 'project-owner', project_member: 'project-member', ingress_manage: 'ingress-manage' };
const K8S_CLUSTER_ROLE_MAP = { cluster_admin: 'cluster-owner', cluster_viewer: 'read-only' };

export const DEMO81 = {
  accounts: {
    ...DEMO.accounts,
    /** CUSTOMER.OWNER of Northwind University (consumer): grants on Northwind's resources, reads their sync states. */
    consumer: { uuid: uuid81('account:consumer'), username: 'consumer', password: 'consumer', fullName: 'Nora Lindqvist' },
    /** Project admin of "Genomics Lab" (Northwind): sees the team and sync states of its resources, cannot grant. */
    pi: { uuid: uuid81('account:pi'), username: 'pi', password: 'pi', fullName: 'Priya Iyer' },
  },
  tokens: { ...DEMO.tokens, consumer: tokenKey('demo81:consumer'), pi: tokenKey('demo81:pi') },
  customers: {
    aurora: DEMO.customers.aurora,
    northwind: { uuid: uuid81('customer:northwind'), name: 'Northwind University' },
    helix: { uuid: uuid81('customer:helix'), name: 'Helix Biotech' },
  },
  projects: {
    genomics: { uuid: uuid81('project:genomics'), name: 'Genomics Lab', customer: 'northwind' },
    climate: { uuid: uuid81('project:climate'), name: 'Climate Modelling', customer: 'northwind' },
    folding: { uuid: uuid81('project:folding'), name: 'Protein Folding', customer: 'helix' },
  },
  offerings: {
    /** Site agent with rancher-kc-crd; enable_membership_sync_status on. */
    k8s: { uuid: uuid81('offering:k8s'), name: 'Aurora Kubernetes', slug: 'aurora-k8s' },
    /** Site agent writes groups, but enable_membership_sync_status is off: no sync_* keys. */
    hpc: { uuid: uuid81('offering:hpc'), name: 'Aurora HPC', slug: 'aurora-hpc' },
    /** Role catalog managed by a service profile: role create/update/delete answer 400. */
    managed: { uuid: uuid81('offering:managed'), name: 'Aurora Managed Rancher', slug: 'aurora-managed-rancher' },
  },
  profile: { uuid: uuid81('profile:standard-k8s'), name: 'Standard Kubernetes' },
  roles: {
    k8s: {
      clusterAdmin: { uuid: uuid81('role:k8s:cluster_admin'), name: 'cluster_admin', description: 'Cluster administrator' },
      clusterViewer: { uuid: uuid81('role:k8s:cluster_viewer'), name: 'cluster_viewer', description: 'Cluster viewer (read-only)' },
      /** Not in the agent's cluster_role_map: its grants are never reported (sync_state null). */
      gpuQuota: { uuid: uuid81('role:k8s:gpu_quota_manager'), name: 'gpu_quota_manager', description: 'GPU quota manager' },
      projectOwner: { uuid: uuid81('role:k8s:project_owner'), name: 'project_owner', description: 'Project owner' },
      projectMember: { uuid: uuid81('role:k8s:project_member'), name: 'project_member', description: 'Project member' },
      ingressManage: { uuid: uuid81('role:k8s:ingress_manage'), name: 'ingress_manage', description: 'Ingress manager' },
    },
    hpc: {
      pi: { uuid: uuid81('role:hpc:hpc_pi'), name: 'hpc_pi', description: 'Principal investigator' },
      user: { uuid: uuid81('role:hpc:hpc_user'), name: 'hpc_user', description: 'Cluster user' },
      allocationMember: { uuid: uuid81('role:hpc:allocation_member'), name: 'allocation_member', description: 'Allocation member' },
    },
    managed: {
      namespaceAdmin: { uuid: uuid81('role:managed:namespace_admin'), name: 'namespace_admin', description: 'Namespace administrator' },
      namespaceViewer: { uuid: uuid81('role:managed:namespace_viewer'), name: 'namespace_viewer', description: 'Namespace viewer' },
    },
  },
  resources: {
    prod: { uuid: uuid81('resource:northwind-prod'), name: 'northwind-prod', backendId: 'c-m-7x2kq9d4' },
    dev: { uuid: uuid81('resource:northwind-dev'), name: 'northwind-dev', backendId: 'c-m-dev01xk' },
    ml: { uuid: uuid81('resource:helix-ml'), name: 'helix-ml', backendId: 'c-m-hx42ml7q' },
    /** restrict_member_access: the agent skips it; its states are from nine days ago. */
    archive: { uuid: uuid81('resource:helix-archive'), name: 'helix-archive', backendId: 'c-m-hxarch01' },
    hpc: { uuid: uuid81('resource:northwind-hpc'), name: 'northwind-hpc', backendId: 'nw-hpc-01' },
    managed: { uuid: uuid81('resource:helix-rancher'), name: 'helix-rancher', backendId: 'c-m-hxmr0001' },
  },
  resourceProjects: {
    genomicsPipeline: { uuid: uuid81('rp:genomics-pipeline'), name: 'genomics-pipeline', resource: 'prod' },
    /** The operator fails on it: every grant here is `error`. */
    variantCalling: { uuid: uuid81('rp:variant-calling'), name: 'variant-calling', resource: 'prod' },
    sharedTools: { uuid: uuid81('rp:shared-tools'), name: 'shared-tools', resource: 'prod' },
    sandbox: { uuid: uuid81('rp:sandbox'), name: 'sandbox', resource: 'dev' },
    alphafold: { uuid: uuid81('rp:alphafold-runs'), name: 'alphafold-runs', resource: 'ml' },
    /** Changed since the operator's last run: `pending` until the next tick. */
    notebooks: { uuid: uuid81('rp:notebooks'), name: 'notebooks', resource: 'ml' },
    allocation: { uuid: uuid81('rp:allocation-2026a'), name: 'allocation-2026a', resource: 'hpc' },
  },
  /** Waldur users the grants go to (`username` is also the Keycloak username, except where noted). */
  people: {
    alice: 'alice.nguyen',
    bruno: 'bruno.costa',
    chen: 'chen.wei',
    dana: 'dana.kowalski',
    emeka: 'emeka.obi',
    farah: 'farah.haddad',
    gustav: 'gustav.lind',
    hana: 'hana.sato',
    ivan: 'ivan.petrov',
    julia: 'julia.romero',
    kofi: 'kofi.mensah',
    lena: 'lena.fischer',
    marco: 'marco.bianchi',
    nadia: 'nadia.rahman',
    oskar: 'oskar.berg',
    rosa: 'rosa.diaz',
    samir: 'samir.khan',
    tomas: 'tomas.novak',
    ursula: 'ursula.meyer',
    xiaoming: 'li.xiaoming',
    /** Never logged in to the realm: `missing_in_idp`. */
    yusuf: 'yusuf.demir',
    /** Known to the realm as `zclarke`: `missing_in_idp`. */
    zoe: 'zoe.clarke',
    /** No grant anywhere: someone to grant a role to. */
    wanda: 'wanda.okafor',
  },
} as const;

type PersonKey = keyof typeof DEMO81.people;
type K8sRole = keyof typeof DEMO81.roles.k8s;

const PEOPLE: Array<[PersonKey, string, string]> = [
  ['alice', 'Alice', 'Nguyen'],
  ['bruno', 'Bruno', 'Costa'],
  ['chen', 'Wei', 'Chen'],
  ['dana', 'Dana', 'Kowalski'],
  ['emeka', 'Emeka', 'Obi'],
  ['farah', 'Farah', 'Haddad'],
  ['gustav', 'Gustav', 'Lind'],
  ['hana', 'Hana', 'Sato'],
  ['ivan', 'Ivan', 'Petrov'],
  ['julia', 'Julia', 'Romero'],
  ['kofi', 'Kofi', 'Mensah'],
  ['lena', 'Lena', 'Fischer'],
  ['marco', 'Marco', 'Bianchi'],
  ['nadia', 'Nadia', 'Rahman'],
  ['oskar', 'Oskar', 'Berg'],
  ['rosa', 'Rosa', 'Díaz'],
  ['samir', 'Samir', 'Khan'],
  ['tomas', 'Tomáš', 'Novák'],
  ['ursula', 'Ursula', 'Meyer'],
  ['xiaoming', 'Xiaoming', 'Li'],
  ['yusuf', 'Yusuf', 'Demir'],
  ['zoe', 'Zoë', 'Clarke'],
  ['wanda', 'Wanda', 'Okafor'],
];

export function personUuid(key: PersonKey): string {
  return uuid81(`user:${DEMO81.people[key]}`);
}

const DAY_US = 86_400_000_000;
const MINUTE_US = 60_000_000;

/** Seeds of 8.1 mode: the 8.1 demo, or the demo plus the benchmark offering. */
export function buildAccess81(store: Store, seed: 'demo' | 'large'): AccessStateT {
  buildDemo(store);
  const access = new AccessState();
  const ctx = new Seed81(store, access);
  ctx.demo();
  if (seed === 'large') ctx.large();
  ctx.finish();
  return access;
}

class Seed81 {
  readonly b: SeedBuilder;
  readonly realm: Realm;
  readonly wall: Micros;
  private readonly pendingGrants = new Set<string>();

  constructor(
    readonly store: Store,
    readonly access: AccessState,
  ) {
    this.stripOfferingKeycloak();
    this.wall = store.clock.wallMs() * 1000;
    // Objects are made over the last ten days, a minute apart.
    this.b = new SeedBuilder(store, new Date((this.wall - 10 * DAY_US) / 1000).toISOString(), MINUTE_US + 7_000);
    this.realm = store.addRealm(AGENT_REALM.key, AGENT_REALM.name);
    store.hostRealm(AGENT_REALM.key, {
      keycloak_url: AGENT_REALM.url,
      keycloak_realm: AGENT_REALM.name,
      keycloak_username: 'site-agent',
      keycloak_password: 'site-agent-secret',
    });
  }

  /** Waldur 8.0.8 deleted the offering Keycloak tables; the 8.0 demo's offerings go with them. */
  stripOfferingKeycloak(): void {
    const s = this.store;
    for (const m of [...s.memberships.all()]) s.memberships.delete(m.uuid);
    for (const g of [...s.groups.all()]) s.groups.delete(g.uuid);
    for (const r of [...s.roles.all()]) s.roles.delete(r.uuid);
    for (const r of [...s.resources.all()]) s.resources.delete(r.uuid);
    for (const o of [...s.offerings.all()]) s.offerings.delete(o.uuid);
    for (const key of ['alpha', 'beta', 'gamma', 'zeta']) s.realms.delete(key);
    s.keycloakServers.clear();
  }

  account(uuid: string, username: string, password: string, first: string, last: string, email: string, token?: string): Account {
    return this.b.account({
      uuid,
      username,
      password,
      firstName: first,
      lastName: last,
      email,
      isStaff: false,
      isSupport: false,
      ownerOf: [],
      ...(token ? { tokenKey: token } : {}),
    });
  }

  offering(key: keyof typeof DEMO81.offerings, pluginOptions: Record<string, unknown>, description: string): Offering {
    const o = DEMO81.offerings[key];
    return this.store.offerings.insert({
      uuid: o.uuid,
      name: o.name,
      slug: o.slug,
      description,
      customerUuid: DEMO81.customers.aurora.uuid,
      type: 'Marketplace.Slurm',
      state: 'Active',
      pluginOptions,
      secretOptions: {},
      created: this.b.next(),
      realmKey: AGENT_REALM.key,
      unreachable: false,
    });
  }

  role(offeringUuid: string, r: { uuid: string; name: string; description: string }, contentType: ContentType): Role81 {
    return this.access.roles.insert({
      uuid: r.uuid,
      name: r.name,
      description: r.description,
      contentType,
      offeringUuid,
      isActive: true,
      permissions: [],
      created: this.b.next(),
    });
  }

  resource(
    r: { uuid: string; name: string; backendId: string },
    offeringUuid: string,
    project: { uuid: string; name: string; customer: string },
  ): Resource {
    const customerUuid = (DEMO81.customers as Record<string, { uuid: string }>)[project.customer]?.uuid ?? '';
    const row = this.b.resource({
      uuid: r.uuid,
      name: r.name,
      slug: r.name,
      offeringUuid,
      customerUuid,
      projectUuid: project.uuid,
      projectName: project.name,
    });
    row.backendId = r.backendId;
    return row;
  }

  rp(uuid: string, name: string, resourceUuid: string, description = ''): void {
    const t = this.b.next();
    this.access.resourceProjects.insert({
      uuid,
      resourceUuid,
      name,
      description,
      backendId: '',
      state: 'OK',
      errorMessage: '',
      createdByUsername: 'staff',
      created: t,
      modified: t,
      isRemoved: false,
    });
  }

  grant(
    userUuid: string,
    roleUuid: string,
    scopeType: ContentType,
    scopeUuid: string,
    opts: { expiresInDays?: number; pending?: boolean; revoked?: boolean; key?: string } = {},
  ): Grant81 {
    const resourceUuid = scopeType === 'resource' ? scopeUuid : (this.access.resourceProjects.get(scopeUuid)?.resourceUuid ?? '');
    const created = this.b.next();
    const g = this.access.grants.insert({
      uuid: uuidHex(`v81:grant:${opts.key ?? `${userUuid}:${roleUuid}:${scopeUuid}`}`),
      userUuid,
      roleUuid,
      scopeType,
      scopeUuid,
      resourceUuid,
      expirationTime: opts.expiresInDays === undefined ? null : this.wall + opts.expiresInDays * DAY_US,
      isActive: !opts.revoked,
      created,
      createdByUuid: DEMO.accounts.staff.uuid,
      source: '',
      revokedAt: opts.revoked ? created + 3 * DAY_US : null,
    });
    if (opts.pending) this.pendingGrants.add(g.uuid);
    return g;
  }

  demo(): void {
    const D = DEMO81;
    const s = this.store;
    this.b.customer(D.customers.northwind.uuid, D.customers.northwind.name, 'northwind-university');
    this.b.customer(D.customers.helix.uuid, D.customers.helix.name, 'helix-biotech');
    for (const p of Object.values(D.projects)) {
      const customerUuid = D.customers[p.customer].uuid;
      this.access.projects.insert({ uuid: p.uuid, name: p.name, slug: p.name.toLowerCase().replace(/\s+/g, '-'), customerUuid });
    }
    const consumer = this.account(
      D.accounts.consumer.uuid,
      'consumer',
      'consumer',
      'Nora',
      'Lindqvist',
      'nora.lindqvist@northwind.example.edu',
      D.tokens.consumer,
    );
    const pi = this.account(D.accounts.pi.uuid, 'pi', 'pi', 'Priya', 'Iyer', 'priya.iyer@northwind.example.edu', D.tokens.pi);
    consumer.ownerOf.push(D.customers.northwind.uuid);
    this.access.projectRoles.set(D.projects.genomics.uuid, new Map([[pi.uuid, 'admin']]));

    // People: Waldur users and (mostly) Keycloak users of the agent's realm.
    for (const [key, first, last] of PEOPLE) {
      const username = D.people[key];
      const domain = ['alice', 'bruno', 'dana', 'emeka', 'farah', 'gustav', 'hana', 'ivan', 'julia', 'kofi', 'lena', 'marco'].includes(key)
        ? 'northwind.example.edu'
        : 'helix.example.com';
      const email = `${username}@${domain}`;
      this.account(personUuid(key), username, uuidHex(`v81:password:${username}`), first, last, email);
      if (key === 'yusuf') continue;
      const realmName = key === 'zoe' ? 'zclarke' : username;
      this.realm.createUser(
        { username: realmName, email, firstName: first, lastName: last },
        keycloakId(`${AGENT_REALM.key}:user:${realmName}`),
      );
    }
    // The sign-in accounts exist in the realm too (people log in to Rancher through it).
    for (const a of [s.accountByUsername('staff'), s.accountByUsername('owner'), consumer, pi]) {
      if (!a) continue;
      this.realm.createUser(
        { username: a.username, email: a.email, firstName: a.firstName, lastName: a.lastName },
        keycloakId(`${AGENT_REALM.key}:user:${a.username}`),
      );
    }

    // Offerings, agents, roles.
    const k8s = this.offering(
      'k8s',
      { enable_resource_projects: true, enable_membership_sync_status: true },
      'Managed Kubernetes clusters with Rancher projects; access through Keycloak groups written by the site agent.',
    );
    const hpc = this.offering(
      'hpc',
      { enable_resource_projects: true, enable_membership_sync_status: false },
      'Slurm HPC allocations. The site agent does not report membership sync states for this offering.',
    );
    const managed = this.offering(
      'managed',
      { enable_resource_projects: true, enable_membership_sync_status: true },
      'Rancher clusters operated by Aurora; roles come from the "Standard Kubernetes" service profile.',
    );
    this.access.profiles.set(managed.uuid, { uuid: D.profile.uuid, name: D.profile.name });
    this.access.agents.set(k8s.uuid, { realmKey: AGENT_REALM.key, roleMap: K8S_ROLE_MAP, clusterRoleMap: K8S_CLUSTER_ROLE_MAP });
    this.access.agents.set(hpc.uuid, {
      realmKey: AGENT_REALM.key,
      roleMap: { allocation_member: 'member' },
      clusterRoleMap: { hpc_pi: 'pi', hpc_user: 'user' },
    });
    const R = D.roles;
    this.role(k8s.uuid, R.k8s.clusterAdmin, 'resource');
    this.role(k8s.uuid, R.k8s.clusterViewer, 'resource');
    this.role(k8s.uuid, R.k8s.gpuQuota, 'resource');
    this.role(k8s.uuid, R.k8s.projectOwner, 'resource_project');
    this.role(k8s.uuid, R.k8s.projectMember, 'resource_project');
    this.role(k8s.uuid, R.k8s.ingressManage, 'resource_project');
    this.role(hpc.uuid, R.hpc.pi, 'resource');
    this.role(hpc.uuid, R.hpc.user, 'resource');
    this.role(hpc.uuid, R.hpc.allocationMember, 'resource_project');
    this.role(managed.uuid, R.managed.namespaceAdmin, 'resource_project');
    this.role(managed.uuid, R.managed.namespaceViewer, 'resource_project');

    // Resources and resource projects.
    const P = D.projects;
    const RS = D.resources;
    this.resource(RS.prod, k8s.uuid, P.genomics);
    this.resource(RS.dev, k8s.uuid, P.climate);
    this.resource(RS.ml, k8s.uuid, P.folding);
    this.resource(RS.archive, k8s.uuid, P.folding);
    this.resource(RS.hpc, hpc.uuid, P.genomics);
    this.resource(RS.managed, managed.uuid, P.folding);
    this.access.restrictMemberAccess.add(RS.archive.uuid);
    for (const rp of Object.values(D.resourceProjects)) this.rp(rp.uuid, rp.name, RS[rp.resource].uuid);
    this.access.operatorFailures.add(D.resourceProjects.variantCalling.uuid);

    // Grants.
    const k8sRole = (role: K8sRole): string => R.k8s[role].uuid;
    const RP = D.resourceProjects;
    const onResource = (who: PersonKey, role: K8sRole, res: keyof typeof RS, opts = {}): Grant81 =>
      this.grant(personUuid(who), k8sRole(role), 'resource', RS[res].uuid, opts);
    const onResourceProject = (who: PersonKey, role: K8sRole, rp: keyof typeof RP, opts = {}): Grant81 =>
      this.grant(personUuid(who), k8sRole(role), 'resource_project', RP[rp].uuid, opts);

    onResource('alice', 'clusterAdmin', 'prod');
    onResource('bruno', 'clusterViewer', 'prod');
    onResource('chen', 'clusterViewer', 'prod', { expiresInDays: 30 });
    onResource('dana', 'gpuQuota', 'prod');
    onResource('samir', 'clusterViewer', 'prod', { revoked: true });
    onResourceProject('alice', 'projectOwner', 'genomicsPipeline');
    onResourceProject('emeka', 'projectMember', 'genomicsPipeline');
    onResourceProject('farah', 'projectMember', 'genomicsPipeline');
    onResourceProject('yusuf', 'projectMember', 'genomicsPipeline');
    onResourceProject('gustav', 'ingressManage', 'genomicsPipeline');
    onResourceProject('hana', 'projectMember', 'genomicsPipeline', { expiresInDays: 90 });
    onResourceProject('ivan', 'projectOwner', 'variantCalling');
    onResourceProject('julia', 'projectMember', 'variantCalling');
    onResourceProject('kofi', 'projectMember', 'variantCalling');
    onResourceProject('lena', 'projectMember', 'sharedTools');
    onResourceProject('zoe', 'projectMember', 'sharedTools');
    onResourceProject('marco', 'projectOwner', 'sharedTools');
    onResourceProject('alice', 'projectMember', 'sharedTools');

    onResource('nadia', 'clusterAdmin', 'dev');
    onResource('oskar', 'clusterViewer', 'dev', { pending: true });
    onResourceProject('nadia', 'projectOwner', 'sandbox');
    onResourceProject('rosa', 'projectMember', 'sandbox', { expiresInDays: 7 });
    onResourceProject('samir', 'projectMember', 'sandbox');
    onResourceProject('oskar', 'projectMember', 'sandbox');

    onResource('tomas', 'clusterAdmin', 'ml');
    onResource('ursula', 'gpuQuota', 'ml');
    onResourceProject('tomas', 'projectOwner', 'alphafold');
    onResourceProject('xiaoming', 'projectMember', 'alphafold');
    onResourceProject('chen', 'projectMember', 'alphafold');
    onResourceProject('emeka', 'ingressManage', 'alphafold');
    onResourceProject('ursula', 'projectMember', 'notebooks');
    onResourceProject('bruno', 'projectMember', 'notebooks', { pending: true });

    onResource('xiaoming', 'clusterViewer', 'archive');
    onResource('tomas', 'clusterAdmin', 'archive');

    this.grant(personUuid('dana'), R.hpc.pi.uuid, 'resource', RS.hpc.uuid);
    this.grant(personUuid('emeka'), R.hpc.user.uuid, 'resource', RS.hpc.uuid);
    this.grant(personUuid('farah'), R.hpc.user.uuid, 'resource', RS.hpc.uuid, { expiresInDays: 120 });
    this.grant(personUuid('gustav'), R.hpc.user.uuid, 'resource', RS.hpc.uuid);
    this.grant(personUuid('hana'), R.hpc.allocationMember.uuid, 'resource_project', RP.allocation.uuid);
    this.grant(personUuid('ivan'), R.hpc.allocationMember.uuid, 'resource_project', RP.allocation.uuid);
  }

  /** "Omega Kubernetes (large)": 200 resources, 400 resource projects, 2,000 grants. */
  large(): void {
    const offering = this.store.offerings.insert({
      uuid: LARGE81.offering.uuid,
      name: LARGE81.offering.name,
      slug: 'omega-k8s',
      description: 'Benchmark offering: 200 clusters, 2,000 grants.',
      customerUuid: DEMO81.customers.aurora.uuid,
      type: 'Marketplace.Slurm',
      state: 'Active',
      pluginOptions: { enable_resource_projects: true, enable_membership_sync_status: true },
      secretOptions: {},
      created: this.b.next(),
      realmKey: AGENT_REALM.key,
      unreachable: false,
    });
    this.access.agents.set(offering.uuid, { realmKey: AGENT_REALM.key, roleMap: K8S_ROLE_MAP, clusterRoleMap: K8S_CLUSTER_ROLE_MAP });
    const roles = {
      clusterAdmin: this.role(
        offering.uuid,
        { uuid: uuid81('large:role:cluster_admin'), name: 'cluster_admin', description: 'Cluster administrator' },
        'resource',
      ),
      clusterViewer: this.role(
        offering.uuid,
        { uuid: uuid81('large:role:cluster_viewer'), name: 'cluster_viewer', description: 'Cluster viewer' },
        'resource',
      ),
      gpuQuota: this.role(
        offering.uuid,
        { uuid: uuid81('large:role:gpu_quota_manager'), name: 'gpu_quota_manager', description: 'GPU quota manager' },
        'resource',
      ),
      projectOwner: this.role(
        offering.uuid,
        { uuid: uuid81('large:role:project_owner'), name: 'project_owner', description: 'Project owner' },
        'resource_project',
      ),
      projectMember: this.role(
        offering.uuid,
        { uuid: uuid81('large:role:project_member'), name: 'project_member', description: 'Project member' },
        'resource_project',
      ),
    };
    const prng = createPrng(81);
    const people = generatePeople(prng, LARGE81.users, 'o.');
    const userUuids: string[] = [];
    people.forEach((p, i) => {
      const uuid = uuid81(`large:user:${i}`);
      userUuids.push(uuid);
      this.account(uuid, p.username, uuidHex(`v81:large:password:${i}`), p.firstName, p.lastName, p.email);
      // One in twenty never logged in to the realm: their grants are missing_in_idp.
      if (i % 20 !== 7)
        this.realm.createUser(
          { username: p.username, email: p.email, firstName: p.firstName, lastName: p.lastName },
          keycloakId(`${AGENT_REALM.key}:large:${i}`),
        );
    });
    const projects = [DEMO81.projects.genomics, DEMO81.projects.climate, DEMO81.projects.folding];
    let n = 0;
    for (let r = 0; r < LARGE81.resources; r++) {
      const name = `omega-${String(r + 1).padStart(3, '0')}`;
      const res = this.resource(
        { uuid: uuid81(`large:resource:${r}`), name, backendId: `c-m-om${String(r).padStart(4, '0')}` },
        offering.uuid,
        projects[r % 3] ?? DEMO81.projects.genomics,
      );
      const rps = [0, 1].map((j) => {
        const uuid = uuid81(`large:rp:${r}:${j}`);
        this.rp(uuid, j === 0 ? `${name}-research` : `${name}-teaching`, res.uuid);
        return uuid;
      });
      if (r % 50 === 13) this.access.operatorFailures.add(rps[1] ?? '');
      // Ten grants a resource: three on the cluster, seven over its two projects.
      for (let j = 0; j < 10; j++) {
        const user = userUuids[(r * 7 + j * 13) % userUuids.length] ?? '';
        const pending = r % 25 === 3 && j >= 3 && j < 6;
        const opts = { pending, key: `large:${r}:${j}`, ...(j % 4 === 1 ? { expiresInDays: 30 + (r % 60) } : {}) };
        if (j === 0) this.grant(user, roles.clusterAdmin.uuid, 'resource', res.uuid, opts);
        else if (j === 1) this.grant(user, roles.clusterViewer.uuid, 'resource', res.uuid, opts);
        else if (j === 2) this.grant(user, (r % 10 === 0 ? roles.gpuQuota : roles.clusterViewer).uuid, 'resource', res.uuid, opts);
        else this.grant(user, (j === 3 ? roles.projectOwner : roles.projectMember).uuid, 'resource_project', rps[j % 2] ?? '', opts);
        n += 1;
      }
    }
    if (n !== LARGE81.grants) throw new Error(`large 8.1 seed: ${n} grants`);
  }

  /**
   * The agent has run before: the operator applied every grant except the pending ones, then the
   * agent wrote the current grants (the pending ones' CRs back to Pending) and reported.
   */
  finish(): void {
    const { store, access } = this;
    this.b.finish();
    const reportedAt = this.wall - 3 * MINUTE_US;
    const archivedAt = this.wall - 9 * DAY_US;
    for (const [offeringUuid, config] of access.agents) {
      const offering = store.offerings.get(offeringUuid);
      if (!offering) continue;
      for (const resource of store.resources.by('offering', offeringUuid)) {
        // The operator's earlier run, without the pending grants.
        const pending = [...access.grants.by('resource', resource.uuid)].filter((g) => this.pendingGrants.has(g.uuid));
        for (const g of pending) access.grants.update(g, { isActive: false });
        const before = desiredState(store, access, config, resource);
        const crs = writeCrs(access, resource.uuid, before.crs);
        for (const g of pending) access.grants.update(g, { isActive: true });
        for (const [key, cr] of crs) {
          if (access.operatorFailures.has(key)) {
            cr.phase = 'Error';
            continue;
          }
          const parent = this.realm.ensureGroup(parentGroupName(resource.backendId), null);
          for (const [name, members] of cr.groups) {
            const group = this.realm.ensureGroup(name, parent.id);
            const found = new Set<string>();
            for (const username of members) {
              const user = this.realm.findUser(username);
              if (!user) continue;
              this.realm.addMember(group.id, user.id);
              found.add(username);
            }
            cr.syncedMembers.set(name, found);
          }
          cr.applied = cr.spec;
          cr.phase = 'Ready';
        }
        for (const [key, cr] of crs) {
          const rp = access.resourceProjects.get(key);
          if (rp && cr.phase === 'Error') Object.assign(rp, { state: 'Erred', errorMessage: 'Reconciliation failed on the provider side' });
        }
        // The agent's latest cycle.
        const now = access.restrictMemberAccess.has(resource.uuid) ? archivedAt : reportedAt;
        const after = desiredState(store, access, config, resource);
        const written = writeCrs(access, resource.uuid, after.crs);
        if (offering.pluginOptions.enable_membership_sync_status === true)
          storeReport(access, resource.uuid, reportEntries(after.grants, written), now);
        access.lastSync.set(resource.uuid, now);
      }
    }
  }
}

export const LARGE81 = {
  offering: { uuid: uuid81('large:offering'), name: 'Omega Kubernetes (large)' },
  resources: 200,
  grants: 2000,
  users: 600,
} as const;
