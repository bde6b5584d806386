import { Badge, Box, Button, Code, Collapse, Group, Stack, Text, Tooltip, VisuallyHidden } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useId } from 'react';

type Props = {
  state: string;
  errorMessage?: string | null;
  errorTraceback?: string | null;
};

const PENDING_HELP =
  'The user does not exist in Keycloak yet. Waldur checks periodically and activates the membership when the user is found.';

/**
 * A membership's state. "Error" wins whenever error_message is set, whatever the state (shown
 * next to it); the traceback (sent to staff only) is collapsed behind a toggle. "Pending" explains
 * itself on hover, focus and touch, and to screen readers.
 */
export function StateBadge({ state, errorMessage, errorTraceback }: Props) {
  if (errorMessage) return <ErrorState state={state} message={errorMessage} traceback={errorTraceback} />;
  if (state === 'pending') return <PendingBadge />;
  return (
    <Badge color="green" variant="light">
      Active
    </Badge>
  );
}

function PendingBadge() {
  const helpId = useId();
  return (
    <>
      <Tooltip label={PENDING_HELP} multiline w={280} withArrow events={{ hover: true, focus: true, touch: true }}>
        <Badge component="button" type="button" color="yellow" variant="light" aria-describedby={helpId} style={{ cursor: 'help' }}>
          Pending
        </Badge>
      </Tooltip>
      <VisuallyHidden id={helpId}>{PENDING_HELP}</VisuallyHidden>
    </>
  );
}

function ErrorState({ state, message, traceback }: { state: string; message: string; traceback?: string | null }) {
  const [open, { toggle }] = useDisclosure(false);
  const tracebackId = useId();
  return (
    <Stack gap={2} style={{ minWidth: 0 }}>
      <Group gap={4} wrap="nowrap">
        <Badge color="red" variant="light">
          Error
        </Badge>
        <Text size="xs" c="dimmed">
          ({state === 'active' ? 'Active' : state === 'pending' ? 'Pending' : state})
        </Text>
      </Group>
      <Text size="xs" c="var(--mantine-color-red-light-color)" style={{ overflowWrap: 'anywhere' }}>
        {message}
      </Text>
      {traceback ? (
        <Box>
          <Button variant="subtle" size="compact-xs" px={0} onClick={toggle} aria-expanded={open} aria-controls={tracebackId}>
            {open ? 'Hide traceback' : 'Show traceback'}
          </Button>
          <Collapse expanded={open} id={tracebackId}>
            <Code
              block
              aria-label="Traceback"
              style={{ maxHeight: 240, maxWidth: 480, overflow: 'auto', whiteSpace: 'pre', fontSize: 11 }}
              tabIndex={0}
            >
              {traceback}
            </Code>
          </Collapse>
        </Box>
      ) : null}
    </Stack>
  );
}
