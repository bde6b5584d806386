import { BulkProgress, type BulkWords } from '../../components/bulk-progress';
import type { DeleteOutcome, MembershipRef } from './mutations';
import { SCOPE_TYPE_LABEL, isScopeType } from './queries';

export type BulkRun = { memberships: MembershipRef[]; outcomes: DeleteOutcome[]; running: boolean };

export function whoLabel(membership: MembershipRef): React.ReactNode {
  const type = isScopeType(membership.scopeType) ? SCOPE_TYPE_LABEL[membership.scopeType].toLowerCase() : membership.scopeType;
  return (
    <>
      <bdi>{membership.fullName ? `${membership.fullName} (${membership.username})` : membership.username}</bdi>, {membership.role} of{' '}
      {type} <bdi>{membership.scopeName || '(deleted)'}</bdi>
    </>
  );
}

const WORDS: BulkWords = {
  doing: 'Deleting',
  did: 'Deleted',
  done: 'deleted',
  one: 'membership',
  many: 'memberships',
  retry: 'Delete selected',
  progressLabel: 'Deletion progress',
  resultsLabel: 'Deletion results',
};

/** Progress of "Delete selected", then one line per membership: deleted, already gone, or why not. */
export function BulkDeletePanel({ run, onDismiss }: { run: BulkRun; onDismiss: () => void }) {
  return (
    <BulkProgress
      running={run.running}
      total={run.memberships.length}
      results={run.outcomes.map((outcome) => ({
        key: outcome.membership.uuid,
        label: whoLabel(outcome.membership),
        status: outcome.status === 'deleted' ? 'done' : outcome.status,
        error: outcome.status === 'failed' ? outcome.error : undefined,
      }))}
      words={WORDS}
      onDismiss={onDismiss}
    />
  );
}
