import { t } from '@lingui/core/macro';
import { z } from 'zod/mini';
import { personFields } from '../../lib/person-fields';

/** The member form: who (username and email, checked as in src/lib/person-fields.ts), role, resource, scope. */
export const memberSchema = z.object({
  ...personFields,
  // Messages as functions: translated when the issue is raised, in the language active then.
  role: z.string().check(z.minLength(1, { error: () => t`Choose a role.` })),
  resource: z.string(),
  scope_id: z.string().check(z.refine((value) => value.trim().length <= 255, { error: () => t`At most 255 characters.` })),
});

export type MemberValues = z.infer<typeof memberSchema>;

export const MEMBER_FIELDS = ['username', 'email', 'role', 'resource', 'scope_id'] as const;

export const emptyMember: MemberValues = { username: '', email: '', role: '', resource: '', scope_id: '' };
