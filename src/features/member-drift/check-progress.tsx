import { Alert, Progress, Stack, Text } from '@mantine/core';
import { Bdi } from '../../components/bidi-text';
import { formatDateTime } from '../../lib/format';
import { checkedCount, failedGroups, type CheckState } from './check-state';

const STATUS_WORD: Record<CheckState['status'], string> = {
  running: 'Checking: ',
  cancelled: 'Cancelled: ',
  interrupted: 'Interrupted: ',
  complete: 'Checked: ',
};

type Props = {
  state: CheckState;
  running: boolean;
  /** How many differences were found. */
  differences: number;
  /** The linked groups the offering has now, when they were listed in this visit. */
  linkedTotal: number | null;
  saveFailed: boolean;
};

/** How far a members check got, when it read, and whether its results will survive a reload. */
export function CheckProgress({ state, running, differences, linkedTotal, saveFailed }: Props) {
  const { total } = state;
  const checked = checkedCount(state);
  const failed = failedGroups(state).length;
  const done = checked + failed;
  return (
    <Stack gap={4}>
      <Progress value={total ? (done / total) * 100 : 100} aria-label="Members check progress" animated={running} />
      <Text size="sm" aria-live="polite">
        {STATUS_WORD[state.status]}
        {checked.toLocaleString()} of {total.toLocaleString()} linked groups read
        {failed ? `, ${failed} failed` : ''}; {differences.toLocaleString()} differences.{' '}
        {state.readAt ? `Read ${formatDateTime(state.readAt)}.` : ''}
        {linkedTotal !== null && linkedTotal !== total && !running ? ` The offering now has ${linkedTotal} linked groups.` : ''}
      </Text>
      {saveFailed ? (
        <Text size="xs" c="orange">
          These results are too large for this browser’s storage: they will not survive a reload.
        </Text>
      ) : null}
    </Stack>
  );
}

/** The groups a check could not read (the first five), each with its error. */
export function FailedGroupsAlert({ state }: { state: CheckState }) {
  const failed = failedGroups(state);
  if (!failed.length) return null;
  return (
    <Alert color="orange" variant="light" title={`${failed.length} groups could not be read`}>
      {failed.slice(0, 5).map((group) => {
        const result = state.results[group.uuid];
        return (
          <Text key={group.uuid} size="sm">
            <Bdi>{group.name}</Bdi>: {result?.status === 'failed' ? result.error : ''}
          </Text>
        );
      })}
    </Alert>
  );
}
