import { t } from '@lingui/core/macro';
import { z } from 'zod/mini';

/** A local date and time from a datetime-local input as ISO, or null when empty. */
export function expirationIso(value: string): string | null {
  if (!value) return null;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? null : date.toISOString();
}

/** An ISO time as a datetime-local input's value (local time, minutes). */
export function expirationInput(iso: string | null): string {
  if (!iso) return '';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return '';
  const local = new Date(date.getTime() - date.getTimezoneOffset() * 60_000);
  return local.toISOString().slice(0, 16);
}

const expiration = z.string().check(
  z.refine(
    (value) => {
      if (!value) return true;
      const iso = expirationIso(value);
      return iso !== null && new Date(iso).getTime() > Date.now();
    },
    { error: () => t`Choose a time in the future, or leave it empty for a grant that does not expire.` },
  ),
);

/** Grant a role: who, which role, where (a resource, or one of its projects) and until when. */
export const grantSchema = z.object({
  user: z.string().check(z.minLength(1, { error: () => t`Choose a user.` })),
  resource: z.string().check(z.minLength(1, { error: () => t`Choose a resource.` })),
  project: z.string(),
  role: z.string().check(z.minLength(1, { error: () => t`Choose a role.` })),
  expiration,
});
export type GrantValues = z.infer<typeof grantSchema>;

export const GRANT_FIELDS = ['user', 'role', 'expiration', 'resource', 'project'] as const;
/** Waldur's field names -> the form's. */
export const GRANT_ALIASES = { expiration_time: 'expiration' };

export const expirationSchema = z.object({ expiration });
export type ExpirationValues = z.infer<typeof expirationSchema>;

export const changeRoleSchema = z.object({ role: z.string().check(z.minLength(1, { error: () => t`Choose the new role.` })) });
export type ChangeRoleValues = z.infer<typeof changeRoleSchema>;
