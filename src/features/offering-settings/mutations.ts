import { mutationOptions } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client';
import type { components } from '../../api/schema';
import type { AvailableScope } from '../../lib/resource-scopes';
import type { ProviderResource } from '../../api/types';
import { integrationRequest, restoreRequest, type Saved, type SettingsValues } from './settings-schema';

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

/** The settings feature's writes, by key. */
export const settingsMutationKeys = {
  /** Save and restore: one form, one write of the integration at a time. */
  integration: (offeringUuid: string) => ['offering-integration', offeringUuid] as const,
  scopes: (offeringUuid: string) => ['scope-options', offeringUuid] as const,
};

/**
 * A save: what the form holds and the settings it was loaded with (kept in the variables, since
 * the saved settings on screen are those read back once the save has landed).
 */
export type SettingsSave = { saved: Saved; values: SettingsValues };

export const settingsMutations = {
  /** Saves the form (the fields it changed, see `integrationRequest`). */
  save: (offeringUuid: string) =>
    mutationOptions({
      mutationKey: settingsMutationKeys.integration(offeringUuid),
      mutationFn: ({ saved, values }: SettingsSave) => updateIntegration(offeringUuid, integrationRequest(saved, values)),
      meta: { invalidates: [{ offering: offeringUuid, change: 'settings' }] },
    }),

  /** Puts back the settings from before the last save (`current`: what is saved now). */
  restore: (offeringUuid: string) =>
    mutationOptions({
      mutationKey: settingsMutationKeys.integration(offeringUuid),
      mutationFn: ({ previous, current }: { previous: Saved; current: Saved }) =>
        updateIntegration(offeringUuid, restoreRequest(previous, current)),
      meta: { invalidates: [{ offering: offeringUuid, change: 'settings' }] },
    }),

  /** Replaces one resource's list of scope options (the Add member form and the wizard read it). */
  scopes: (offeringUuid: string) =>
    mutationOptions({
      mutationKey: settingsMutationKeys.scopes(offeringUuid),
      mutationFn: ({ resource, scopes }: { resource: ProviderResource; scopes: AvailableScope[] }) =>
        setKeycloakScopes(resource.uuid ?? '', scopes),
      meta: { invalidates: [{ offering: offeringUuid, change: 'scopes' }] },
    }),
};
