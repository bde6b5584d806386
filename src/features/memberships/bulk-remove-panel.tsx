import { plural, t } from '@lingui/core/macro';
import { Text } from '@mantine/core';
import { BulkProgress, type BulkWords } from '../../components/bulk-progress';
import { bulkProgressOf, type BulkRun as ListBulkRun } from '../../components/use-selectable-list-page';
import { isWarning, type AccessVerdict } from '../member-drift/access-verdicts';
import type { MemberRef, RemoveOutcome } from './member-mutations';
import { Bdi } from '../../components/bidi-text';

export type BulkRun = ListBulkRun<MemberRef, RemoveOutcome>;

export function whoLabel(member: MemberRef): React.ReactNode {
  return (
    <>
      <Bdi>{member.fullName ? `${member.fullName} (${member.username})` : member.username}</Bdi> in “<Bdi>{member.groupName}</Bdi>”
    </>
  );
}

const WORDS: BulkWords = {
  doing: 'Removing',
  did: 'Removed',
  done: 'removed',
  count: (count) => plural(count, { one: '# member', other: '# members' }),
  get notDone() {
    return t`not removed`;
  },
  get alreadyDone() {
    return t`already removed`;
  },
  get stayHint() {
    return t`The members that could not be removed stay selected: use “Remove selected” to try again.`;
  },
  one: 'member',
  many: 'members',
  retry: 'Remove selected',
  progressLabel: 'Removal progress',
  resultsLabel: 'Removal results',
  warned: 'not confirmed in Keycloak',
};

/** A row's words: what Waldur did and what Keycloak showed (the label names the group; the fix is said once, below). */
function rowMessage(status: 'removed' | 'gone', verdict: AccessVerdict): string {
  return `${status === 'gone' ? 'already gone from Waldur' : 'removed in Waldur'}. ${verdict.keycloak}`;
}

/**
 * Progress of "Remove selected", then one line per member saying what Waldur did and what
 * Keycloak showed when read again: removed there, still granting access, or not checked.
 */
export function BulkRemovePanel({ run, onDismiss }: { run: BulkRun; onDismiss: () => void }) {
  const fixes = [...new Set(run.outcomes.filter((outcome) => isWarning(outcome.verdict.level)).map((outcome) => outcome.verdict.fix))];
  return (
    <BulkProgress
      {...bulkProgressOf(run, (outcome) => ({
        key: outcome.member.uuid,
        label: whoLabel(outcome.member),
        status: outcome.status === 'failed' ? 'failed' : isWarning(outcome.verdict.level) ? 'warning' : 'done',
        message: outcome.status === 'failed' ? `not removed. ${outcome.verdict.waldur}` : rowMessage(outcome.status, outcome.verdict),
      }))}
      words={WORDS}
      note={fixes.map((fix) => (
        <Text key={fix} size="sm">
          {fix}
        </Text>
      ))}
      listStyleType="none"
      onDismiss={onDismiss}
    />
  );
}
