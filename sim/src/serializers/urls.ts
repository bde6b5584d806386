// Hyperlinks (DRF's HyperlinkedRelatedField): absolute URLs built from the request's origin.
import type { Ctx } from '../handlers/context.ts';
import type { JsonValue } from '../http/errors.ts';

/** A serialized object. */
export type Json = { [key: string]: JsonValue };

export const urls = {
  offering: (ctx: Ctx, uuid: string) => ctx.abs(`/api/marketplace-provider-offerings/${uuid}/`),
  role: (ctx: Ctx, uuid: string) => ctx.abs(`/api/marketplace-offering-user-roles/${uuid}/`),
  resource: (ctx: Ctx, uuid: string) => ctx.abs(`/api/marketplace-resources/${uuid}/`),
  customer: (ctx: Ctx, uuid: string) => ctx.abs(`/api/customers/${uuid}/`),
  project: (ctx: Ctx, uuid: string) => ctx.abs(`/api/projects/${uuid}/`),
  user: (ctx: Ctx, uuid: string) => ctx.abs(`/api/users/${uuid}/`),
  group: (ctx: Ctx, uuid: string) => ctx.abs(`/api/offering-keycloak-groups/${uuid}/`),
  membership: (ctx: Ctx, uuid: string) => ctx.abs(`/api/offering-keycloak-memberships/${uuid}/`),
  settings: (ctx: Ctx, uuid: string) => ctx.abs(`/api/service-settings/${uuid}/`),
  cluster: (ctx: Ctx, uuid: string) => ctx.abs(`/api/rancher-clusters/${uuid}/`),
  rancherProject: (ctx: Ctx, uuid: string) => ctx.abs(`/api/rancher-projects/${uuid}/`),
  roleTemplate: (ctx: Ctx, uuid: string) => ctx.abs(`/api/rancher-role-templates/${uuid}/`),
  rancherGroup: (ctx: Ctx, uuid: string) => ctx.abs(`/api/keycloak-groups/${uuid}/`),
  rancherMembership: (ctx: Ctx, uuid: string) => ctx.abs(`/api/keycloak-user-group-memberships/${uuid}/`),
};
