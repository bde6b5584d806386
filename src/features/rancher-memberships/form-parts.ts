import { t } from '@lingui/core/macro';
import type { RancherMembership } from '../../api/types';

/** The membership an edit or move starts from, with what its group says of scope and role. */
export type Editing = { membership: RancherMembership; groupUuid: string; roleUrl: string; groupName: string; roleName: string };

export function outcomeSentence(membership: RancherMembership): string {
  return membership.state === 'active'
    ? t`The user exists in Keycloak and was added to the Keycloak group.`
    : t`Pending: the user does not exist in Keycloak yet. Waldur activates the membership when it finds them.`;
}
