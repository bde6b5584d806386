import { plural, t } from '@lingui/core/macro';
import { Trans, useLingui } from '@lingui/react/macro';
import { Text } from '@mantine/core';
import { BulkProgress, type BulkWords } from '../../components/bulk-progress';
import { bulkProgressOf, type BulkRun as ListBulkRun } from '../../components/use-selectable-list-page';
import { isWarning, type AccessVerdict } from '../member-drift/access-verdicts';
import type { MemberRef, RemoveOutcome } from './member-mutations';
import { Bdi } from '../../components/bidi-text';

export type BulkRun = ListBulkRun<MemberRef, RemoveOutcome>;

export function whoLabel(member: MemberRef): React.ReactNode {
  // Names as elements, not strings: Lingui would read markup in a string value as its own tags.
  const who = <Bdi>{member.fullName ? `${member.fullName} (${member.username})` : member.username}</Bdi>;
  const groupName = <Bdi>{member.groupName}</Bdi>;
  return (
    <Trans>
      {who} in “{groupName}”
    </Trans>
  );
}

/** A row's words: what Waldur did and what Keycloak showed (the label names the group; the fix is said once, below). */
function rowMessage(status: 'removed' | 'gone', verdict: AccessVerdict): string {
  const keycloak = verdict.keycloak;
  return status === 'gone' ? t`already gone from Waldur. ${keycloak}` : t`removed in Waldur. ${keycloak}`;
}

function notRemoved(waldur: string): string {
  return t`not removed. ${waldur}`;
}

/**
 * Progress of "Remove selected", then one line per member saying what Waldur did and what
 * Keycloak showed when read again: removed there, still granting access, or not checked.
 */
export function BulkRemovePanel({ run, onDismiss }: { run: BulkRun; onDismiss: () => void }) {
  const { t } = useLingui();
  const words: BulkWords = {
    doing: t`Removing`,
    did: t`Removed`,
    done: t({ message: 'removed', context: 'bulk result of a member' }),
    one: t`member`,
    many: t`members`,
    retry: t`Remove selected`,
    progressLabel: t`Removal progress`,
    resultsLabel: t`Removal results`,
    warned: t`not confirmed in Keycloak`,
    count: (count) => plural(count, { one: '# member', other: '# members' }),
    notDone: t`not removed`,
    alreadyDone: t`already removed`,
    stayHint: t`The members that could not be removed stay selected: use “Remove selected” to try again.`,
  };
  const fixes = [...new Set(run.outcomes.filter((outcome) => isWarning(outcome.verdict.level)).map((outcome) => outcome.verdict.fix))];
  return (
    <BulkProgress
      {...bulkProgressOf(run, (outcome) => ({
        key: outcome.member.uuid,
        label: whoLabel(outcome.member),
        status: outcome.status === 'failed' ? 'failed' : isWarning(outcome.verdict.level) ? 'warning' : 'done',
        message: outcome.status === 'failed' ? notRemoved(outcome.verdict.waldur) : rowMessage(outcome.status, outcome.verdict),
      }))}
      words={words}
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
