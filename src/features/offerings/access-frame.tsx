import { msg } from '@lingui/core/macro';
import { Trans, useLingui } from '@lingui/react/macro';
import { Alert, Anchor, Badge, Stack, Text } from '@mantine/core';
import { useSuspenseQuery } from '@tanstack/react-query';
import { Link, Outlet, useLocation } from 'react-router';
import { OfferingTabs } from './offering-tabs';
import { reportsSyncStatus } from '../../api/membership-sync';
import { offeringQueries } from '../../api/offering-queries';
import { OfferingHeading } from './offering-heading';

/** The offering page's tabs on Waldur 8.0.8+, where access is a role on a resource or resource project. */
export const ACCESS_TABS = [
  { value: 'access', label: msg`Access` },
  { value: 'roles', label: msg`Roles` },
  { value: 'resource-sync', label: msg`Sync` },
  { value: 'access-check', label: msg`Members check` },
] as const;

export type AccessTabValue = (typeof ACCESS_TABS)[number]['value'];

export function isAccessTab(segment: string | undefined): segment is AccessTabValue {
  return ACCESS_TABS.some((tab) => tab.value === segment);
}

type Props = {
  offeringUuid: string;
  /** Why this server has no offering roles (an 8.0.7 or older Waldur), or null. */
  unavailableReason: string | null;
};

/** Heading, whether the offering reports sync states, and the tabs as routes. */
export function AccessFrame({ offeringUuid, unavailableReason }: Props) {
  const { data: offering } = useSuspenseQuery(offeringQueries.detail(offeringUuid));
  const location = useLocation();
  const segment = location.pathname.split('/')[3] ?? 'access';
  const reports = reportsSyncStatus(offering);
  const { t } = useLingui();
  return (
    <Stack gap="md">
      <OfferingHeading
        offering={offering}
        badge={
          <Badge color={reports ? 'teal' : 'gray'} variant="light" style={{ textTransform: 'none' }}>
            {reports ? t`Sync states reported` : t`Sync states not reported`}
          </Badge>
        }
      />
      {unavailableReason ? (
        <Alert color="gray" title={t`Offering roles are not available on this server`}>
          <Text size="sm">{unavailableReason}</Text>
          <Anchor component={Link} to="/server" size="sm">
            <Trans>See what this server offers</Trans>
          </Anchor>
        </Alert>
      ) : (
        <>
          <OfferingTabs offeringUuid={offeringUuid} segment={segment} tabs={ACCESS_TABS} />
          <Outlet />
        </>
      )}
    </Stack>
  );
}
