import { Alert, Button, Group, List, Progress, Stack, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { errorMessage } from '../api/errors';
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

/** The words of one bulk action, e.g. for removing members. */
export type BulkWords = {
  /** "Removing" */
  doing: string;
  /** "Removed" */
  did: string;
  /** "removed" */
  done: string;
  /** "member" */
  one: string;
  /** "members" */
  many: string;
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
  const warning = warned ? `; ${warned} ${words.warned ?? 'with a warning'}` : '';
  return (
    <Alert
      color={running ? 'indigo' : failed || warned ? 'orange' : 'teal'}
      variant="light"
      role="status"
      aria-live="polite"
      title={
        running
          ? `${words.doing} ${words.many}: ${finished} of ${total}`
          : failed
            ? `${words.did} ${succeeded} of ${total} ${words.many}; ${failed} failed${warning}`
            : `${words.did} ${succeeded} ${succeeded === 1 ? words.one : words.many}${warning}`
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
                      ? `not ${words.done}. ${errorMessage(result.error)}`
                      : result.status === 'gone'
                        ? `already ${words.done}`
                        : words.done)}
                </Text>
              </List.Item>
            ))}
          </List>
        </ScrollRegion>
        {!running && note ? note : null}
        {!running && failed ? (
          <Text size="sm">{`The ${words.many} that could not be ${words.done} stay selected: use “${words.retry}” to try again.`}</Text>
        ) : null}
        {!running ? (
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
