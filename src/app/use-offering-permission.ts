import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { offeringQueries } from '../api/offering-queries';
import { connectionQueries } from '../features/connection/queries';
import { offeringPermission, type OfferingPermission } from '../lib/offering-permission';

/**
 * Whether the signed-in user may manage the offering (see lib/offering-permission), for the
 * offering routes: one place reads the offering and the user, and the answer keeps its identity
 * while it does not change (the group actions and forms memoise on it).
 */
export function useOfferingPermission(offeringUuid: string): OfferingPermission {
  const offering = useQuery(offeringQueries.detail(offeringUuid));
  const me = useQuery(connectionQueries.me());
  const { canManage, reason } = offeringPermission(offering.data, me.data);
  return useMemo(() => ({ canManage, reason }), [canManage, reason]);
}
