import { z } from 'zod/mini';

/**
 * The "who" of a membership form: username and email, as Waldur limits them. The email check
 * only catches obvious slips (no "@"): Waldur's own validator is the authority (it accepts
 * addresses such as user@localhost) and its answer lands under the field.
 */
const LOOKS_LIKE_EMAIL = /^[^\s@]+@[^\s@]+$/;

export const personFields = {
  username: z.string().check(
    z.refine((value) => value.trim().length > 0, 'Enter a username.'),
    z.refine((value) => value.trim().length <= 255, 'At most 255 characters.'),
  ),
  email: z.string().check(
    z.refine((value) => value.trim().length > 0, 'Enter an email address.'),
    z.refine((value) => !value.trim() || LOOKS_LIKE_EMAIL.test(value.trim()), 'Enter a valid email address.'),
    z.refine((value) => value.trim().length <= 254, 'At most 254 characters.'),
  ),
};

/** Who a selected row is, kept across pages for its confirmation and result. */
export type RowPerson = { uuid: string; username: string; fullName: string; email: string };

/** "Alice Berg"; "" when Waldur has neither name. */
export function personName(person: { first_name: string; last_name: string }): string {
  return [person.first_name, person.last_name].filter(Boolean).join(' ');
}
