import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { personFields } from './person-fields';

const schema = z.object(personFields);

function messages(value: { username: string; email: string }) {
  const result = schema.safeParse(value);
  return result.success ? {} : z.flattenError(result.error).fieldErrors;
}

describe('personFields', () => {
  it('asks for both, trimmed', () => {
    expect(messages({ username: '  ', email: ' ' })).toEqual({ username: ['Enter a username.'], email: ['Enter an email address.'] });
  });

  it('catches only obvious email slips; Waldur has the last word', () => {
    expect(messages({ username: 'alice', email: 'alice.example.org' })).toEqual({ email: ['Enter a valid email address.'] });
    expect(messages({ username: 'alice', email: 'alice@localhost' })).toEqual({});
  });

  it('keeps to the server limits', () => {
    expect(messages({ username: 'x'.repeat(256), email: `${'x'.repeat(250)}@a.bc` })).toEqual({
      username: ['At most 255 characters.'],
      email: ['At most 254 characters.'],
    });
    expect(messages({ username: 'x'.repeat(255), email: `${'x'.repeat(249)}@a.bc` })).toEqual({});
  });

  it('says next to the field which characters Keycloak refuses in a username, rather than leaving the membership pending for ever', () => {
    expect(messages({ username: '<b>x</b>', email: 'a@b.c' }).username).toEqual([
      'Keycloak does not accept “<”, “>”, “/” in a username (letters, digits and . - _ @ are fine).',
    ]);
    expect(messages({ username: 'ann smith', email: 'a@b.c' }).username).toEqual([
      'Keycloak does not accept spaces in a username (letters, digits and . - _ @ are fine).',
    ]);
    expect(messages({ username: '\u202Egnp.exe', email: 'a@b.c' }).username?.[0]).toContain('the invisible character U+202E');
    // What Keycloak accepts: letters of any script, digits, . - _ @
    expect(messages({ username: 'jürgen.müller-2_x@lab', email: 'a@b.c' })).toEqual({});
  });
});
