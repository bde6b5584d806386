import { t } from '@lingui/core/macro';
import { z } from 'zod/mini';

/**
 * The "who" of a membership form: username and email, as Waldur limits them. The email check
 * only catches obvious slips (no "@"): Waldur's own validator is the authority (it accepts
 * addresses such as user@localhost) and its answer lands under the field.
 */
const LOOKS_LIKE_EMAIL = /^[^\s@]+@[^\s@]+$/;

/**
 * What Keycloak's user profile refuses in a username (its `username-prohibited-characters`
 * validator: HTML and shell characters, white space, control characters), and direction and
 * other invisible format characters, which no one can type to find the user again. Waldur
 * accepts such a username, and the membership then stays pending for ever: the user can never
 * be created in Keycloak under that name.
 */
const PROHIBITED = /[<>&"'\s$%!#?§,;:*~/\\|^=[\]{}()`\p{Cc}\p{Cf}]/gu;

/** The characters of a username that Keycloak refuses, each once, in the order they appear. */
export function prohibitedInUsername(username: string): string[] {
  return [...new Set(username.trim().match(PROHIBITED) ?? [])];
}

function describeCharacter(character: string): string {
  if (/\s/.test(character)) return t`spaces`;
  if (/[\p{Cc}\p{Cf}]/u.test(character)) {
    const code = character.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0');
    return t`the invisible character U+${code}`;
  }
  return `“${character}”`;
}

export function usernameProblem(username: string): string | null {
  const found = prohibitedInUsername(username);
  if (found.length === 0) return null;
  const named = found.slice(0, 4).map(describeCharacter).join(', ');
  return found.length > 4
    ? t`Keycloak does not accept ${named} and more in a username (letters, digits and . - _ @ are fine).`
    : t`Keycloak does not accept ${named} in a username (letters, digits and . - _ @ are fine).`;
}

export const personFields = {
  username: z.string().check(
    z.refine((value) => value.trim().length > 0, { error: () => t`Enter a username.` }),
    z.refine((value) => value.trim().length <= 255, { error: () => t`At most 255 characters.` }),
    z.refine((value) => usernameProblem(value) === null, { error: (issue) => usernameProblem(String(issue.input)) ?? '' }),
  ),
  email: z.string().check(
    z.refine((value) => value.trim().length > 0, { error: () => t`Enter an email address.` }),
    z.refine((value) => !value.trim() || LOOKS_LIKE_EMAIL.test(value.trim()), { error: () => t`Enter a valid email address.` }),
    z.refine((value) => value.trim().length <= 254, { error: () => t`At most 254 characters.` }),
  ),
};

/** Who a selected row is, kept across pages for its confirmation and result. */
export type RowPerson = { uuid: string; username: string; fullName: string; email: string };

/** "Alice Berg"; "" when Waldur has neither name. */
export function personName(person: { first_name: string; last_name: string }): string {
  return [person.first_name, person.last_name].filter(Boolean).join(' ');
}
