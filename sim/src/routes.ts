// Every Waldur endpoint the simulator serves (sections 1-5 of the behaviour spec).
import { obtainToken } from './auth.ts';
import { me, version } from './handlers/core.ts';
import {
  listOfferingRoles,
  listProviderOfferings,
  listProviderResources,
  retrieveProviderOffering,
  retrieveProviderResource,
  setKeycloakScopes,
  updateIntegration,
} from './handlers/marketplace.ts';
import {
  destroyGroup,
  importRemote,
  listGroups,
  pullMembers,
  remoteGroupMembers,
  remoteGroups,
  retrieveGroup,
  searchRemoteUsers,
  setBackendId,
  syncStatus,
  testConnection,
} from './handlers/offering-groups.ts';
import { createMembership, destroyMembership, listMemberships, retrieveMembership } from './handlers/offering-memberships.ts';
import {
  createRancherMembership,
  destroyRancherMembership,
  listClusters,
  listProjects,
  listRancherGroups,
  listRancherMemberships,
  listRoleTemplates,
  retrieveRancherGroup,
  retrieveRancherMembership,
  updateRancherMembership,
} from './handlers/rancher.ts';
import type { RouteDef } from './http/router.ts';
import { ROUTES_81 } from './routes-8-1.ts';

export const ROUTES: RouteDef[] = [
  // Waldur 8.1.3 mode only; first, so they answer where 8.0.5 has a route of the same path.
  ...ROUTES_81,
  { path: '/api-auth/password/', anonymous: true, handlers: { POST: obtainToken } },
  { path: '/api/version/', handlers: { GET: version } },
  { path: '/api/users/me/', handlers: { GET: me } },

  { path: '/api/marketplace-provider-offerings/', handlers: { GET: listProviderOfferings } },
  { path: '/api/marketplace-provider-offerings/{uuid}/', handlers: { GET: retrieveProviderOffering } },
  { path: '/api/marketplace-offering-user-roles/', removedIn808: true, handlers: { GET: listOfferingRoles } },
  { path: '/api/marketplace-provider-offerings/{uuid}/update_integration/', handlers: { POST: updateIntegration } },
  { path: '/api/marketplace-provider-resources/', handlers: { GET: listProviderResources } },
  { path: '/api/marketplace-provider-resources/{uuid}/', handlers: { GET: retrieveProviderResource } },
  {
    path: '/api/marketplace-provider-resources/{uuid}/set_keycloak_scopes/',
    removedIn808: true,
    handlers: { POST: setKeycloakScopes },
  },

  { path: '/api/rancher-clusters/', handlers: { GET: listClusters } },
  { path: '/api/rancher-projects/', handlers: { GET: listProjects } },
  { path: '/api/rancher-role-templates/', handlers: { GET: listRoleTemplates } },
  { path: '/api/keycloak-groups/', handlers: { GET: listRancherGroups } },
  { path: '/api/keycloak-groups/{uuid}/', handlers: { GET: retrieveRancherGroup } },
  {
    path: '/api/keycloak-user-group-memberships/',
    handlers: { GET: listRancherMemberships, POST: createRancherMembership },
  },
  {
    path: '/api/keycloak-user-group-memberships/{uuid}/',
    handlers: {
      GET: retrieveRancherMembership,
      PUT: updateRancherMembership,
      PATCH: updateRancherMembership,
      DELETE: destroyRancherMembership,
    },
  },

  // Offering Keycloak (Waldur 8.0.4 - 8.0.7). Static action routes come before {uuid}.
  { path: '/api/offering-keycloak-groups/', offeringKeycloak: true, handlers: { GET: listGroups } },
  { path: '/api/offering-keycloak-groups/test_connection/', offeringKeycloak: true, handlers: { POST: testConnection } },
  { path: '/api/offering-keycloak-groups/remote_groups/', offeringKeycloak: true, handlers: { GET: remoteGroups } },
  {
    path: '/api/offering-keycloak-groups/remote_group_members/',
    offeringKeycloak: true,
    handlers: { GET: remoteGroupMembers },
  },
  {
    path: '/api/offering-keycloak-groups/search_remote_users/',
    offeringKeycloak: true,
    handlers: { GET: searchRemoteUsers },
  },
  { path: '/api/offering-keycloak-groups/sync_status/', offeringKeycloak: true, handlers: { GET: syncStatus } },
  { path: '/api/offering-keycloak-groups/import_remote/', offeringKeycloak: true, handlers: { POST: importRemote } },
  {
    path: '/api/offering-keycloak-groups/{uuid}/',
    offeringKeycloak: true,
    handlers: { GET: retrieveGroup, DELETE: destroyGroup },
  },
  {
    path: '/api/offering-keycloak-groups/{uuid}/set_backend_id/',
    offeringKeycloak: true,
    handlers: { POST: setBackendId },
  },
  {
    path: '/api/offering-keycloak-groups/{uuid}/pull_members/',
    offeringKeycloak: true,
    handlers: { POST: pullMembers },
  },
  {
    path: '/api/offering-keycloak-memberships/',
    offeringKeycloak: true,
    handlers: { GET: listMemberships, POST: createMembership },
  },
  {
    path: '/api/offering-keycloak-memberships/{uuid}/',
    offeringKeycloak: true,
    handlers: { GET: retrieveMembership, DELETE: destroyMembership },
  },
];
