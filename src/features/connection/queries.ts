import { queryOptions } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client';
import { errorMessage } from '../../api/errors';
import { offeringKeycloakStatus, rancherKeycloakStatus, type Capabilities, type Probe } from './capabilities';

async function probe(run: () => Promise<{ response: Response }>): Promise<Probe> {
  try {
    const { response } = await run();
    return { status: response.status };
  } catch (error) {
    return { failure: errorMessage(error) };
  }
}

export const connectionQueries = {
  me: () =>
    queryOptions({
      queryKey: ['users', 'me'],
      queryFn: ({ signal }) => unwrap(api.GET('/api/users/me/', { signal })),
      staleTime: 5 * 60_000,
    }),

  capabilities: () =>
    queryOptions({
      queryKey: ['server', 'capabilities'],
      staleTime: 10 * 60_000,
      queryFn: async ({ signal }): Promise<Capabilities> => {
        const [versionAnswer, groups, rancher] = await Promise.all([
          api.GET('/api/version/', { signal }).catch(() => null),
          probe(() => api.HEAD('/api/offering-keycloak-groups/', { signal, params: { query: { page_size: 1 } } })),
          probe(() => api.HEAD('/api/keycloak-user-group-memberships/', { signal, params: { query: { page_size: 1 } } })),
        ]);
        const version = versionAnswer?.response.ok ? (versionAnswer.data?.version ?? null) : null;
        return {
          version,
          offeringKeycloak: offeringKeycloakStatus(version, groups),
          rancherKeycloak: rancherKeycloakStatus(version, rancher),
        };
      },
    }),
};
