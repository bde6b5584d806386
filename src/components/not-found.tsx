import { Trans } from '@lingui/react/macro';
import { Button, Stack, Text, Title } from '@mantine/core';
import { Link } from 'react-router';

/**
 * `message` says what was not found ("This offering does not exist, or you are not allowed to see
 * it."), as a whole sentence; `what` is no longer read (a noun cannot be put in a sentence in every
 * language), kept for pages passing it.
 */
export function NotFound({ message }: { message?: string; what?: string }) {
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
