import { z } from 'zod';
import { personFields } from '../../lib/person-fields';

/** The member form: who (username and email, checked as in src/lib/person-fields.ts), role, resource, scope. */
export const memberSchema = z.object({
  ...personFields,
  role: z.string().min(1, 'Choose a role.'),
  resource: z.string(),
  scope_id: z.string().refine((value) => value.trim().length <= 255, 'At most 255 characters.'),
});

export type MemberValues = z.infer<typeof memberSchema>;

export const MEMBER_FIELDS = ['username', 'email', 'role', 'resource', 'scope_id'] as const;

export const emptyMember: MemberValues = { username: '', email: '', role: '', resource: '', scope_id: '' };
