import { Trans } from '@lingui/react/macro';
import { Button, Group, Modal, Stack, Text } from '@mantine/core';

/**
 * What a link to a form (`?add=1`) opens for a user who may not use it: the reason, as the
 * disabled button says, instead of a form whose save could only be refused.
 */
export function NotAllowedDialog({
  opened,
  title,
  reason,
  onClose,
}: {
  opened: boolean;
  title: string;
  reason: string;
  onClose: () => void;
}) {
  return (
    <Modal opened={opened} onClose={onClose} title={title}>
      <Stack gap="sm">
        <Text size="sm" role="note">
          {reason}
        </Text>
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            <Trans>OK</Trans>
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
