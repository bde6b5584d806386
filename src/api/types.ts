import type { components } from './schema';

/** Names for the API objects the UI talks about, taken from the generated schema. */
type Schemas = components['schemas'];
export type Offering = Schemas['ProviderOfferingDetails'];
export type OfferingRole = Schemas['OfferingUserRole'];
export type ProviderResource = Schemas['Resource'];
export type OfferingGroup = Schemas['OfferingKeycloakGroup'];
export type OfferingMembership = Schemas['OfferingKeycloakMembership'];
export type RemoteGroup = Schemas['RemoteGroup'];
export type RemoteUser = Schemas['RemoteGroupMember'];
export type SyncStatus = Schemas['SyncStatusResponse'];
export type RancherMembership = Schemas['KeycloakUserGroupMembership'];
export type KeycloakGroup = Schemas['KeycloakGroup'];
export type RancherCluster = Schemas['RancherCluster'];
export type RancherProject = Schemas['RancherProject'];
export type RoleTemplate = Schemas['RoleTemplate'];
export type User = Schemas['User'];
export type PullAnswer = Schemas['PullMembersResponse'];
export type TestAnswer = Schemas['TestConnectionResponse'];
export type ImportRemoteBody = Schemas['ImportRemoteGroupRequest'];
export type RancherMembershipBody = Schemas['KeycloakUserGroupMembershipRequest'];
export type OfferingMembershipBody = Schemas['OfferingKeycloakMembershipRequest'];
