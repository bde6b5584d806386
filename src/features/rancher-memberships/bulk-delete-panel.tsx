import { plural, t } from '@lingui/core/macro';
import { Text } from '@mantine/core';
import { BulkProgress, type BulkWords } from '../../components/bulk-progress';
import { bulkProgressOf, type BulkRun as ListBulkRun } from '../../components/use-selectable-list-page';
import type { DeleteOutcome, MembershipRef } from './mutations';
import { SCOPE_TYPE_LABEL, isScopeType } from './queries';
import { Bdi } from '../../components/bidi-text';

export type BulkRun = ListBulkRun<MembershipRef, DeleteOutcome>;

export function whoLabel(membership: MembershipRef): React.ReactNode {
  const type = isScopeType(membership.scopeType) ? SCOPE_TYPE_LABEL[membership.scopeType].toLowerCase() : membership.scopeType;
  return (
    <>
      <Bdi>{membership.fullName ? `${membership.fullName} (${membership.username})` : membership.username}</Bdi>, {membership.role} of{' '}
      {type} <Bdi>{membership.scopeName || '(deleted)'}</Bdi>
    </>
  );
}

const WORDS: BulkWords = {
  doing: 'Deleting',
  did: 'Deleted',
  done: 'deleted',
  count: (count) => plural(count, { one: '# membership', other: '# memberships' }),
  get notDone() {
    return t`not deleted`;
  },
  get alreadyDone() {
    return t`already deleted`;
  },
  get stayHint() {
    return t`The memberships that could not be deleted stay selected: use “Delete selected” to try again.`;
  },
  one: 'membership',
  many: 'memberships',
  retry: 'Delete selected',
  progressLabel: 'Deletion progress',
  resultsLabel: 'Deletion results',
};

const UNCHECKED =
  'Deleted in Waldur. Waldur removes the users from their Keycloak groups too, but its Rancher API cannot show Keycloak, so that was not checked.';

/**
 * Progress of "Delete selected", then one line per membership: deleted in Waldur, already gone, or
 * why not. Only Waldur's side is reported: Rancher's API has no view of Keycloak.
 */
export function BulkDeletePanel({ run, onDismiss }: { run: BulkRun; onDismiss: () => void }) {
  return (
    <BulkProgress
      {...bulkProgressOf(run, (outcome) => ({
        key: outcome.membership.uuid,
        label: whoLabel(outcome.membership),
        status: outcome.status === 'deleted' ? 'done' : outcome.status,
        message: outcome.status === 'deleted' ? 'deleted in Waldur' : undefined,
        error: outcome.status === 'failed' ? outcome.error : undefined,
      }))}
      words={WORDS}
      note={run.outcomes.some((outcome) => outcome.status === 'deleted') ? <Text size="sm">{UNCHECKED}</Text> : null}
      onDismiss={onDismiss}
    />
  );
}
