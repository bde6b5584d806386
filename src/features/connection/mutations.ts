import { t } from '@lingui/core/macro';
import { mutationOptions } from '@tanstack/react-query';
import { api, baseUrl, unwrap } from '../../api/client';
import type { TestAnswer } from '../../api/types';

/** The connection feature's writes, by key. */
export const connectionMutationKeys = {
  signIn: () => ['sign-in'] as const,
  checkToken: () => ['sign-in', 'token'] as const,
  test: (offeringUuid: string) => ['test-connection', offeringUuid] as const,
};

/** A test that Waldur answered 200 without "ok": a failure all the same. */
export class RefusedTest extends Error {}

/** Checks a pasted token before keeping it: a token that /api/users/me/ refuses is not kept. */
async function verifyToken(token: string): Promise<void> {
  const response = await fetch(new URL('/api/users/me/', baseUrl()), {
    headers: { Authorization: `Token ${token}`, Accept: 'application/json' },
  }).catch(() => null);
  if (!response) throw new Error(t`Could not reach the server. Check your network connection and try again.`);
  if (response.status === 401) throw new Error(t`This token was not accepted: it is wrong, revoked or expired.`);
  if (!response.ok) {
    const status = response.status;
    throw new Error(t`The server could not check the token (HTTP ${status}). Try again.`);
  }
}

export const connectionMutations = {
  signIn: <T extends { username: string; password: string }>() =>
    mutationOptions({
      mutationKey: connectionMutationKeys.signIn(),
      mutationFn: (values: T) =>
        unwrap(api.POST('/api-auth/password/', { body: { username: values.username, password: values.password } })),
    }),

  /** Answers with what it was given once the server has accepted the token. */
  checkToken: <T extends { token: string }>() =>
    mutationOptions({
      mutationKey: connectionMutationKeys.checkToken(),
      mutationFn: async (values: T) => {
        await verifyToken(values.token);
        return values;
      },
    }),

  /** The offering's connection test; the variables are the offering's uuid. */
  test: (offeringUuid: string) =>
    mutationOptions({
      mutationKey: connectionMutationKeys.test(offeringUuid),
      mutationFn: async (uuid: string): Promise<TestAnswer> => {
        const answer = await unwrap(api.POST('/api/offering-keycloak-groups/test_connection/', { body: { offering_uuid: uuid } }));
        if (answer.status !== 'ok') throw new RefusedTest((answer as { error?: string }).error || t`Unable to connect to Keycloak.`);
        return answer;
      },
    }),
};
