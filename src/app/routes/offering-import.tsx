import { useParams, type LoaderFunctionArgs } from 'react-router';
import { groupQueries, remoteGroupQueries } from '../../api/group-queries';
import { offeringQueries } from '../../api/offering-queries';
import { whenKeycloakEnabled } from '../route-loaders';
import { ImportWizard } from '../../features/import-wizard/import-wizard';
import { useOfferingPermission } from '../use-offering-permission';
import { queryClient } from '../query-client';

export function loader({ params }: LoaderFunctionArgs) {
  const offeringUuid = params.offeringUuid ?? '';
  // Start what the first two steps need without blocking navigation.
  whenKeycloakEnabled(queryClient, offeringUuid, () => {
    void queryClient.prefetchQuery(remoteGroupQueries.all(offeringUuid));
    void queryClient.prefetchQuery(groupQueries.everyGroup(offeringUuid));
  });
  void queryClient.prefetchQuery(offeringQueries.everyRole(offeringUuid));
  void queryClient.prefetchQuery(offeringQueries.firstPageResources(offeringUuid));
  return null;
}

/** The import wizard for remote Keycloak groups (from the offering page or a sync status line). */
export function Component() {
  const { offeringUuid = '' } = useParams();
  const permission = useOfferingPermission(offeringUuid);
  return <ImportWizard key={offeringUuid} offeringUuid={offeringUuid} permission={permission} />;
}
