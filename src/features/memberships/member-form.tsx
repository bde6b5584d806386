import { zodResolver } from '@hookform/resolvers/zod';
import { t } from '@lingui/core/macro';
import { Trans, useLingui } from '@lingui/react/macro';
import { Alert, Autocomplete, Button, Group, Loader, Modal, Stack, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { keepPreviousData, useIsMutating, useMutation, useQuery } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import { Controller, useForm, type UseFormReturn } from 'react-hook-form';
import { errorMessage, splitFormErrors } from '../../api/errors';
import { REMOTE_SEARCH_CAP, REMOTE_SEARCH_MIN_LENGTH, remoteUserQueries } from '../../api/remote-user-queries';
import { groupQueries } from '../../api/group-queries';
import { offeringQueries } from '../../api/offering-queries';
import type { OfferingMembership, RemoteUser } from '../../api/types';
import { FormErrors } from '../../components/error-alert';
import { pendingGuard } from '../../components/pending-guard';
import { isolate } from '../../lib/bidi';
import { formatNumber } from '../../lib/format';
import { useFormDraft } from '../../lib/form-draft';
import { GroupFields } from './group-fields';
import { notifyVerdict } from '../member-drift/notify-verdict';
import { FormButtons } from '../../components/form-buttons';
import { isWarning, verdictText, type AccessVerdict } from '../member-drift/access-verdicts';
import { memberMutationKeys, memberMutations, type MemberRef, type MemberSaveResult } from './member-mutations';
import { MEMBER_FIELDS, emptyMember, memberSchema, type MemberValues } from './member-schema';
import { Bdi } from '../../components/bidi-text';

/**
 * One form, three uses: "Add member" (any username, with suggestions from Keycloak), "Add to
 * group" for a remote user found by search (username fixed), and "Change group" (add the new
 * membership, then remove the old one).
 */
export type MemberFormMode =
  { kind: 'add' } | { kind: 'user'; username: string; email: string; fullName?: string } | { kind: 'change'; member: MemberRef };

type Props = {
  offeringUuid: string;
  mode: MemberFormMode | null;
  onClose: () => void;
};

const clip: React.CSSProperties = { overflowWrap: 'anywhere' };

export function draftKey(offeringUuid: string): string {
  return `add-member.${offeringUuid}`;
}

function title(mode: MemberFormMode): React.ReactNode {
  if (mode.kind === 'add') return <Trans>Add member</Trans>;
  // Names as elements in <Trans>, not strings: Lingui would read markup in a string value as its own tags.
  const username = <Bdi>{mode.kind === 'user' ? mode.username : mode.member.username}</Bdi>;
  if (mode.kind === 'user')
    return (
      <span style={clip}>
        <Trans>Add {username} to a group</Trans>
      </span>
    );
  return (
    <span style={clip}>
      <Trans>Change group of {username}</Trans>
    </span>
  );
}

export function MemberFormDialog({ offeringUuid, mode, onClose }: Props) {
  const pending = useIsMutating({ mutationKey: memberMutationKeys.form(offeringUuid) }) > 0;
  const formKey = mode ? (mode.kind === 'add' ? 'add' : mode.kind === 'user' ? `user:${mode.username}` : `change:${mode.member.uuid}`) : '';
  return (
    <Modal opened={mode !== null} {...pendingGuard(pending, onClose)} size="lg" title={mode ? title(mode) : ''}>
      {mode ? <MemberForm key={formKey} offeringUuid={offeringUuid} mode={mode} onClose={onClose} /> : null}
    </Modal>
  );
}

function activeOrPending(member: OfferingMembership): string {
  return member.state === 'active'
    ? t`The user exists in Keycloak and was added to the Keycloak group.`
    : t`Pending: the user does not exist in Keycloak yet. Waldur activates the membership when it finds them.`;
}

function MemberForm({ offeringUuid, mode, onClose }: { offeringUuid: string; mode: MemberFormMode; onClose: () => void }) {
  const { t } = useLingui();
  const offering = useQuery(offeringQueries.detail(offeringUuid));
  const form = useForm<MemberValues>({
    resolver: zodResolver(memberSchema),
    defaultValues: {
      ...emptyMember,
      ...(mode.kind === 'user' ? { username: mode.username, email: mode.email } : {}),
      ...(mode.kind === 'change' ? { username: mode.member.username, email: mode.member.email } : {}),
    },
  });
  const draft = useFormDraft(draftKey(offeringUuid), form, mode.kind === 'add');
  const sending = useRef(false);
  const [halfDone, setHalfDone] = useState<Extract<MemberSaveResult, { removed: false }> | null>(null);
  const old = mode.kind === 'change' ? mode.member : null;
  const oldGroupCount = useQuery({
    ...groupQueries.memberCount(offeringUuid, old?.groupUuid ?? ''),
    enabled: Boolean(old?.groupUuid),
  });
  const oldIsLast = old !== null && oldGroupCount.data !== undefined && oldGroupCount.data <= 1;

  const close = () => {
    draft.clear();
    onClose();
  };

  const notifyMoved = (added: OfferingMembership, verdict: AccessVerdict | null) => {
    const username = isolate(added.username);
    const groupName = isolate(added.group_name);
    const outcome = activeOrPending(added);
    const oldGroup = verdict && !isWarning(verdict.level) ? verdictText(verdict) : null;
    notifications.show({
      color: 'teal',
      title: t`${username} moved to ${groupName}`,
      message: oldGroup === null ? outcome : t`${outcome} Old group: ${oldGroup}`,
    });
    // Keycloak still granting the old group's access, or unreadable, gets its own note that stays.
    if (verdict && isWarning(verdict.level)) notifyVerdict(verdict);
  };

  // The lists are fetched again (meta.invalidates) before onSuccess, half-way stops included.
  const save = useMutation({
    ...memberMutations.save(offeringUuid, { uuid: offeringUuid, url: offering.data?.url }),
    onSuccess: (result) => {
      const { added } = result;
      if (!result.removed) {
        setHalfDone(result);
        return;
      }
      draft.clear();
      if (old) notifyMoved(added, result.oldVerdict);
      else {
        const username = isolate(added.username);
        const groupName = isolate(added.group_name);
        notifications.show({
          color: added.state === 'active' ? 'teal' : 'yellow',
          title: t`${username} added to ${groupName}`,
          message: activeOrPending(added),
        });
      }
      onClose();
    },
    onError: (error) => {
      const { fields } = splitFormErrors(error, MEMBER_FIELDS);
      for (const [field, message] of Object.entries(fields)) form.setError(field as keyof MemberValues, { type: 'server', message });
    },
  });

  const retryRemove = useMutation({
    ...memberMutations.removeOld(offeringUuid),
    onSuccess: (verdict) => {
      if (halfDone) notifyMoved(halfDone.added, verdict);
      onClose();
    },
  });

  // The callback runs on submit, not while rendering: handleSubmit only wraps it.
  // eslint-disable-next-line react-hooks/refs -- `sending` is read when the form is submitted
  const submit = form.handleSubmit(async (values) => {
    // One click, one request: a second submit while the first is in flight is ignored.
    if (sending.current) return;
    sending.current = true;
    try {
      await save.mutateAsync({ values, old }).catch(() => undefined);
    } finally {
      sending.current = false;
    }
  });

  const formMessages = save.error ? splitFormErrors(save.error, MEMBER_FIELDS).form : [];
  const submitLabel = mode.kind === 'add' ? t`Add member` : mode.kind === 'user' ? t`Add to group` : t`Change group`;

  // Names as elements in <Trans>, not strings: Lingui would read markup in a string value as its own tags.
  const username = <Bdi>{old?.username}</Bdi>;
  const oldGroupName = <Bdi>{old?.groupName}</Bdi>;
  if (halfDone && old) {
    const newGroupName = <Bdi>{halfDone.added.group_name}</Bdi>;
    const failure = <>{errorMessage(retryRemove.error ?? halfDone.removeError)}</>;
    return (
      <Stack gap="sm">
        <Alert color="orange" variant="light" title={t`Added to the new group, but the old membership is still there`} role="alert">
          <Stack gap="xs">
            <Text size="sm" style={clip}>
              <Trans>
                {username} is now a member of “{newGroupName}”, but removing them from “{oldGroupName}” failed: {failure}
              </Trans>
            </Text>
            <Text size="sm">
              <Trans>Both memberships are listed now. Try removing the old one again, or remove it later from the members table.</Trans>
            </Text>
          </Stack>
        </Alert>
        <Group justify="flex-end">
          <Button variant="default" onClick={close}>
            <Trans>Keep both for now</Trans>
          </Button>
          <Button color="red" loading={retryRemove.isPending} onClick={() => retryRemove.mutate(old)}>
            <Trans>Remove old membership</Trans>
          </Button>
        </Group>
      </Stack>
    );
  }

  return (
    <form noValidate onSubmit={(event) => void submit(event)} aria-label={submitLabel}>
      <Stack gap="sm">
        {old ? (
          <Stack gap={4}>
            <Text size="sm" style={clip}>
              <Trans>Current group: {oldGroupName}</Trans>
            </Text>
            <Text size="sm" c="dimmed">
              <Trans>Memberships cannot be edited: the user is added to the new group first, then removed from the current one.</Trans>
            </Text>
            {oldIsLast ? (
              <Alert color="orange" variant="light" role="note">
                <Text size="sm" style={clip}>
                  <Trans>
                    {username} is the last member of “{oldGroupName}”: that group will be deleted in Waldur and Keycloak.
                  </Trans>
                </Text>
              </Alert>
            ) : null}
          </Stack>
        ) : null}
        {mode.kind === 'add' ? (
          <UsernameField offeringUuid={offeringUuid} form={form} label={usernameLabelOf(offering.data)} />
        ) : (
          <TextInput label={usernameLabelOf(offering.data)} value={form.getValues('username')} readOnly variant="filled" />
        )}
        <TextInput
          label={t`Email`}
          withAsterisk
          type="email"
          autoComplete="off"
          description={mode.kind === 'add' ? undefined : t`Waldur sends notifications here.`}
          {...form.register('email')}
          error={form.formState.errors.email?.message}
        />
        <GroupFields offeringUuid={offeringUuid} form={form} excludeGroupUuid={old?.groupUuid} />
        <FormErrors messages={formMessages} />
        <FormButtons pending={save.isPending} onCancel={close} submitLabel={submitLabel} />
      </Stack>
    </form>
  );
}

function matches(user: RemoteUser, needle: string): boolean {
  return [user.username, user.email, user.first_name, user.last_name].some((value) => value?.toLowerCase().includes(needle));
}

/**
 * Whom Waldur would add for `username`, when Keycloak has no user with exactly that name: Waldur's
 * `find_user_by_username` asks Keycloak for `?username=` without `exact`, a substring match, and
 * takes the first hit. `null` when there is an exact match or no username contains the text.
 */
export function substituteUser(username: string, users: readonly RemoteUser[]): RemoteUser | null {
  const needle = username.trim().toLowerCase();
  if (!needle || users.some((user) => user.username.toLowerCase() === needle)) return null;
  return users.find((user) => user.username.toLowerCase().includes(needle)) ?? null;
}

/** What the offering calls a username (`plugin_options.keycloak_username_label`), else "Username". */
function usernameLabelOf(offering: { plugin_options?: unknown } | undefined): string {
  const label = (offering?.plugin_options as Record<string, unknown> | null | undefined)?.keycloak_username_label;
  return typeof label === 'string' && label.trim() !== '' ? label.trim() : t`Username`;
}

/** Username with suggestions from Keycloak; picking one fills the email. */
function UsernameField({ offeringUuid, form, label }: { offeringUuid: string; form: UseFormReturn<MemberValues>; label: string }) {
  const { t } = useLingui();
  const value = form.watch('username');
  const text = value.trim();
  const [debounced] = useDebouncedValue(text, 300);
  const search = useQuery({ ...remoteUserQueries.search(offeringUuid, debounced), placeholderData: keepPreviousData });
  const needle = text.toLowerCase();
  const users =
    text.length >= REMOTE_SEARCH_MIN_LENGTH ? (search.data?.users ?? []).filter((user) => matches(user, needle)).slice(0, 8) : [];
  const byUsername = new Map(users.map((user) => [user.username, user]));
  const [picked, setPicked] = useState<RemoteUser | null>(null);
  // Only an answer for exactly this text can tell whether Keycloak has the user.
  const answer = search.data && !search.isPlaceholderData && search.data.q === text ? search.data : null;
  const substitute = answer ? substituteUser(text, answer.users) : null;
  const minLength = formatNumber(REMOTE_SEARCH_MIN_LENGTH);

  const cap = formatNumber(REMOTE_SEARCH_CAP);
  // Names as elements in <Trans>, not strings: Lingui would read markup in a string value as its own tags.
  const typed = <Bdi>{text}</Bdi>;
  const substituteName = <Bdi>{substitute?.username}</Bdi>;
  const substituteEmail = substitute?.email ? (
    <>
      {' '}
      (<Bdi>{substitute.email}</Bdi>)
    </>
  ) : null;
  return (
    <Stack gap={6}>
      <Controller
        control={form.control}
        name="username"
        render={({ field, fieldState }) => (
          <Autocomplete
            label={label}
            withAsterisk
            description={
              search.error && !search.isFetching
                ? t`Suggestions are unavailable: Keycloak could not be searched.`
                : picked && picked.username === value && !picked.email
                  ? t`This user has no email in Keycloak: enter one.`
                  : t`Type ${minLength} or more characters to find users in Keycloak. A user who does not exist there yet stays pending until they do.`
            }
            autoComplete="off"
            data={users.map((user) => user.username)}
            filter={({ options }) => options}
            value={field.value}
            onChange={field.onChange}
            onBlur={field.onBlur}
            ref={field.ref}
            error={fieldState.error?.message}
            rightSection={search.isFetching ? <Loader size="xs" aria-label={t`Searching Keycloak`} /> : null}
            onOptionSubmit={(username) => {
              const user = byUsername.get(username) ?? null;
              setPicked(user);
              if (user?.email) form.setValue('email', user.email, { shouldDirty: true, shouldValidate: form.formState.isSubmitted });
            }}
            renderOption={({ option }) => {
              const user = byUsername.get(option.value);
              const name = user ? [user.first_name, user.last_name].filter(Boolean).join(' ') : '';
              return (
                <Stack gap={0} style={{ minWidth: 0 }}>
                  <Text size="sm" style={clip}>
                    {option.value}
                  </Text>
                  <Text size="xs" c="dimmed" style={clip}>
                    {name ? <Bdi>{name}</Bdi> : null}
                    {name ? ' · ' : null}
                    {user?.email || t`no email`}
                  </Text>
                </Stack>
              );
            }}
          />
        )}
      />
      {substitute && answer ? (
        <Alert color="orange" variant="light" role="note" title={t`Waldur may add another user`}>
          <Text size="sm" style={clip}>
            {answer.users.length >= REMOTE_SEARCH_CAP ? (
              <Trans>
                Keycloak has no user “{typed}” among its first {cap} matches. Waldur adds the first user whose username contains it:{' '}
                {substituteName}
                {substituteEmail}. Check the username before adding.
              </Trans>
            ) : (
              <Trans>
                Keycloak has no user “{typed}”. Waldur adds the first user whose username contains it: {substituteName}
                {substituteEmail}. Check the username before adding.
              </Trans>
            )}
          </Text>
        </Alert>
      ) : null}
    </Stack>
  );
}
