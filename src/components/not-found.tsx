import { Trans } from '@lingui/react/macro';
import { Button, Stack, Text, Title } from '@mantine/core';
import { Link } from 'react-router';

/** `message` says what was not found, as a whole sentence ("This offering does not exist, or …"). */
export function NotFound({ message }: { message?: string }) {
  return (
    <Stack align="center" py={60} gap="sm" ta="center">
      <Title order={1}>
        <Trans>Not found</Trans>
      </Title>
      <Text c="dimmed">{message ?? <Trans>This page does not exist, or you are not allowed to see it.</Trans>}</Text>
      <Button component={Link} to="/offerings" variant="light">
        <Trans>Go to offerings</Trans>
      </Button>
    </Stack>
  );
}
