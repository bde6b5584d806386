import { zodResolver } from '@hookform/resolvers/zod';
import { t } from '@lingui/core/macro';
import { Trans, useLingui } from '@lingui/react/macro';
import { Alert, Button, Group, Modal, Stack, Text, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useIsMutating, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import { useForm } from 'react-hook-form';
import { ApiError, splitFormErrors } from '../../api/errors';
import type { RancherMembership, RoleTemplate } from '../../api/types';
import { ErrorAlert, FormErrors } from '../../components/error-alert';
import { pendingGuard } from '../../components/pending-guard';
import { TableSkeleton } from '../../components/table-skeleton';
import { isolate } from '../../lib/bidi';
import { useFormDraft } from '../../lib/form-draft';
import {
  MEMBERSHIP_FIELDS,
  createBody,
  editPlan,
  emptyMembership,
  membershipSchema,
  serverFieldAliases,
  type EditPlan,
  type MembershipBody,
  type MembershipValues,
} from './membership-schema';
import { MoveForm } from './move-form';
import { invalidateMemberships, rancherMutationKeys, rancherMutations, roleUrl, type MembershipSave } from './mutations';
import { ReplaceForEmail } from './replace-for-email';
import { SCOPE_TYPE_WORD, clusterOfProject, isScopeType, rancherQueries, uuidFromUrl } from './queries';
import { outcomeSentence, type Editing } from './form-parts';
import { scopeLabel } from './membership-columns';
import { ScopeRoleFields, knownRole } from './scope-role-fields';
import { Bdi } from '../../components/bidi-text';

/** Add, edit (username and email) or move (scope and role: a new membership replaces this one). */
export type MembershipFormMode = { kind: 'add' } | { kind: 'edit' | 'move'; membership: RancherMembership };

type Props = { mode: MembershipFormMode | null; onClose: () => void };

const clip: React.CSSProperties = { overflowWrap: 'anywhere' };

export const ADD_DRAFT_KEY = 'rancher-membership.add';

function dialogTitle(mode: MembershipFormMode | null): React.ReactNode {
  if (!mode || mode.kind === 'add') return <Trans>Add membership</Trans>;
  const username = <Bdi>{mode.membership.username}</Bdi>;
  return (
    <span style={clip}>
      {mode.kind === 'edit' ? <Trans>Edit membership of {username}</Trans> : <Trans>Move membership of {username}</Trans>}
    </span>
  );
}

export function MembershipFormDialog({ mode, onClose }: Props) {
  const pending = useIsMutating({ mutationKey: rancherMutationKeys.form() }) > 0;
  return (
    <Modal opened={mode !== null} {...pendingGuard(pending, onClose)} size="lg" title={dialogTitle(mode)}>
      {mode?.kind === 'add' ? <MembershipForm key="add" initial={emptyMembership} onClose={onClose} /> : null}
      {mode && mode.kind !== 'add' ? (
        <EditMembership key={`${mode.kind}:${mode.membership.uuid}`} kind={mode.kind} membership={mode.membership} onClose={onClose} />
      ) : null}
    </Modal>
  );
}

/**
 * The edit and move forms need the membership's scope and role, which the membership does not
 * echo (they are write-only): they are read from its group, and a project's cluster from the project.
 */
function EditMembership({ kind, membership, onClose }: { kind: 'edit' | 'move'; membership: RancherMembership; onClose: () => void }) {
  const { t } = useLingui();
  const queryClient = useQueryClient();
  const current = useQuery(rancherQueries.detail(membership.uuid));
  const groupUuid = uuidFromUrl((current.data ?? membership).group);
  const group = useQuery({ ...rancherQueries.group(groupUuid), enabled: Boolean(groupUuid) && !current.error });
  const isProject = group.data?.scope_type === 'project';
  const projects = useQuery({ ...rancherQueries.allProjects(), enabled: isProject });
  // Only for the role's display name: the form does not wait for it.
  const roles = useQuery(rancherQueries.allRoleTemplates());

  const closeAndRefresh = () => {
    void invalidateMemberships(queryClient);
    onClose();
  };

  // Data first: once the form is open, a failed refetch (the membership deleted meanwhile) is
  // reported by the form itself, which keeps what was typed.
  if (!current.data && current.error instanceof ApiError && current.error.isNotFound) {
    return (
      <Stack gap="sm">
        <Alert color="orange" variant="light" role="alert" title={t`Membership deleted`}>
          <Text size="sm">
            <Trans>This membership no longer exists: it was deleted after the list was loaded.</Trans>
          </Text>
        </Alert>
        <Group justify="flex-end">
          <Button onClick={closeAndRefresh}>
            <Trans>Close and refresh the list</Trans>
          </Button>
        </Group>
      </Stack>
    );
  }
  const failed =
    (current.data ? null : current.error) ?? (group.data ? null : group.error) ?? (isProject && !projects.data ? projects.error : null);
  if (failed) {
    return (
      <ErrorAlert
        error={failed}
        title={t`Could not read the membership’s scope and role`}
        onRetry={() => {
          void current.refetch();
          void group.refetch();
          if (isProject) void projects.refetch();
        }}
      />
    );
  }
  if (!current.data || !group.data || (isProject && !projects.data)) return <TableSkeleton rows={4} label={t`Loading the membership`} />;

  const scopeType = group.data.scope_type;
  const project = isProject ? projects.data?.find((item) => item.uuid === group.data.scope_uuid) : undefined;
  const scopeMissing = isProject ? !project : !group.data.scope_name;
  const initial: MembershipValues = {
    username: current.data.username,
    email: current.data.email,
    cluster: isProject ? clusterOfProject(project) : group.data.scope_uuid,
    project: isProject && project ? project.uuid : '',
    role: uuidFromUrl(group.data.role),
  };
  const editing: Editing = {
    membership: current.data,
    groupUuid,
    roleUrl: group.data.role,
    groupName: group.data.name,
    roleName: roleName(roles.data?.find((role) => role.uuid === initial.role)) || current.data.group_role,
  };
  const scopeWord = isScopeType(scopeType) ? SCOPE_TYPE_WORD[scopeType] : scopeType || t`scope`;
  const note = scopeMissing ? (
    <Alert color="orange" variant="light" role="note">
      <Text size="sm">
        {kind === 'edit'
          ? t`The ${scopeWord} of this membership no longer exists in Waldur, and Waldur checks the scope on every edit: it will refuse to save. Delete the membership instead.`
          : t`The ${scopeWord} of this membership no longer exists in Waldur. Choose where the new membership goes.`}
      </Text>
    </Alert>
  ) : null;
  return kind === 'edit' ? (
    <MembershipForm initial={initial} editing={editing} note={note} onClose={onClose} />
  ) : (
    <MoveForm initial={initial} editing={editing} note={note} onClose={onClose} />
  );
}

function roleName(role: RoleTemplate | undefined): string {
  return role ? role.display_name || role.name : '';
}

/** Add (every field) and edit (username and email: the only fields Waldur changes on an edit). */
function MembershipForm({
  initial,
  editing,
  note,
  onClose,
}: {
  initial: MembershipValues;
  editing?: Editing;
  note?: React.ReactNode;
  onClose: () => void;
}) {
  const { t } = useLingui();
  const queryClient = useQueryClient();
  const form = useForm<MembershipValues>({ resolver: zodResolver(membershipSchema), defaultValues: initial });
  const draft = useFormDraft(ADD_DRAFT_KEY, form, !editing);
  const sending = useRef(false);
  const [unchanged, setUnchanged] = useState(false);
  const [gone, setGone] = useState(false);
  // An email change alone: Waldur refuses it, so the dialog offers the way that works.
  const [emailOnly, setEmailOnly] = useState<MembershipBody | null>(null);
  const errors = form.formState.errors;

  const urlOfRole = (uuid: string) =>
    roleUrl(uuid, knownRole(queryClient, uuid)?.url ?? (editing && uuid === initial.role ? editing.roleUrl : undefined));

  // The lists are fetched again (meta.invalidates) before these callbacks run, after a 404 too.
  const save = useMutation({
    ...rancherMutations.save<MembershipSave & { values: MembershipValues; plan: EditPlan | null }>(),
    onSuccess: (saved, input) => {
      draft.clear();
      const username = isolate(saved.username);
      const scopeType = isScopeType(saved.group_scope_type) ? SCOPE_TYPE_WORD[saved.group_scope_type] : saved.group_scope_type;
      const scopeName = isolate(saved.group_scope_name ?? '');
      notifications.show(
        editing
          ? {
              color: 'teal',
              title: t`Membership of ${username} saved`,
              message:
                input.plan?.kind === 'put' && input.plan.changed.includes('email')
                  ? t`Waldur saved the new username and email. It does not change Keycloak on an edit: the Keycloak group still holds the user it held.`
                  : t`Waldur saved the new username. It does not change Keycloak on an edit: the Keycloak group still holds the user it held.`,
            }
          : {
              color: saved.state === 'active' ? 'teal' : 'yellow',
              title: t`${username} added to ${scopeType} ${scopeName}`,
              message: outcomeSentence(saved),
            },
      );
      onClose();
    },
    onError: (error, input) => {
      if (editing && error instanceof ApiError && error.isNotFound) {
        setGone(true);
        return;
      }
      const { fields } = splitFormErrors(error, MEMBERSHIP_FIELDS, serverFieldAliases(input.values));
      for (const [field, message] of Object.entries(fields)) form.setError(field as keyof MembershipValues, { type: 'server', message });
    },
  });

  // The callback runs on submit, not while rendering: handleSubmit only wraps it.
  // eslint-disable-next-line react-hooks/refs -- `sending` is read when the form is submitted
  const submit = form.handleSubmit(async (submitted) => {
    // One click, one request: a second submit while the first is in flight is ignored.
    if (sending.current) return;
    const plan = editing ? editPlan(initial, submitted, urlOfRole) : null;
    if (editing && !plan) {
      setUnchanged(true);
      return;
    }
    setUnchanged(false);
    if (plan?.kind === 'email-only') {
      setEmailOnly(plan.body);
      return;
    }
    setGone(false);
    sending.current = true;
    try {
      const edit = editing && plan?.kind === 'put' ? { uuid: editing.membership.uuid, body: plan.body } : null;
      await save
        .mutateAsync({ values: submitted, plan, ...(edit ?? { uuid: null, body: createBody(submitted, urlOfRole) }) })
        .catch(() => undefined);
    } finally {
      sending.current = false;
    }
  });

  const formMessages = gone
    ? [t`This membership no longer exists: it was deleted after the list was loaded. Nothing was saved.`]
    : save.error
      ? splitFormErrors(save.error, MEMBERSHIP_FIELDS, serverFieldAliases(form.getValues())).form.map(explain)
      : [];

  const groupName = <Bdi>{editing?.groupName}</Bdi>;
  return (
    <form noValidate onSubmit={(event) => void submit(event)} aria-label={editing ? t`Edit membership` : t`Add membership`}>
      <Stack gap="sm">
        {editing ? (
          <Text size="sm" c="dimmed" style={clip}>
            <Trans>Group: {groupName}</Trans>
          </Text>
        ) : null}
        {note}
        <TextInput
          label={t`Username`}
          withAsterisk
          autoComplete="off"
          description={
            editing
              ? t`Waldur renames its own record only: it does not change the Keycloak group on an edit.`
              : t`The Keycloak username. A user who does not exist there yet stays pending until they do.`
          }
          {...form.register('username', { onChange: () => setEmailOnly(null) })}
          error={errors.username?.message}
        />
        <TextInput
          label={t`Email`}
          withAsterisk
          type="email"
          autoComplete="off"
          description={
            editing
              ? t`Waldur cannot change only the email: it refuses an edit that keeps the username and role. A new email alone is saved by removing the membership and adding it again, which you are offered on Save.`
              : undefined
          }
          {...form.register('email', { onChange: () => setEmailOnly(null) })}
          error={errors.email?.message}
        />
        {editing ? (
          <>
            <TextInput label={t`Scope`} value={scopeLabel(editing.membership)} readOnly variant="filled" />
            <TextInput
              label={t`Role`}
              value={editing.roleName}
              readOnly
              variant="filled"
              description={t`Waldur keeps a membership in its scope and role: to change them, use Move in the row’s menu.`}
            />
          </>
        ) : (
          <ScopeRoleFields form={form} />
        )}
        {unchanged ? (
          <Alert color="gray" variant="light" role="status">
            <Text size="sm">
              <Trans>Nothing to save: no field was changed.</Trans>
            </Text>
          </Alert>
        ) : null}
        {editing && emailOnly ? <ReplaceForEmail editing={editing} body={emailOnly} onDone={onClose} /> : null}
        <FormErrors messages={formMessages} />
        <Group justify="flex-end">
          <Button
            variant="default"
            onClick={() => {
              draft.clear();
              onClose();
            }}
            disabled={save.isPending}
          >
            <Trans>Cancel</Trans>
          </Button>
          <Button type="submit" loading={save.isPending}>
            {editing ? t`Save` : t`Add membership`}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** Waldur's duplicate check surprises: it is per username and role, whatever the scope. */
function explain(message: string): string {
  return /membership already exists/i.test(message)
    ? t`${message} Waldur allows one membership per username and role, whatever the cluster or project: find it with the Exact username filter.`
    : message;
}
