import { msg } from '@lingui/core/macro';
import { Trans, useLingui } from '@lingui/react/macro';
import { Alert, Anchor, Stack } from '@mantine/core';
import { useSuspenseQuery } from '@tanstack/react-query';
import { Link, Outlet, useLocation } from 'react-router';
import { OfferingTabs } from './offering-tabs';
import { isKeycloakEnabled } from '../../api/keycloak-enabled';
import { offeringQueries } from '../../api/offering-queries';
import { KeycloakBadge } from './keycloak-badge';
import { OfferingHeading } from './offering-heading';

export const OFFERING_TABS = [
  { value: 'groups', label: msg`Groups` },
  { value: 'sync', label: msg`Sync status` },
  { value: 'members', label: msg`Members` },
  { value: 'remote-users', label: msg`Remote users` },
  { value: 'settings', label: msg`Settings` },
] as const;

type Props = {
  offeringUuid: string;
  /** Header actions (test connection, import), composed by the route. */
  actions?: React.ReactNode;
  /** Shown instead of the tabs when the server lacks offering Keycloak groups. */
  unavailableReason?: string | null;
  /** The offering's health line, under the tabs of every tab (composed by the route). */
  health?: React.ReactNode;
};

/** Heading, tabs as routes, and the message for offerings without Keycloak. */
export function OfferingFrame({ offeringUuid, actions, unavailableReason, health }: Props) {
  const { data: offering } = useSuspenseQuery(offeringQueries.detail(offeringUuid));
  const location = useLocation();
  const segment = location.pathname.split('/')[3] ?? 'groups';
  const enabled = isKeycloakEnabled(offering);
  const { t } = useLingui();

  return (
    <Stack gap="md">
      <OfferingHeading
        offering={offering}
        badge={<KeycloakBadge enabled={enabled} />}
        actions={enabled && !unavailableReason ? actions : null}
      />
      {unavailableReason ? (
        <Alert color="gray" title={t`Keycloak groups are not available on this server`}>
          {unavailableReason}
        </Alert>
      ) : !enabled ? (
        <>
          <Alert color="gray" title={t`Keycloak is not enabled for this offering`}>
            <Trans>
              Groups, members and sync status appear here once the offering’s settings switch Keycloak on (“Keycloak enabled”) and give its
              URL, realm and admin credentials:{' '}
              <Anchor component={Link} to={`/offerings/${offeringUuid}/settings`}>
                open the settings
              </Anchor>
              .
            </Trans>
          </Alert>
          {segment === 'settings' ? <Outlet /> : null}
        </>
      ) : (
        <>
          <OfferingTabs offeringUuid={offeringUuid} segment={segment} tabs={OFFERING_TABS} />
          {health}
          <Outlet />
        </>
      )}
    </Stack>
  );
}
