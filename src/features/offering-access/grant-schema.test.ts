import { describe, expect, it } from 'vitest';
import { expirationInput, expirationIso, grantSchema } from './grant-schema';

describe('grant form schema', () => {
  it('needs a user, a resource and a role, and an expiration in the future when one is given', () => {
    const empty = grantSchema.safeParse({ user: '', resource: '', project: '', role: '', expiration: '' });
    expect(empty.success).toBe(false);
    expect(empty.error?.issues.map((issue) => issue.path[0])).toEqual(['user', 'resource', 'role']);
    const past = grantSchema.safeParse({ user: 'u', resource: 'r', project: '', role: 'x', expiration: '2001-01-01T10:00' });
    expect(past.error?.issues[0]?.message).toContain('in the future');
    expect(grantSchema.safeParse({ user: 'u', resource: 'r', project: '', role: 'x', expiration: '' }).success).toBe(true);
  });

  it('turns the local date and time into ISO and back, and empty into null (permanent)', () => {
    expect(expirationIso('')).toBeNull();
    const iso = expirationIso('2030-05-01T12:30');
    expect(iso).toBe(new Date('2030-05-01T12:30').toISOString());
    expect(expirationInput(iso)).toBe('2030-05-01T12:30');
    expect(expirationInput(null)).toBe('');
  });
});
