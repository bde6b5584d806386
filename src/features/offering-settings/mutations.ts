import type { QueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client';
import type { components } from '../../api/schema';
import { invalidateOffering } from '../../api/offering-keys';
import type { AvailableScope } from '../../lib/resource-scopes';

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

/** After the settings change: see `invalidateOffering`'s table. */
export function invalidateAfterSettings(queryClient: QueryClient, offeringUuid: string): Promise<unknown> {
  return invalidateOffering(queryClient, offeringUuid, 'settings');
}

/** After scope options change: see `invalidateOffering`'s table. */
export function invalidateAfterScopes(queryClient: QueryClient, offeringUuid: string): Promise<unknown> {
  return invalidateOffering(queryClient, offeringUuid, 'scopes');
}
