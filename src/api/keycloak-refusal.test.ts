import { describe, expect, it } from 'vitest';
import { networkError, normaliseHttpError, timeoutError } from './errors';
import { isRefusedByKeycloak } from './keycloak-refusal';

describe('isRefusedByKeycloak', () => {
  it('is Waldur’s 400 only: not another status, a network failure, a timeout or a plain error', () => {
    expect(isRefusedByKeycloak(normaliseHttpError(400, ['Unable to list remote group members.']))).toBe(true);
    for (const status of [401, 403, 404, 500, 502]) expect(isRefusedByKeycloak(normaliseHttpError(status, null))).toBe(false);
    expect(isRefusedByKeycloak(networkError())).toBe(false);
    expect(isRefusedByKeycloak(timeoutError(30))).toBe(false);
    expect(isRefusedByKeycloak(new Error('400'))).toBe(false);
  });
});
