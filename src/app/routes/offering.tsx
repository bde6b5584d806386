import { Button } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link, useParams, type LoaderFunctionArgs } from 'react-router';
import { offeringQueries } from '../../api/shared-queries';
import { connectionQueries } from '../../features/connection/queries';
import { OfferingFrame } from '../../features/offerings/offering-frame';
import { queryClient } from '../query-client';

export async function loader({ params }: LoaderFunctionArgs) {
    // A 404 here (unknown or invisible offering) lands in the route's not-found page.
    await queryClient.ensureQueryData(offeringQueries.detail(params.offeringUuid ?? ''));
  return null;
}

export function Component() {
  const { offeringUuid = '' } = useParams();
  const capabilities = useQuery(connectionQueries.capabilities());
  const status = capabilities.data?.offeringKeycloak;
  return (
    <OfferingFrame
      key={offeringUuid}
      offeringUuid={offeringUuid}
      unavailableReason={status?.state === 'missing' ? status.reason : null}
      actions={
        <Button component={Link} to={`/offerings/${offeringUuid}/import`} variant="light">
          Import remote groups
        </Button>
      }
    />
  );
}
