import { Button, Stack, Text, Title } from '@mantine/core';
import { Link } from 'react-router';

export function NotFound({ what = 'page' }: { what?: string }) {
  return (
    <Stack align="center" py={60} gap="sm" ta="center">
      <Title order={1}>Not found</Title>
      <Text c="dimmed">This {what} does not exist, or you are not allowed to see it.</Text>
      <Button component={Link} to="/offerings" variant="light">
        Go to offerings
      </Button>
    </Stack>
  );
}
