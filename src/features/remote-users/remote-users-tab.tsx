import { plural } from '@lingui/core/macro';
import { Trans, useLingui } from '@lingui/react/macro';
import { Badge, Button, Group, Loader, Pagination, Skeleton, Stack, Table, Text, TextInput, Tooltip, VisuallyHidden } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useId, useRef, useState } from 'react';
import { isRefusedByKeycloak } from '../../api/keycloak-refusal';
import { REMOTE_SEARCH_CAP, REMOTE_SEARCH_MIN_LENGTH, remoteUserQueries, type RemoteSearchAnswer } from '../../api/remote-user-queries';
import type { OfferingMembership, RemoteUser } from '../../api/types';
import { EmptyState } from '../../components/empty-state';
import { ErrorAlert } from '../../components/error-alert';
import { isolate, showControls } from '../../lib/bidi';
import { formatTime } from '../../lib/format';
import { personName } from '../../lib/person-fields';
import type { OfferingPermission } from '../../lib/offering-permission';
import { useUrlState } from '../../lib/use-url-state';
import classes from './remote-users.module.css';
import { RESULTS_PAGE_SIZE, latestSearch, remoteUserMemberQueries, remoteUsersSearchSchema } from './queries';
import { Bdi } from '../../components/bidi-text';
import { membershipTone, STATE_LOOK } from '../../components/state-look';

type Props = {
  offeringUuid: string;
  permission: OfferingPermission;
  /** The row action: open "Add to group" for this user (composed by the route). */
  onAddToGroup: (user: RemoteUser) => void;
};

type Results = RemoteSearchAnswer;

const clip: React.CSSProperties = { overflowWrap: 'anywhere' };

/**
 * Search Keycloak users as you type. The text is debounced into the URL; each text is its own
 * query (key), whose AbortSignal cancels it once the text moves on, so an older answer can
 * never be shown for a newer text. While a search runs, the previous results stay, labelled
 * with their text; when Keycloak cannot be reached, the last results stay, marked stale.
 */
export function RemoteUsersTab({ offeringUuid, permission, onAddToGroup }: Props) {
  const [state, setState] = useUrlState(remoteUsersSearchSchema);
  const [text, setText] = useState(state.q);
  const [debounced] = useDebouncedValue(text.trim(), 300);
  const hintId = useId();
  const inputRef = useRef<HTMLInputElement>(null);
  const { t } = useLingui();
  const minLength = REMOTE_SEARCH_MIN_LENGTH;

  // The debounced text goes to the URL (replace: typing is not history).
  useEffect(() => {
    if (debounced !== state.q) setState({ q: debounced, page: 1 }, { replace: true });
  }, [debounced, state.q, setState]);

  const q = state.q;
  const tooShort = q.length < REMOTE_SEARCH_MIN_LENGTH;
  // Waldur answers 403 to every search by a user who cannot manage the offering: send none.
  const forbidden = !permission.canManage && permission.reason !== null;
  const searchOptions = remoteUserQueries.search(offeringUuid, q);
  const search = useQuery({
    ...searchOptions,
    enabled: !forbidden && searchOptions.enabled !== false,
    placeholderData: keepPreviousData,
  });

  // The last answer that really arrived (the cache keeps every search's), shown stale when a later search fails.
  const queryClient = useQueryClient();
  const lastGood = search.isError ? latestSearch(queryClient, offeringUuid) : null;

  const current = !tooShort && search.data && !search.isPlaceholderData && search.data.q === q ? search.data : null;
  const failed = !tooShort && !forbidden && search.isError;
  const shown: Results | null = tooShort
    ? null
    : (current ?? (search.isPlaceholderData ? (search.data ?? null) : failed ? lastGood : null));
  const stale = shown !== null && shown !== current;
  const waiting = !tooShort && search.isFetching;

  return (
    <Stack gap="sm">
      <TextInput
        ref={inputRef}
        label={t`Search remote users`}
        description={
          forbidden
            ? `${permission.reason} ${t`Searching its Keycloak users needs the same rights.`}`
            : t`Username, email, first or last name; at least ${minLength} characters.`
        }
        disabled={forbidden}
        placeholder={t`e.g. alice or @example.org`}
        value={text}
        onChange={(event) => setText(event.currentTarget.value)}
        onKeyDown={(event) => {
          if (event.key === 'ArrowDown' && shown && shown.users.length > 0) {
            event.preventDefault();
            focusRow(0);
          }
        }}
        rightSection={waiting ? <Loader size="xs" aria-label={t`Searching`} /> : null}
        maw={520}
        aria-describedby={shown && shown.users.length > 0 ? hintId : undefined}
        type="search"
        autoComplete="off"
      />
      {!forbidden && text.trim().length < REMOTE_SEARCH_MIN_LENGTH ? (
        <Text size="sm" c="dimmed" role="status">
          {text.trim().length === 0
            ? t`Type at least ${minLength} characters to search the users in this offering’s Keycloak.`
            : t`Type at least ${minLength} characters: Waldur needs a search text, and a single character matches too many users.`}
        </Text>
      ) : null}
      {failed ? (
        isRefusedByKeycloak(search.error) ? (
          <ErrorAlert
            error={search.error}
            title={t`Could not reach Keycloak`}
            hint={
              lastGood
                ? t`The results below are from an earlier search and may be out of date. Check the offering’s Keycloak settings with Test connection, then retry.`
                : t`Check the offering’s Keycloak settings with Test connection, then retry.`
            }
            onRetry={() => void search.refetch()}
          />
        ) : (
          <ErrorAlert error={search.error} onRetry={() => void search.refetch()} />
        )
      ) : null}
      {shown ? (
        <ResultsTable
          key={shown.q}
          page={shown.q === q ? state.page : 1}
          onPage={(page) => setState({ page }, { replace: true })}
          offeringUuid={offeringUuid}
          results={shown}
          stale={stale}
          staleReason={failed ? 'failed' : 'searching'}
          pendingQuery={q}
          permission={permission}
          onAddToGroup={onAddToGroup}
          hintId={hintId}
          onLeaveTop={() => inputRef.current?.focus()}
        />
      ) : !forbidden && !tooShort && search.isPending && !failed ? (
        <Stack gap="xs" role="status" aria-label={t`Searching`}>
          <Skeleton height={30} />
          <Skeleton height={30} />
          <Skeleton height={30} />
        </Stack>
      ) : null}
    </Stack>
  );
}

function rows(): HTMLElement[] {
  return Array.from(document.querySelectorAll<HTMLElement>('[data-result-row]'));
}

function focusRow(index: number) {
  const all = rows();
  const target = all[Math.max(0, Math.min(index, all.length - 1))];
  target?.focus();
}

type TableProps = {
  page: number;
  onPage: (page: number) => void;
  offeringUuid: string;
  results: Results;
  stale: boolean;
  staleReason: 'failed' | 'searching';
  pendingQuery: string;
  permission: OfferingPermission;
  onAddToGroup: (user: RemoteUser) => void;
  hintId: string;
  onLeaveTop: () => void;
};

function ResultsTable({
  page: requested,
  onPage,
  offeringUuid,
  results,
  stale,
  staleReason,
  pendingQuery,
  permission,
  onAddToGroup,
  hintId,
  onLeaveTop,
}: TableProps) {
  const pages = Math.max(1, Math.ceil(results.users.length / RESULTS_PAGE_SIZE));
  const page = Math.min(requested, pages);
  const visible = results.users.slice((page - 1) * RESULTS_PAGE_SIZE, page * RESULTS_PAGE_SIZE);
  const [active, setActive] = useState(0);
  const canAdd = permission.canManage;
  const { t } = useLingui();
  const query = results.q;
  const shownQuery = isolate(results.q);
  const shownPendingQuery = isolate(pendingQuery);
  const cap = REMOTE_SEARCH_CAP;
  const time = formatTime(results.at);
  const members = useQuery(
    remoteUserMemberQueries.membersAmong(
      offeringUuid,
      visible.map((user) => user.username),
    ),
  );

  if (results.users.length === 0) {
    return (
      <EmptyState
        title={t`No user in Keycloak matches “${shownQuery}”`}
        description={
          stale
            ? undefined
            : t`You can still add a member with any username: the membership stays pending until the user exists in Keycloak.`
        }
      />
    );
  }

  const onKeyDown = (event: React.KeyboardEvent<HTMLTableSectionElement>) => {
    const all = rows();
    const index = all.indexOf(document.activeElement as HTMLElement);
    if (index < 0) return;
    if (event.key === 'ArrowDown') {
      event.preventDefault();
      focusRow(index + 1);
    } else if (event.key === 'ArrowUp') {
      event.preventDefault();
      if (index === 0) onLeaveTop();
      else focusRow(index - 1);
    } else if (event.key === 'Home') {
      event.preventDefault();
      focusRow(0);
    } else if (event.key === 'End') {
      event.preventDefault();
      focusRow(all.length - 1);
    } else if (event.key === 'Enter' && event.target === all[index]) {
      event.preventDefault();
      const user = visible[index];
      if (user && canAdd) onAddToGroup(user);
    }
  };

  return (
    <Stack gap="xs">
      <Group gap="xs" justify="space-between" wrap="wrap">
        <Group gap="xs">
          <Text size="sm" aria-live="polite">
            {plural(results.users.length, { one: '# user', other: '# users' })}{' '}
            <Trans>
              matching “<Bdi>{query}</Bdi>”
            </Trans>
          </Text>
          {results.users.length >= REMOTE_SEARCH_CAP ? (
            <Text size="sm" c="dimmed">
              <Trans>Showing the first {cap} matches; type more to narrow.</Trans>
            </Text>
          ) : null}
          {stale ? (
            <Tooltip
              label={
                staleReason === 'failed'
                  ? t`These results are from ${time}; the latest search failed.`
                  : t`Searching for “${shownPendingQuery}”…`
              }
            >
              <Badge color={staleReason === 'failed' ? 'orange' : 'gray'} variant="light" tabIndex={0}>
                {staleReason === 'failed' ? t`Stale: from ${time}` : t`Previous results`}
              </Badge>
            </Tooltip>
          ) : null}
        </Group>
        <Text size="xs" c="dimmed" id={hintId}>
          <Trans>Arrow keys move through the results; Enter adds the user to a group.</Trans>
        </Text>
      </Group>
      <Table.ScrollContainer minWidth={800}>
        <Table
          highlightOnHover
          aria-label={stale ? t`Remote users matching “${query}” (stale)` : t`Remote users matching “${query}”`}
          aria-describedby={hintId}
          // Dimmed while a newer search runs; after a failure the rows stay readable (the badge says stale).
          style={{ opacity: stale && staleReason === 'searching' ? 0.6 : 1 }}
          className={stale && staleReason === 'failed' ? classes.stale : undefined}
          aria-busy={stale && staleReason === 'searching'}
        >
          <Table.Thead>
            <Table.Tr>
              <Table.Th>
                <Trans>Username</Trans>
              </Table.Th>
              <Table.Th>
                <Trans>Full name</Trans>
              </Table.Th>
              <Table.Th>
                <Trans>Email</Trans>
              </Table.Th>
              <Table.Th>
                <Trans>Groups in this offering</Trans>
              </Table.Th>
              <Table.Th>
                <VisuallyHidden>
                  <Trans>Actions</Trans>
                </VisuallyHidden>
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody onKeyDown={onKeyDown}>
            {visible.map((user, index) => {
              const name = personName(user);
              const username = isolate(user.username);
              return (
                <Table.Tr
                  key={user.id || user.username}
                  data-result-row
                  tabIndex={index === active ? 0 : -1}
                  onFocus={() => setActive(index)}
                  className={classes.row}
                >
                  <Table.Td maw={220}>
                    <Text size="sm" fw={500} style={clip}>
                      <Bdi>{user.username}</Bdi>
                    </Text>
                  </Table.Td>
                  <Table.Td maw={260}>
                    <Text size="sm" style={clip} lineClamp={2} title={showControls(name)}>
                      {name ? <Bdi>{name}</Bdi> : '—'}
                    </Text>
                  </Table.Td>
                  <Table.Td maw={240}>
                    <Text size="sm" style={clip}>
                      {user.email ? <Bdi>{user.email}</Bdi> : '—'}
                    </Text>
                  </Table.Td>
                  <Table.Td maw={320}>
                    <UserGroups username={user.username} memberships={members.data?.[user.username]} failed={members.isError} />
                  </Table.Td>
                  <Table.Td w={140}>
                    <Tooltip label={permission.reason ?? ''} disabled={canAdd || !permission.reason} multiline w={260}>
                      <Button
                        size="xs"
                        variant="light"
                        tabIndex={-1}
                        disabled={!canAdd}
                        onClick={() => onAddToGroup(user)}
                        aria-label={t`Add ${username} to group`}
                      >
                        <Trans>Add to group</Trans>
                      </Button>
                    </Tooltip>
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {pages > 1 ? (
        <Group justify="flex-end">
          <Pagination
            size="sm"
            total={pages}
            value={page}
            onChange={(next) => {
              onPage(next);
              setActive(0);
            }}
            getItemProps={(item) => ({ 'aria-label': t`Results page ${item}` })}
            getControlProps={(control) => ({
              'aria-label': {
                first: t`First results page`,
                previous: t`Previous results page`,
                next: t`Next results page`,
                last: t`Last results page`,
              }[control],
            })}
          />
        </Group>
      ) : null}
    </Stack>
  );
}

/** The local groups of this offering the user already belongs to. */
function UserGroups({ username, memberships, failed }: { username: string; memberships?: OfferingMembership[]; failed: boolean }) {
  const { t, i18n } = useLingui();
  const shownUsername = isolate(username);
  if (memberships) {
    if (memberships.length === 0)
      return (
        <Text size="sm" c="dimmed">
          <Trans>None</Trans>
        </Text>
      );
    return (
      <Group gap={4}>
        {memberships.map((membership) => {
          const label = [membership.group_role_name, membership.group_resource_name, membership.group_scope_id].filter(Boolean).join(' · ');
          // A pending or erring membership in the words and colour of the members lists; an active one plain.
          const tone = membershipTone(membership);
          const stateWord = i18n._(STATE_LOOK[tone].label);
          return (
            <Badge
              key={membership.uuid}
              variant="light"
              color={tone === 'active' ? 'indigo' : STATE_LOOK[tone].color}
              title={showControls(membership.group_name)}
              style={{ maxWidth: 300, textTransform: 'none' }}
            >
              <Bdi>{label || membership.group_name}</Bdi>
              {tone === 'active' ? '' : ` (${stateWord})`}
            </Badge>
          );
        })}
      </Group>
    );
  }
  if (failed)
    return (
      <Text size="sm" c="dimmed">
        <Trans>Could not load</Trans>
      </Text>
    );
  return <Skeleton height={18} width={120} aria-label={t`Loading groups of ${shownUsername}`} />;
}
