// waldur_rancher: clusters, projects, role templates, Keycloak groups and memberships, field for
// field as Waldur 8.0.5's serializers write them.
import type { Ctx } from '../handlers/context.ts';
import type { Store } from '../model/store.ts';
import type { RancherCluster, RancherGroup, RancherMembership, RancherProject, RoleTemplate } from '../model/types.ts';
import { formatMicros } from '../util/time.ts';
import { urls, type Json } from './urls.ts';

export function serializeCluster(ctx: Ctx, c: RancherCluster): Json {
  const store = ctx.store;
  const settings = store.serviceSettings.get(c.settingsUuid);
  const customer = store.customers.get(c.customerUuid);
  return {
    url: urls.cluster(ctx, c.uuid),
    uuid: c.uuid,
    name: c.name,
    description: c.description,
    service_name: settings?.name ?? '',
    service_settings: urls.settings(ctx, c.settingsUuid),
    service_settings_uuid: c.settingsUuid,
    service_settings_state: 'OK',
    service_settings_error_message: '',
    project: urls.project(ctx, c.projectUuid),
    project_name: c.projectName,
    project_uuid: c.projectUuid,
    customer: urls.customer(ctx, c.customerUuid),
    customer_uuid: c.customerUuid,
    customer_name: customer?.name ?? '',
    customer_native_name: '',
    customer_abbreviation: '',
    error_message: '',
    error_traceback: '',
    resource_type: 'Rancher.Cluster',
    state: 'OK',
    created: formatMicros(c.created),
    modified: formatMicros(c.modified),
    backend_id: c.backendId,
    access_url: null,
    nodes: [],
    public_ips: [],
    kubernetes_version: 'v1.30.4',
    runtime_state: 'active',
    marketplace_offering_uuid: null,
    marketplace_offering_name: null,
    marketplace_resource_uuid: null,
  };
}

/** Waldur 8.0.5's Rancher ProjectSerializer: the cluster only as a URL, no `backend_id`. */
export function serializeProject(ctx: Ctx, p: RancherProject): Json {
  return {
    url: urls.rancherProject(ctx, p.uuid),
    uuid: p.uuid,
    name: p.name,
    description: p.description,
    created: formatMicros(p.created),
    modified: formatMicros(p.modified),
    runtime_state: 'active',
    cluster: urls.cluster(ctx, p.clusterUuid),
    namespaces: [],
  };
}

export function serializeRoleTemplate(ctx: Ctx, t: RoleTemplate): Json {
  return {
    url: urls.roleTemplate(ctx, t.uuid),
    uuid: t.uuid,
    name: t.name,
    scope_type: t.scopeType,
    display_name: t.displayName,
    settings: urls.settings(ctx, t.settingsUuid),
  };
}

/** Name of a Rancher group's cluster or project, null when it no longer exists. */
export function rancherScopeName(store: Store, g: RancherGroup): string | null {
  const role = store.roleTemplates.get(g.roleUuid);
  if (role?.scopeType === 'cluster') return store.clusters.get(g.scopeUuid)?.name ?? null;
  if (role?.scopeType === 'project') return store.projects.get(g.scopeUuid)?.name ?? null;
  return null;
}

export function serializeRancherGroup(ctx: Ctx, g: RancherGroup): Json {
  const role = ctx.store.roleTemplates.get(g.roleUuid);
  return {
    uuid: g.uuid,
    url: urls.rancherGroup(ctx, g.uuid),
    name: g.name,
    backend_id: g.backendId,
    scope_type: role?.scopeType ?? '',
    scope_uuid: g.scopeUuid,
    scope_name: rancherScopeName(ctx.store, g),
    role: urls.roleTemplate(ctx, g.roleUuid),
    created: formatMicros(g.created),
    modified: formatMicros(g.modified),
  };
}

export function serializeRancherMembership(ctx: Ctx, m: RancherMembership): Json {
  const store = ctx.store;
  const group = store.rancherGroups.get(m.groupUuid);
  const role = group ? store.roleTemplates.get(group.roleUuid) : undefined;
  return {
    uuid: m.uuid,
    url: urls.rancherMembership(ctx, m.uuid),
    username: m.username,
    email: m.email,
    first_name: m.firstName,
    last_name: m.lastName,
    group: urls.rancherGroup(ctx, m.groupUuid),
    group_name: group?.name ?? '',
    group_role: role?.name ?? '',
    group_scope_type: role?.scopeType ?? '',
    group_scope_name: group ? rancherScopeName(store, group) : null,
    state: m.state,
    created: formatMicros(m.created),
    modified: formatMicros(m.modified),
    last_checked: formatMicros(m.lastChecked),
    error_message: m.errorMessage,
    error_traceback: m.errorTraceback,
  };
}
