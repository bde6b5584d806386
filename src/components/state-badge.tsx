import { Badge, Code, Group, HoverCard, Spoiler, Stack, Text } from '@mantine/core';

type Props = {
  state: string;
  errorMessage?: string | null;
  errorTraceback?: string | null;
};

/**
 * A membership's state. "Error" wins whenever error_message is set, whatever the state; the
 * traceback (sent to staff only) is behind a collapsed spoiler.
 */
export function StateBadge({ state, errorMessage, errorTraceback }: Props) {
  if (errorMessage) {
    return (
      <Stack gap={2}>
        <Group gap={4}>
          <Badge color="red" variant="light">
            Error
          </Badge>
          <Text size="xs" c="dimmed">
            ({state === 'active' ? 'Active' : 'Pending'})
          </Text>
        </Group>
        <Text size="xs" c="red">
          {errorMessage}
        </Text>
        {errorTraceback ? (
          <Spoiler maxHeight={0} showLabel="Show traceback" hideLabel="Hide traceback">
            <Code block>{errorTraceback}</Code>
          </Spoiler>
        ) : null}
      </Stack>
    );
  }
  if (state === 'pending') {
    return (
      <HoverCard width={280} shadow="md" withArrow>
        <HoverCard.Target>
          <Badge color="yellow" variant="light" tabIndex={0} title="Pending: the user does not exist in Keycloak yet; the membership becomes active when Waldur finds them.">
            Pending
          </Badge>
        </HoverCard.Target>
        <HoverCard.Dropdown>
          <Text size="sm">
            The user does not exist in Keycloak yet. Waldur checks periodically and activates the membership
            when the user is found.
          </Text>
        </HoverCard.Dropdown>
      </HoverCard>
    );
  }
  return (
    <Badge color="green" variant="light">
      Active
    </Badge>
  );
}
