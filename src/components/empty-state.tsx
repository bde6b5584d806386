import { Stack, Text, Title } from '@mantine/core';

type Props = { title: string; description?: React.ReactNode; children?: React.ReactNode };

/** An empty list says so and offers the next action. */
export function EmptyState({ title, description, children }: Props) {
  return (
    // Long words (a pasted search text, a name without spaces) wrap instead of widening the page.
    <Stack align="center" gap="xs" py="xl" ta="center" maw="100%" style={{ overflowWrap: 'anywhere' }}>
      <Title order={3} size="h4" maw="100%" lineClamp={3}>
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
