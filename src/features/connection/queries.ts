import { t } from '@lingui/core/macro';
import { queryOptions } from '@tanstack/react-query';
import { api, probeStatus, unwrap } from '../../api/client';
import { errorMessage } from '../../api/errors';
import { accessModel, offeringKeycloakStatus, rancherKeycloakStatus, type Capabilities, type Probe } from './capabilities';

async function statusOf(run: () => Promise<number>): Promise<Probe> {
  try {
    return { status: await run() };
  } catch (error) {
    return { failure: errorMessage(error) };
  }
}

const probe = (run: () => Promise<{ response: Response }>): Promise<Probe> => statusOf(async () => (await run()).response.status);

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
        // All at once: the answers are read in the order of waldur-access-8.1.md section 1.
        const [versionAnswer, groups, rancher, offeringRoles, syncUserRoles] = await Promise.all([
          api.GET('/api/version/', { signal }).catch(() => null),
          probe(() => api.HEAD('/api/offering-keycloak-groups/', { signal, params: { query: { page_size: 1 } } })),
          probe(() => api.HEAD('/api/keycloak-user-group-memberships/', { signal, params: { query: { page_size: 1 } } })),
          statusOf(() => probeStatus('GET', '/api/marketplace-offering-roles/?page_size=1', signal)),
          // OPTIONS, not POST: a POST asks the agent for a sync. Any 32-hex id finds the route.
          statusOf(() => probeStatus('OPTIONS', `/api/marketplace-provider-resources/${'0'.repeat(32)}/sync_user_roles/`, signal)),
        ]);
        const version = versionAnswer?.response.ok ? (versionAnswer.data?.version ?? null) : null;
        const versionProbe: Probe = versionAnswer ? { status: versionAnswer.response.status } : { failure: t`no answer` };
        return {
          version,
          offeringKeycloak: offeringKeycloakStatus(version, groups),
          rancherKeycloak: rancherKeycloakStatus(version, rancher),
          access: accessModel(version, { version: versionProbe, offeringRoles, offeringGroups: groups, syncUserRoles }),
        };
      },
    }),
};
