import { zodResolver } from '@hookform/resolvers/zod';
import { Trans, useLingui } from '@lingui/react/macro';
import { Alert, Button, Group, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import { useForm } from 'react-hook-form';
import { errorMessage, splitFormErrors } from '../../api/errors';
import type { RancherMembership } from '../../api/types';
import { FormErrors } from '../../components/error-alert';
import { isolate } from '../../lib/bidi';
import { outcomeSentence, type Editing } from './form-parts';
import {
  MEMBERSHIP_FIELDS,
  createBody,
  membershipSchema,
  scopeUuidOf,
  serverFieldAliases,
  type MembershipValues,
} from './membership-schema';
import { scopeLabel } from './membership-columns';
import { moveOrder, rancherMutations, roleUrl, type MoveResult } from './mutations';
import { ScopeRoleFields, knownRole } from './scope-role-fields';
import { Bdi } from '../../components/bidi-text';

const clip: React.CSSProperties = { overflowWrap: 'anywhere' };

type HalfDone = Exclude<MoveResult, { status: 'moved' }>;

/**
 * Move: a new membership in the chosen scope and role replaces this one (Waldur changes only
 * username and email on an edit). Rancher's API has no view of Keycloak, so what the admin is
 * told is what Waldur answered, and no more.
 */
export function MoveForm({
  initial,
  editing,
  note,
  onClose,
}: {
  initial: MembershipValues;
  editing: Editing;
  note?: React.ReactNode;
  onClose: () => void;
}) {
  const { t } = useLingui();
  const queryClient = useQueryClient();
  const form = useForm<MembershipValues>({ resolver: zodResolver(membershipSchema), defaultValues: initial });
  const sending = useRef(false);
  const [unchanged, setUnchanged] = useState(false);
  const [halfDone, setHalfDone] = useState<HalfDone | null>(null);
  const old = editing.membership;
  const oldScope = scopeLabel(old);
  const oldRole = editing.roleName;
  const fromText = t`${oldScope} as ${oldRole}`;
  // Names as elements in <Trans>, not strings: Lingui would read markup in a string value as its own tags.
  const from = <>{fromText}</>;
  const username = <Bdi>{old.username}</Bdi>;
  const order = moveOrder(initial.role, form.watch('role'));

  const urlOfRole = (uuid: string) =>
    roleUrl(uuid, knownRole(queryClient, uuid)?.url ?? (uuid === initial.role ? editing.roleUrl : undefined));
  const body = () => createBody(form.getValues(), urlOfRole);

  // The lists are fetched again (meta.invalidates) before these callbacks run.
  const done = (added: RancherMembership) => {
    const addedUser = isolate(added.username);
    const addedScope = scopeLabel(added);
    const outcome = outcomeSentence(added);
    notifications.show({
      color: added.state === 'active' ? 'teal' : 'yellow',
      title: t`Moved ${addedUser} to ${addedScope}`,
      message: t`Waldur created the new membership and deleted the one in ${fromText}. ${outcome}`,
    });
    onClose();
  };

  const move = useMutation({
    ...rancherMutations.move(),
    onSuccess: (result) => {
      if (result.status === 'moved') return done(result.added);
      setHalfDone(result);
    },
    onError: (error) => {
      const { fields } = splitFormErrors(error, MEMBERSHIP_FIELDS, serverFieldAliases(form.getValues()));
      for (const [field, message] of Object.entries(fields)) form.setError(field as keyof MembershipValues, { type: 'server', message });
    },
  });
  // The second step again, after it failed: the form's choices are still there.
  const retry = useMutation({ ...rancherMutations.finishMove(), onSuccess: done });

  const submit = form.handleSubmit(async (values) => {
    if (sending.current) return;
    if (scopeUuidOf(values) === scopeUuidOf(initial) && values.role === initial.role) {
      setUnchanged(true);
      return;
    }
    setUnchanged(false);
    sending.current = true;
    try {
      await move.mutateAsync({ order, body: createBody(values, urlOfRole), oldUuid: old.uuid }).catch(() => undefined);
    } finally {
      sending.current = false;
    }
  });

  if (halfDone) {
    const notRemoved = halfDone.status === 'not-removed';
    const failure = <>{errorMessage(retry.error ?? (notRemoved ? halfDone.removeError : halfDone.addError))}</>;
    const newScope = <>{notRemoved ? scopeLabel(halfDone.added) : ''}</>;
    const isolatedUser = isolate(old.username);
    return (
      <Stack gap="sm">
        <Alert
          color={notRemoved ? 'orange' : 'red'}
          variant="light"
          role="alert"
          title={
            notRemoved
              ? t`The new membership exists, but the old one is still there`
              : t`The old membership was deleted, but the new one was not created`
          }
        >
          <Stack gap="xs">
            {notRemoved ? (
              <Text size="sm" style={clip}>
                <Trans>
                  Waldur created the membership of {username} in {newScope}, but deleting the one in {from} failed: {failure}
                </Trans>
              </Text>
            ) : (
              <Text size="sm" style={clip}>
                <Trans>
                  Waldur deleted the membership of {username} in {from}, but creating the new one failed: {failure}
                </Trans>
              </Text>
            )}
            <Text size="sm">
              {notRemoved
                ? t`Both memberships are listed now. Delete the old one again, or later from the table.`
                : t`${isolatedUser} has neither membership now. Your choice of scope and role is kept: create the new membership again.`}
            </Text>
          </Stack>
        </Alert>
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose} disabled={retry.isPending}>
            {notRemoved ? t`Keep both for now` : t`Close without it`}
          </Button>
          <Button
            color={notRemoved ? 'red' : undefined}
            loading={retry.isPending}
            onClick={() =>
              retry.mutate({ added: halfDone.status === 'not-removed' ? halfDone.added : null, body: body(), oldUuid: old.uuid })
            }
          >
            {notRemoved ? t`Delete the old membership` : t`Create the new membership`}
          </Button>
        </Group>
      </Stack>
    );
  }

  // Username and email are not fields of this form: their errors (the server's, or the schema's
  // for values stored before it) are said here.
  const { errors } = form.formState;
  const formMessages = [
    ...[errors.username?.message, errors.email?.message].filter((message): message is string => Boolean(message)),
    ...(move.error ? splitFormErrors(move.error, MEMBERSHIP_FIELDS, serverFieldAliases(form.getValues())).form : []),
  ];
  const groupName = <Bdi>{editing.groupName}</Bdi>;
  return (
    <form noValidate onSubmit={(event) => void submit(event)} aria-label={t`Move membership`}>
      <Stack gap="sm">
        <Text size="sm" style={clip}>
          <Trans>
            Now: {from} (group {groupName}). Choose where {username} goes.
          </Trans>
        </Text>
        {note}
        <ScopeRoleFields form={form} />
        <Alert color={order === 'remove-first' ? 'orange' : 'blue'} variant="light" role="note">
          <Text size="sm">
            {order === 'remove-first'
              ? t`Same role: Waldur allows one membership per username and role, whatever the scope, so the current membership is deleted first and the new one created after. If creating fails, the user has neither until you try again.`
              : t`The new membership is created first, then the current one is deleted: if the delete fails, both stay and you can delete the old one again.`}
          </Text>
        </Alert>
        {unchanged ? (
          <Alert color="gray" variant="light" role="status">
            <Text size="sm">
              <Trans>Nothing to move: choose another scope or role.</Trans>
            </Text>
          </Alert>
        ) : null}
        <FormErrors messages={formMessages} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose} disabled={move.isPending}>
            <Trans>Cancel</Trans>
          </Button>
          <Button type="submit" loading={move.isPending}>
            {order === 'remove-first' ? t`Delete and re-create` : t`Move`}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
