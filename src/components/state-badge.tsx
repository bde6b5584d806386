import { msg } from '@lingui/core/macro';
import { useLingui } from '@lingui/react/macro';
import { Badge, Box, Button, Code, Collapse, Group, Stack, Text, Tooltip, VisuallyHidden } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useId } from 'react';
import { STATE_LOOK } from './state-look';

type Props = {
  state: string;
  errorMessage?: string | null;
  errorTraceback?: string | null;
};

const PENDING_HELP = msg`The user does not exist in Keycloak yet. Waldur checks periodically and activates the membership when the user is found.`;

/**
 * A membership's state. "Error" wins whenever error_message is set, whatever the state (shown
 * next to it); the traceback (sent to staff only) is collapsed behind a toggle. "Pending" explains
 * itself on hover, focus and touch, and to screen readers.
 */
export function StateBadge({ state, errorMessage, errorTraceback }: Props) {
  if (errorMessage) return <ErrorState state={state} message={errorMessage} traceback={errorTraceback} />;
  if (state === 'pending') return <PendingBadge />;
  return <ActiveBadge />;
}

function ActiveBadge() {
  const { i18n } = useLingui();
  return (
    <Badge color={STATE_LOOK.active.color} variant="light">
      {i18n._(STATE_LOOK.active.label)}
    </Badge>
  );
}

function PendingBadge() {
  const { i18n } = useLingui();
  const helpId = useId();
  const help = i18n._(PENDING_HELP);
  return (
    <>
      <Tooltip label={help} multiline w={280} withArrow events={{ hover: true, focus: true, touch: true }}>
        <Badge
          component="button"
          type="button"
          color={STATE_LOOK.pending.color}
          variant="light"
          aria-describedby={helpId}
          style={{ cursor: 'help' }}
        >
          {i18n._(STATE_LOOK.pending.label)}
        </Badge>
      </Tooltip>
      <VisuallyHidden id={helpId}>{help}</VisuallyHidden>
    </>
  );
}

function ErrorState({ state, message, traceback }: { state: string; message: string; traceback?: string | null }) {
  const { t, i18n } = useLingui();
  const [open, { toggle }] = useDisclosure(false);
  const tracebackId = useId();
  return (
    <Stack gap={2} style={{ minWidth: 0 }}>
      <Group gap={4} wrap="nowrap">
        <Badge color={STATE_LOOK.error.color} variant="light">
          {i18n._(STATE_LOOK.error.label)}
        </Badge>
        {/* Waldur's own state under the error, in the same words as everywhere else. */}
        <Text size="xs" c="dimmed">
          ({state === 'active' ? i18n._(STATE_LOOK.active.label) : state === 'pending' ? i18n._(STATE_LOOK.pending.label) : state})
        </Text>
      </Group>
      <Text size="xs" c="var(--mantine-color-red-light-color)" style={{ overflowWrap: 'anywhere' }}>
        {message}
      </Text>
      {traceback ? (
        <Box>
          <Button variant="subtle" size="compact-xs" px={0} onClick={toggle} aria-expanded={open} aria-controls={tracebackId}>
            {open ? t`Hide traceback` : t`Show traceback`}
          </Button>
          <Collapse expanded={open} id={tracebackId}>
            <Code
              block
              aria-label={t`Traceback`}
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
