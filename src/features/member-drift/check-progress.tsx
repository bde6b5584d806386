import { msg, plural } from '@lingui/core/macro';
import type { MessageDescriptor } from '@lingui/core';
import { Plural, Trans, useLingui } from '@lingui/react/macro';
import { Alert, Group, Progress, Stack, Text } from '@mantine/core';
import { MISSING_BADGE, MISSING_FIXES, missingExplanation } from '../../api/remote-presence';
import { Bdi } from '../../components/bidi-text';
import { formatDateTime, formatNumber } from '../../lib/format';
import { checkedCount, failedGroups, type CheckState } from './check-state';
import type { CheckGroup } from './walk';

const STATUS_WORD: Record<CheckState['status'], MessageDescriptor> = {
  running: msg`Checking:`,
  cancelled: msg`Cancelled:`,
  interrupted: msg`Interrupted:`,
  complete: msg`Checked:`,
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
  const { t, i18n } = useLingui();
  const statusWord = i18n._(STATUS_WORD[state.status]);
  const checkedText = formatNumber(checked);
  const read = plural(total, { one: `${checkedText} of # linked group read`, other: `${checkedText} of # linked groups read` });
  const failedText = formatNumber(failed);
  const readAndFailed = failed ? t`${read}, ${failedText} failed` : read;
  const differencesText = plural(differences, { one: '# difference.', other: '# differences.' });
  const readTime = formatDateTime(state.readAt);
  const readAt = state.readAt ? t`Read ${readTime}.` : '';
  const nowLinked =
    linkedTotal !== null && linkedTotal !== total && !running
      ? plural(linkedTotal, { one: 'The offering now has # linked group.', other: 'The offering now has # linked groups.' })
      : '';
  return (
    <Stack gap={4}>
      <Progress value={total ? (done / total) * 100 : 100} aria-label={t`Members check progress`} animated={running} />
      <Text size="sm" aria-live="polite">
        {[t`${statusWord} ${readAndFailed}; ${differencesText}`, readAt, nowLinked].filter(Boolean).join(' ')}
      </Text>
      {saveFailed ? (
        <Text size="xs" c="orange">
          <Trans>These results are too large for this browser’s storage: they will not survive a reload.</Trans>
        </Text>
      ) : null}
    </Stack>
  );
}

/**
 * The groups a check could not read (the first five), each with its error. A group whose remote
 * group Keycloak no longer has is said so in the language of the moment, with what mends it
 * (`missingFixes`: the group's own actions, from the page) instead of a retry.
 */
export function FailedGroupsAlert({ state, missingFixes }: { state: CheckState; missingFixes?: (group: CheckGroup) => React.ReactNode }) {
  const { i18n } = useLingui();
  const failed = failedGroups(state);
  const failedCount = failed.length;
  if (!failedCount) return null;
  return (
    <Alert
      color="orange"
      variant="light"
      title={<Plural value={failedCount} one="Could not read # group" other="Could not read # groups" />}
    >
      {failed.slice(0, 5).map((group) => {
        const result = state.results[group.uuid];
        if (result?.status === 'failed' && result.missing) {
          return (
            <Stack key={group.uuid} gap={4} py={4}>
              <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
                <Bdi>{group.name}</Bdi>: {i18n._(MISSING_BADGE)}. {i18n._(missingExplanation(group.backend_id))}
                {missingFixes ? '' : ` ${i18n._(MISSING_FIXES)}`}
              </Text>
              {missingFixes ? <Group gap="xs">{missingFixes(group)}</Group> : null}
            </Stack>
          );
        }
        return (
          <Text key={group.uuid} size="sm">
            <Bdi>{group.name}</Bdi>: <bdi>{result?.status === 'failed' ? result.error : ''}</bdi>
          </Text>
        );
      })}
    </Alert>
  );
}
