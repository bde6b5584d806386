import { z } from 'zod';

/**
 * The member form. The email check here only catches obvious slips (no "@"): Waldur's own
 * validator is the authority (it accepts addresses such as user@localhost) and its answer lands
 * under the field.
 */
const LOOKS_LIKE_EMAIL = /^[^\s@]+@[^\s@]+$/;

export const memberSchema = z.object({
  username: z
    .string()
    .refine((value) => value.trim().length > 0, 'Enter a username.')
    .refine((value) => value.trim().length <= 255, 'At most 255 characters.'),
  email: z
    .string()
    .refine((value) => value.trim().length > 0, 'Enter an email address.')
    .refine((value) => !value.trim() || LOOKS_LIKE_EMAIL.test(value.trim()), 'Enter a valid email address.')
    .refine((value) => value.trim().length <= 254, 'At most 254 characters.'),
  role: z.string().min(1, 'Choose a role.'),
  resource: z.string(),
  scope_id: z.string().refine((value) => value.trim().length <= 255, 'At most 255 characters.'),
});

export type MemberValues = z.infer<typeof memberSchema>;

export const MEMBER_FIELDS = ['username', 'email', 'role', 'resource', 'scope_id'] as const;

export const emptyMember: MemberValues = { username: '', email: '', role: '', resource: '', scope_id: '' };
