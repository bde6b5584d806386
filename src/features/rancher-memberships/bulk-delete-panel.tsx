import { Alert, Button, Group, List, Progress, ScrollArea, Stack, Text } from '@mantine/core';
import { errorMessage } from '../../api/errors';
import type { DeleteOutcome, MembershipRef } from './mutations';
import { SCOPE_TYPE_LABEL, isScopeType } from './queries';

export type BulkRun = { memberships: MembershipRef[]; outcomes: DeleteOutcome[]; running: boolean };

const clip: React.CSSProperties = { overflowWrap: 'anywhere' };

export function whoLabel(membership: MembershipRef): React.ReactNode {
  const type = isScopeType(membership.scopeType) ? SCOPE_TYPE_LABEL[membership.scopeType].toLowerCase() : membership.scopeType;
  return (
    <>
      <bdi>{membership.fullName ? `${membership.fullName} (${membership.username})` : membership.username}</bdi>, {membership.role} of {type}{' '}
      <bdi>{membership.scopeName || '(deleted)'}</bdi>
    </>
  );
}

/** Progress of "Delete selected", then one line per membership: deleted, already gone, or why not. */
export function BulkDeletePanel({ run, onDismiss }: { run: BulkRun; onDismiss: () => void }) {
  const total = run.memberships.length;
  const done = run.outcomes.length;
  const failed = run.outcomes.filter((outcome) => outcome.status === 'failed');
  const deleted = done - failed.length;
  return (
    <Alert
      color={run.running ? 'indigo' : failed.length ? 'orange' : 'teal'}
      variant="light"
      role="status"
      aria-live="polite"
      title={
        run.running
          ? `Deleting memberships: ${done} of ${total}`
          : failed.length
            ? `Deleted ${deleted} of ${total} memberships; ${failed.length} failed`
            : `Deleted ${deleted} ${deleted === 1 ? 'membership' : 'memberships'}`
      }
    >
      <Stack gap="xs">
        <Progress value={total ? (done / total) * 100 : 100} aria-label="Deletion progress" animated={run.running} />
        <ScrollArea.Autosize mah={220} type="auto">
          <List size="sm" spacing={2} aria-label="Deletion results">
            {run.outcomes.map((outcome) => (
              <List.Item key={outcome.membership.uuid}>
                <Text size="sm" style={clip} span>
                  {outcome.status === 'failed' ? '✗ ' : '✓ '}
                  {whoLabel(outcome.membership)}:{' '}
                  {outcome.status === 'failed'
                    ? `not deleted. ${errorMessage(outcome.error)}`
                    : outcome.status === 'gone'
                      ? 'already deleted'
                      : 'deleted'}
                </Text>
              </List.Item>
            ))}
          </List>
        </ScrollArea.Autosize>
        {!run.running && failed.length ? (
          <Text size="sm">The memberships that could not be deleted stay selected: use “Delete selected” to try again.</Text>
        ) : null}
        {!run.running ? (
          <Group>
            <Button size="xs" variant="default" onClick={onDismiss}>
              Dismiss
            </Button>
          </Group>
        ) : null}
      </Stack>
    </Alert>
  );
}
