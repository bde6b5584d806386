import { plural, t as tGlobal } from '@lingui/core/macro';
import { Trans, useLingui } from '@lingui/react/macro';
import { Alert, Badge, Button, Checkbox, Group, List, Stack, Table, Text, Title, VisuallyHidden } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { groupQueries } from '../../api/group-queries';
import { offeringQueries } from '../../api/offering-queries';
import { ErrorAlert } from '../../components/error-alert';
import { TableSkeleton } from '../../components/table-skeleton';
import { clip, formatNumber } from '../../lib/format';
import { reviewImport, type Review } from './review';
import { VirtualTable } from '../../components/virtual-table';
import { setSelected, type WizardState } from './wizard-state';
import type { WizardStore } from './wizard-store';
import { Bdi } from '../../components/bidi-text';
import { showControls, isolate } from '../../lib/bidi';

type Props = {
  offeringUuid: string;
  state: WizardState;
  update: WizardStore['update'];
  onFix: () => void;
};

/** The review needs a fresh list of local groups: it is the last look before sending. */
export function useReview(offeringUuid: string, state: WizardState, enabled: boolean) {
  const local = useQuery({ ...groupQueries.everyGroup(offeringUuid), refetchOnMount: 'always', enabled });
  const roles = useQuery({ ...offeringQueries.everyRole(offeringUuid), enabled });
  const resources = useQuery({ ...offeringQueries.firstPageResources(offeringUuid), enabled });
  // Memoized on what the review reads, and only while it is shown: a disabled query keeps its
  // cached data, and the import step updates `results` for every group it sends.
  const { selected, groups, choices, results } = state;
  const review = useMemo(
    () =>
      enabled && local.data && roles.data && resources.data
        ? reviewImport({ selected, groups, choices, results }, local.data.items, { roles: roles.data, resources: resources.data })
        : null,
    [enabled, selected, groups, choices, results, local.data, roles.data, resources.data],
  );
  const error = local.error ?? roles.error ?? resources.error;
  const retry = () => void Promise.all([local.refetch(), roles.refetch(), resources.refetch()]);
  return { review, error: review ? null : error, retry, checking: local.isFetching, roles: roles.data, resources: resources.data };
}

/** Step 3: what will be created, with every problem flagged before anything is sent. */
export function ReviewStep({ offeringUuid, state, update, onFix }: Props) {
  const { review, error, retry, checking, roles, resources } = useReview(offeringUuid, state, true);
  const roleName = useMemo(() => new Map((roles ?? []).map((role) => [role.uuid, role.name])), [roles]);
  const resourceName = useMemo(() => new Map((resources ?? []).map((resource) => [resource.uuid, resource.name])), [resources]);
  const { t } = useLingui();

  return (
    <Stack gap="sm">
      <Title order={3} size="h4">
        <Trans>Review</Trans>
      </Title>
      {review ? (
        <>
          <ReviewSummary review={review} checking={checking} onFix={onFix} />
          <VirtualTable
            count={review.rows.length}
            columns={6}
            estimateRowHeight={48}
            label={t`Groups to import`}
            head={
              <Table.Tr>
                <Table.Th w="22%">
                  <Trans>Remote group</Trans>
                </Table.Th>
                <Table.Th w="13%">
                  <Trans>Role</Trans>
                </Table.Th>
                <Table.Th w="13%">
                  <Trans>Resource</Trans>
                </Table.Th>
                <Table.Th w="10%">
                  <Trans>Scope ID</Trans>
                </Table.Th>
                <Table.Th>
                  <Trans>Check</Trans>
                </Table.Th>
                <Table.Th w={80}>
                  <VisuallyHidden>
                    <Trans>Remove</Trans>
                  </VisuallyHidden>
                </Table.Th>
              </Table.Tr>
            }
            row={(index) => {
              const row = review.rows[index];
              if (!row) return null;
              const rowName = isolate(row.name);
              return (
                <>
                  <Table.Td>
                    <Text size="sm" fw={500} lineClamp={2} title={showControls(row.name)} style={{ overflowWrap: 'anywhere' }}>
                      <Bdi>{row.name}</Bdi>
                    </Text>
                    <Text size="xs" c="dimmed" truncate="end" title={showControls(row.path)}>
                      <Bdi>{row.path}</Bdi>
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">{row.choice.role ? (roleName.get(row.choice.role) ?? t`Unknown role`) : '—'}</Text>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
                      {row.choice.resource ? (resourceName.get(row.choice.resource) ?? t`Unknown resource`) : t`None`}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm" style={{ overflowWrap: 'anywhere' }} dir={row.choice.scope ? 'ltr' : undefined}>
                      {row.choice.scope || t`None`}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    {row.done ? (
                      <Badge color="green" variant="light">
                        <Trans>Done earlier</Trans>
                      </Badge>
                    ) : row.problems.length === 0 ? (
                      <Badge color="teal" variant="light">
                        <Trans>Ready</Trans>
                      </Badge>
                    ) : (
                      <Stack gap={4}>
                        {row.problems.map((problem, at) => (
                          <Group key={at} gap={6} wrap="nowrap" align="flex-start">
                            <Badge color={problem.level === 'error' ? 'red' : 'yellow'} variant="light" style={{ flexShrink: 0 }}>
                              {problem.level === 'error' ? t`Problem` : t`Note`}
                            </Badge>
                            <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
                              {problem.message}
                            </Text>
                          </Group>
                        ))}
                      </Stack>
                    )}
                  </Table.Td>
                  <Table.Td>
                    {row.done ? null : (
                      <Button
                        size="compact-xs"
                        variant="subtle"
                        color="gray"
                        aria-label={t`Remove ${rowName}`}
                        onClick={() => update((current) => setSelected(current, [{ id: row.id, name: row.name, path: row.path }], false))}
                      >
                        <Trans>Remove</Trans>
                      </Button>
                    )}
                  </Table.Td>
                </>
              );
            }}
          />
          <Checkbox
            label={t`Pull members after import`}
            description={t`Copies each imported group’s Keycloak members into Waldur as active members.`}
            checked={state.pullMembers}
            onChange={(event) => {
              const checked = event.currentTarget.checked;
              update((current) => ({ ...current, pullMembers: checked }));
            }}
          />
        </>
      ) : error ? (
        <ErrorAlert error={error} title={t`Could not check the import`} onRetry={retry} />
      ) : (
        <TableSkeleton rows={4} label={t`Checking the chosen groups`} />
      )}
    </Stack>
  );
}

/** One sentence that agrees with the alerts below it: nothing is sent while a group has a problem. */
export function reviewHeadline(review: Review): string {
  if (review.toSend === 0) return tGlobal`Nothing left to import.`;
  if (review.errors === 0)
    return plural(review.toSend, { one: '# group will be imported as local groups.', other: '# groups will be imported as local groups.' });
  const ready = formatNumber(review.ready);
  const readyText = plural(review.toSend, { one: `${ready} of # group ready.`, other: `${ready} of # groups ready.` });
  const blockedText = plural(review.errors, {
    one: 'Nothing is imported until the # group with a problem is fixed or removed.',
    other: 'Nothing is imported until the # groups with a problem are fixed or removed.',
  });
  return `${readyText} ${blockedText}`;
}

function ReviewSummary({ review, checking, onFix }: { review: Review; checking: boolean; onFix: () => void }) {
  const errorRows = review.rows.filter((row) => row.problems.some((problem) => problem.level === 'error'));
  const { t } = useLingui();
  const moreErrors = errorRows.length - 5;
  return (
    <Stack gap="xs">
      <Text size="sm" role="status">
        {reviewHeadline(review)}
        {checking ? ` ${t`Checking against the latest local groups…`}` : ''}
      </Text>
      {errorRows.length > 0 ? (
        <Alert
          color="red"
          variant="light"
          role="alert"
          title={plural(errorRows.length, { one: '# group cannot be imported as chosen', other: '# groups cannot be imported as chosen' })}
        >
          {/* Which groups; what stops each is said once, in the table's Check column. */}
          <Text size="sm">
            <Trans>What stops each one is in the Check column below.</Trans>
          </Text>
          <List size="sm" spacing={2}>
            {errorRows.slice(0, 5).map((row) => (
              <List.Item key={row.id} style={{ overflowWrap: 'anywhere' }}>
                <Bdi title={row.name}>{clip(row.name, 60)}</Bdi>
              </List.Item>
            ))}
          </List>
          {errorRows.length > 5 ? (
            <Text size="sm" mt={4}>
              <Trans>…and {moreErrors} more, flagged in the table.</Trans>
            </Text>
          ) : null}
          <Group mt="sm">
            <Button size="xs" variant="white" color="red" onClick={onFix}>
              <Trans>Fix in Assign roles</Trans>
            </Button>
          </Group>
        </Alert>
      ) : null}
      {review.warnings > 0 ? (
        <Alert
          color="yellow"
          variant="light"
          title={plural(review.warnings, { one: '# group with a note', other: '# groups with a note' })}
        >
          <Text size="sm">
            <Trans>See the notes in the table. Groups already linked to a local group are skipped: nothing is created for them.</Trans>
          </Text>
        </Alert>
      ) : null}
    </Stack>
  );
}
