import { Alert, Button, Group, List, Progress, ScrollArea, Stack, Text } from '@mantine/core';
import { errorMessage } from '../../api/errors';
import type { MemberRef, RemoveOutcome } from './member-mutations';

export type BulkRun = { members: MemberRef[]; outcomes: RemoveOutcome[]; running: boolean };

const clip: React.CSSProperties = { overflowWrap: 'anywhere' };

export function whoLabel(member: MemberRef): React.ReactNode {
  return (
    <>
      <bdi>{member.fullName ? `${member.fullName} (${member.username})` : member.username}</bdi> in “<bdi>{member.groupName}</bdi>”
    </>
  );
}

/** Progress of "Remove selected", then one line per member: removed, already gone, or why not. */
export function BulkRemovePanel({ run, onDismiss }: { run: BulkRun; onDismiss: () => void }) {
  const total = run.members.length;
  const done = run.outcomes.length;
  const failed = run.outcomes.filter((outcome) => outcome.status === 'failed');
  const removed = done - failed.length;
  const color = run.running ? 'indigo' : failed.length ? 'orange' : 'teal';
  return (
    <Alert
      color={color}
      variant="light"
      role="status"
      aria-live="polite"
      title={
        run.running
          ? `Removing members: ${done} of ${total}`
          : failed.length
            ? `Removed ${removed} of ${total} members; ${failed.length} failed`
            : `Removed ${removed} ${removed === 1 ? 'member' : 'members'}`
      }
    >
      <Stack gap="xs">
        <Progress value={total ? (done / total) * 100 : 100} aria-label="Removal progress" animated={run.running} />
        <ScrollArea.Autosize mah={220} type="auto">
          <List size="sm" spacing={2} aria-label="Removal results" listStyleType="none">
            {run.outcomes.map((outcome) => (
              <List.Item key={outcome.member.uuid}>
                <Text size="sm" style={clip} span>
                  {outcome.status === 'failed' ? '✗ ' : '✓ '}
                  {whoLabel(outcome.member)}:{' '}
                  {outcome.status === 'failed'
                    ? `not removed. ${errorMessage(outcome.error)}`
                    : outcome.status === 'gone'
                      ? 'already removed'
                      : 'removed'}
                </Text>
              </List.Item>
            ))}
          </List>
        </ScrollArea.Autosize>
        {!run.running && failed.length ? (
          <Text size="sm">The members that could not be removed stay selected: use “Remove selected” to try again.</Text>
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
