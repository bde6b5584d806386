import { Trans } from '@lingui/react/macro';
import { Anchor, Breadcrumbs, Group, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import { Bdi } from '../../components/bidi-text';

type Props = {
  offering: { name?: string; customer_name?: string | null };
  /** What the offering's integration says about itself (Keycloak on or off, sync states reported or not). */
  badge: React.ReactNode;
  /** The route's header actions, if any. */
  actions?: React.ReactNode;
};

/** The breadcrumbs and the heading of an offering's page, on either generation of Waldur. */
export function OfferingHeading({ offering, badge, actions }: Props) {
  return (
    <>
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
            {badge}
          </Group>
        </div>
        {actions ? <Group gap="xs">{actions}</Group> : null}
      </Group>
    </>
  );
}
