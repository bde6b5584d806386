import { BulkProgress, type BulkWords } from '../../components/bulk-progress';
import type { MemberRef, RemoveOutcome } from './member-mutations';

export type BulkRun = { members: MemberRef[]; outcomes: RemoveOutcome[]; running: boolean };

export function whoLabel(member: MemberRef): React.ReactNode {
  return (
    <>
      <bdi>{member.fullName ? `${member.fullName} (${member.username})` : member.username}</bdi> in “<bdi>{member.groupName}</bdi>”
    </>
  );
}

const WORDS: BulkWords = {
  doing: 'Removing',
  did: 'Removed',
  done: 'removed',
  one: 'member',
  many: 'members',
  retry: 'Remove selected',
  progressLabel: 'Removal progress',
  resultsLabel: 'Removal results',
};

/** Progress of "Remove selected", then one line per member: removed, already gone, or why not. */
export function BulkRemovePanel({ run, onDismiss }: { run: BulkRun; onDismiss: () => void }) {
  return (
    <BulkProgress
      running={run.running}
      total={run.members.length}
      results={run.outcomes.map((outcome) => ({
        key: outcome.member.uuid,
        label: whoLabel(outcome.member),
        status: outcome.status === 'removed' ? 'done' : outcome.status,
        error: outcome.status === 'failed' ? outcome.error : undefined,
      }))}
      words={WORDS}
      listStyleType="none"
      onDismiss={onDismiss}
    />
  );
}
