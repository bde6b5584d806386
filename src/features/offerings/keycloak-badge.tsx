import { Badge } from '@mantine/core';

/** Whether the offering's integration settings switch Keycloak on, as a badge. */
export function KeycloakBadge({ enabled }: { enabled: boolean }) {
  return enabled ? (
    <Badge color="teal" variant="light">
      Keycloak enabled
    </Badge>
  ) : (
    <Badge color="gray" variant="light">
      Keycloak not enabled
    </Badge>
  );
}
