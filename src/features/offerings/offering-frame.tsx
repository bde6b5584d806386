import { msg } from '@lingui/core/macro';
import { Trans, useLingui } from '@lingui/react/macro';
import { Alert, Anchor, Breadcrumbs, Group, Stack, Text, Title } from '@mantine/core';
import { useSuspenseQuery } from '@tanstack/react-query';
import { Link, Outlet, useLocation } from 'react-router';
import { OfferingTabs } from './offering-tabs';
import { isKeycloakEnabled } from '../../api/keycloak-enabled';
import { offeringQueries } from '../../api/offering-queries';
import { KeycloakBadge } from './keycloak-badge';
import { Bdi } from '../../components/bidi-text';

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
      <Breadcrumbs>
        <Anchor component={Link} to="/offerings" size="sm">
          <Trans>Offerings</Trans>
        </Anchor>
        <Text size="sm">
          <Bdi>{offering.name}</Bdi>
        </Text>
      </Breadcrumbs>
      <Group justify="space-between" align="flex-start" wrap="wrap">
        <div style={{ minWidth: 0, maxWidth: '100%' }}>
          <Title order={1} style={{ overflowWrap: 'anywhere' }}>
            <Bdi>{offering.name}</Bdi>
          </Title>
          <Group gap="xs">
            <Text c="dimmed" size="sm">
              <Bdi>{offering.customer_name}</Bdi>
            </Text>
            <KeycloakBadge enabled={enabled} />
          </Group>
        </div>
        {enabled && !unavailableReason ? <Group gap="xs">{actions}</Group> : null}
      </Group>
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
