import { Trans } from '@lingui/react/macro';
import { Badge } from '@mantine/core';

/** Whether the offering's integration settings switch Keycloak on, as a badge. */
export function KeycloakBadge({ enabled }: { enabled: boolean }) {
  return enabled ? (
    <Badge color="teal" variant="light">
      <Trans>Keycloak enabled</Trans>
    </Badge>
  ) : (
    <Badge color="gray" variant="light">
      <Trans>Keycloak not enabled</Trans>
    </Badge>
  );
}
