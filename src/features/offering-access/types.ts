import type { components } from '../../api/schema-8.1';

/** Names for the Waldur 8.1 objects the access pages talk about, from the generated schema. */
type Schemas = components['schemas'];
export type OfferingRole = Schemas['OfferingRole'];
export type OfferingRoleBody = Schemas['OfferingRoleRequest'];
export type AccessOffering = Schemas['ProviderOfferingDetails'];
export type AccessResource = Schemas['Resource'];
export type ResourceProject = Schemas['ResourceProject'];
export type TeamMember = Schemas['ResourceTeamMember'];
export type TeamMemberRole = Schemas['NestedResourceRolePermission'];
export type TeamMemberProject = Schemas['NestedResourceProjectPermission'];
export type ScopeUserRole = Schemas['ProviderUserRoleDetails'];
export type AccessUser = Schemas['User'];
