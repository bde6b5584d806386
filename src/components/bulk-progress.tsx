import { plural } from '@lingui/core/macro';
import { Trans, useLingui } from '@lingui/react/macro';
import { Alert, Button, Group, List, Progress, Stack, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { errorMessage } from '../api/errors';
import { formatNumber } from '../lib/format';
import type { CountWords } from './list-page';
import { ScrollRegion } from './scroll-region';

/**
 * One row of a bulk action, as it ended: done, already gone (counts as done), done with a
 * warning (e.g. Keycloak still grants access, or could not be checked), or failed and why.
 * `message`, when given, is what the row says instead of the generic words.
 */
export type BulkResult = {
  key: string;
  label: ReactNode;
  status: 'done' | 'gone' | 'warning' | 'failed';
  error?: unknown;
  message?: string;
};

/**
 * The words of one bulk action, e.g. for removing members. The summary puts them together as
 * "Removing: 3 of 10 members", "Removed 2 of 3 members; 1 failed", "Removed 3 members": `count` gives
 * the number with its noun, plural-aware (without it, the number alone). `one` and `many` are no
 * longer read (a noun cannot be put in a sentence in every language); kept for pages passing them.
 */
export type BulkWords = {
  /** "Removing" */
  doing: string;
  /** "Removed" */
  did: string;
  /** A row's result: "removed" */
  done: string;
  /** A failed row's result: "not removed" (else "failed"). */
  notDone?: string;
  /** A row already gone: "already removed" (else "already done"). */
  alreadyDone?: string;
  /** Under the failures: "The members that could not be removed stay selected: use “Remove selected” to try again." */
  stayHint?: string;
  /** "3 members", plural-aware. */
  count?: CountWords;
  /** "member" */
  one?: string;
  /** "members" */
  many?: string;
  /** The button that runs the action again on what stays selected: "Remove selected". */
  retry: string;
  /** Accessible names of the progress bar and of the results list. */
  progressLabel: string;
  resultsLabel: string;
  /** What the rows with a warning are, in the summary: "not confirmed in Keycloak". */
  warned?: string;
};

type Props = {
  running: boolean;
  total: number;
  results: readonly BulkResult[];
  words: BulkWords;
  /** The results list's markers (Mantine's default is a disc). */
  listStyleType?: React.CSSProperties['listStyleType'];
  /** Said under the results once the run is over (e.g. how to fix the warnings). */
  note?: ReactNode;
  onDismiss: () => void;
};

const clip: React.CSSProperties = { overflowWrap: 'anywhere' };

/**
 * Progress of a bulk action over selected rows, then one line per row: done, already gone, or why
 * not. A live status region; the rows that failed are meant to stay selected for another try.
 */
export function BulkProgress({ running, total, results, words, listStyleType, note, onDismiss }: Props) {
  const finished = results.length;
  const failed = results.filter((result) => result.status === 'failed').length;
  const succeeded = finished - failed;
  const warned = results.filter((result) => result.status === 'warning').length;
  const { t } = useLingui();
  const count = words.count ?? formatNumber;
  const warnedCount = formatNumber(warned);
  const warnedWords = words.warned;
  const warning = !warned
    ? ''
    : warnedWords
      ? t`; ${warnedCount} ${warnedWords}`
      : plural(warned, { one: '; # with a warning', other: '; # with a warning' });
  const { doing, did } = words;
  const finishedCount = formatNumber(finished);
  const succeededCount = formatNumber(succeeded);
  const totalCount = count(total);
  const failedCount = formatNumber(failed);
  const succeededWithNoun = count(succeeded);
  const retry = words.retry;
  return (
    <Alert
      color={running ? 'indigo' : failed || warned ? 'orange' : 'teal'}
      variant="light"
      role="status"
      aria-live="polite"
      title={
        running
          ? t`${doing}: ${finishedCount} of ${totalCount}`
          : failed
            ? t`${did} ${succeededCount} of ${totalCount}; ${failedCount} failed${warning}`
            : // eslint-disable-next-line lingui/no-single-variables-to-translate -- the order of the words is the language's
              t`${did} ${succeededWithNoun}${warning}`
      }
    >
      <Stack gap="xs">
        <Progress value={total ? (finished / total) * 100 : 100} aria-label={words.progressLabel} animated={running} />
        <ScrollRegion label={words.resultsLabel} maxHeight={220}>
          <List size="sm" spacing={2} aria-label={words.resultsLabel} listStyleType={listStyleType}>
            {results.map((result) => (
              <List.Item key={result.key}>
                <Text size="sm" style={clip} span>
                  {result.status === 'failed' ? '✗ ' : result.status === 'warning' ? '⚠ ' : '✓ '}
                  {result.label}:{' '}
                  {result.message ??
                    (result.status === 'failed'
                      ? `${words.notDone ?? t`failed`}. ${errorMessage(result.error)}`
                      : result.status === 'gone'
                        ? (words.alreadyDone ?? t`already done`)
                        : words.done)}
                </Text>
              </List.Item>
            ))}
          </List>
        </ScrollRegion>
        {!running && note ? note : null}
        {!running && failed ? (
          <Text size="sm">{words.stayHint ?? t`The rows that failed stay selected: use “${retry}” to try again.`}</Text>
        ) : null}
        {!running ? (
          <Group>
            <Button size="xs" variant="default" onClick={onDismiss}>
              <Trans>Dismiss</Trans>
            </Button>
          </Group>
        ) : null}
      </Stack>
    </Alert>
  );
}
