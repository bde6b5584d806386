import type { QueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client';
import type { components } from '../../api/schema';
import { keycloakQueries, offeringQueries } from '../../api/shared-queries';
import type { AvailableScope } from '../../api/shared-queries';

type IntegrationRequest = components['schemas']['OfferingIntegrationUpdateRequest'];

/** `update_integration` answers 200 with no body: the saved state is read back afterwards. */
export async function updateIntegration(offeringUuid: string, body: IntegrationRequest): Promise<void> {
  await unwrap(
    api.POST('/api/marketplace-provider-offerings/{uuid}/update_integration/', { params: { path: { uuid: offeringUuid } }, body }),
  );
}

/** Replaces the resource's whole list of scope options. */
export async function setKeycloakScopes(resourceUuid: string, scopes: AvailableScope[]): Promise<void> {
  await unwrap(
    api.POST('/api/marketplace-provider-resources/{uuid}/set_keycloak_scopes/', {
      params: { path: { uuid: resourceUuid } },
      body: { keycloak_available_scopes: scopes },
    }),
  );
}

/**
 * After the settings change: the offering (its options and the frame's "Keycloak enabled"), and
 * what Keycloak shows, since the URL or realm may point elsewhere now.
 */
export function invalidateAfterSettings(queryClient: QueryClient, offeringUuid: string): Promise<unknown> {
  return Promise.all([
    queryClient.invalidateQueries({ queryKey: offeringQueries.detail(offeringUuid).queryKey }),
    queryClient.invalidateQueries({ queryKey: offeringQueries.resourcesKey(offeringUuid) }),
    queryClient.invalidateQueries({ queryKey: keycloakQueries.remoteGroups(offeringUuid).queryKey }),
  ]);
}

/** After scope options change: the resources, which the Add member form and the wizard read. */
export function invalidateAfterScopes(queryClient: QueryClient, offeringUuid: string): Promise<unknown> {
  return queryClient.invalidateQueries({ queryKey: offeringQueries.resourcesKey(offeringUuid) });
}
