import { describe, expect, it } from 'vitest';
import { tokenSchema } from './sign-in-form';

describe('the token sign-in', () => {
  it('takes a token pasted with its "Token " prefix, as from an Authorization header', () => {
    expect(tokenSchema.parse({ token: '  Token abc123  ', remember: false }).token).toBe('abc123');
    expect(tokenSchema.parse({ token: 'abc123', remember: false }).token).toBe('abc123');
    expect(tokenSchema.safeParse({ token: 'Token abc-123', remember: false }).success).toBe(false);
  });
});
