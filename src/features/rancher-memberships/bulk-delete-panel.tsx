import { plural, t } from '@lingui/core/macro';
import { Trans, useLingui } from '@lingui/react/macro';
import { Text } from '@mantine/core';
import { BulkProgress, type BulkWords } from '../../components/bulk-progress';
import { bulkProgressOf, type BulkRun as ListBulkRun } from '../../components/use-selectable-list-page';
import type { DeleteOutcome, MembershipRef } from './mutations';
import { SCOPE_TYPE_WORD, isScopeType } from './queries';
import { Bdi } from '../../components/bidi-text';

export type BulkRun = ListBulkRun<MembershipRef, DeleteOutcome>;

export function whoLabel(membership: MembershipRef): React.ReactNode {
  const type = isScopeType(membership.scopeType) ? SCOPE_TYPE_WORD[membership.scopeType] : membership.scopeType;
  // Names as elements, not strings: Lingui would read markup in a string value as its own tags.
  const who = <Bdi>{membership.fullName ? `${membership.fullName} (${membership.username})` : membership.username}</Bdi>;
  const role = <>{membership.role}</>;
  const scope = <Bdi>{membership.scopeName || t`(deleted)`}</Bdi>;
  return (
    <Trans>
      {who}, {role} of {type} {scope}
    </Trans>
  );
}

/**
 * Progress of "Delete selected", then one line per membership: deleted in Waldur, already gone, or
 * why not. Only Waldur's side is reported: Rancher's API has no view of Keycloak.
 */
export function BulkDeletePanel({ run, onDismiss }: { run: BulkRun; onDismiss: () => void }) {
  const { t } = useLingui();
  const words: BulkWords = {
    doing: t`Deleting`,
    did: t`Deleted`,
    done: t({ message: 'deleted', context: 'bulk result of a membership' }),
    one: t`membership`,
    many: t`memberships`,
    retry: t`Delete selected`,
    progressLabel: t`Deletion progress`,
    resultsLabel: t`Deletion results`,
    count: (count) => plural(count, { one: '# membership', other: '# memberships' }),
    notDone: t`not deleted`,
    alreadyDone: t`already deleted`,
    stayHint: t`The memberships that could not be deleted stay selected: use “Delete selected” to try again.`,
  };
  const unchecked = t`Deleted in Waldur. Waldur removes the users from their Keycloak groups too, but its Rancher API cannot show Keycloak, so that was not checked.`;
  return (
    <BulkProgress
      {...bulkProgressOf(run, (outcome) => ({
        key: outcome.membership.uuid,
        label: whoLabel(outcome.membership),
        status: outcome.status === 'deleted' ? 'done' : outcome.status,
        message: outcome.status === 'deleted' ? t`deleted in Waldur` : undefined,
        error: outcome.status === 'failed' ? outcome.error : undefined,
      }))}
      words={words}
      note={run.outcomes.some((outcome) => outcome.status === 'deleted') ? <Text size="sm">{unchecked}</Text> : null}
      onDismiss={onDismiss}
    />
  );
}
