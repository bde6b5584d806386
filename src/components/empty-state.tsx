import { Stack, Text, Title } from '@mantine/core';

type Props = { title: string; description?: React.ReactNode; children?: React.ReactNode };

/** An empty list says so and offers the next action. */
export function EmptyState({ title, description, children }: Props) {
  return (
    <Stack align="center" gap="xs" py="xl" ta="center">
      <Title order={3} size="h4">
        {title}
      </Title>
      {description ? (
        <Text c="dimmed" size="sm" maw={520}>
          {description}
        </Text>
      ) : null}
      {children}
    </Stack>
  );
}
