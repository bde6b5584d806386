import { zodResolver } from '@hookform/resolvers/zod';
import { Alert, Button, Group, Modal, Select, Stack, Text, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useIsMutating, useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import { Controller, useForm } from 'react-hook-form';
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
  roleFits,
  scopeTypeOf,
  serverFieldAliases,
  type EditPlan,
  type MembershipValues,
} from './membership-schema';
import { createMembership, invalidateMemberships, roleUrl, saveMembership } from './mutations';
import { SCOPE_TYPE_LABEL, clusterOfProject, rancherQueries, uuidFromUrl, type ScopeType } from './queries';

export type MembershipFormMode = { kind: 'add' } | { kind: 'edit'; membership: RancherMembership };

type Props = { mode: MembershipFormMode | null; onClose: () => void };

const clip: React.CSSProperties = { overflowWrap: 'anywhere' };

export const ADD_DRAFT_KEY = 'rancher-membership.add';

/** The form's writes, so that the dialog knows when one is in flight. */
const FORM_KEY = ['rancher-membership-form'];

export function MembershipFormDialog({ mode, onClose }: Props) {
  const pending = useIsMutating({ mutationKey: FORM_KEY }) > 0;
  return (
    <Modal
      opened={mode !== null}
      {...pendingGuard(pending, onClose)}
      size="lg"
      title={
        mode?.kind === 'edit' ? (
          <span style={clip}>
            Edit membership of <bdi>{mode.membership.username}</bdi>
          </span>
        ) : (
          'Add membership'
        )
      }
    >
      {mode?.kind === 'add' ? <MembershipForm key="add" initial={emptyMembership} onClose={onClose} /> : null}
      {mode?.kind === 'edit' ? <EditMembership key={mode.membership.uuid} membership={mode.membership} onClose={onClose} /> : null}
    </Modal>
  );
}

const GONE_MESSAGE = 'This membership no longer exists: it was deleted after the list was loaded. Nothing was saved.';

/**
 * The edit form needs the membership's scope and role, which the membership does not echo
 * (they are write-only): they are read from its group, and a project's cluster from the project.
 */
function EditMembership({ membership, onClose }: { membership: RancherMembership; onClose: () => void }) {
  const queryClient = useQueryClient();
  const current = useQuery(rancherQueries.detail(membership.uuid));
  const groupUuid = uuidFromUrl((current.data ?? membership).group);
  const group = useQuery({ ...rancherQueries.group(groupUuid), enabled: Boolean(groupUuid) && !current.error });
  const isProject = group.data?.scope_type === 'project';
  const projects = useQuery({ ...rancherQueries.allProjects(), enabled: isProject });

  const closeAndRefresh = () => {
    void invalidateMemberships(queryClient);
    onClose();
  };

  // Data first: once the form is open, a failed refetch (the membership deleted meanwhile) is
  // reported by the form itself, which keeps what was typed.
  if (!current.data && current.error instanceof ApiError && current.error.isNotFound) {
    return (
      <Stack gap="sm">
        <Alert color="orange" variant="light" role="alert" title="Membership deleted">
          <Text size="sm">This membership no longer exists: it was deleted after the list was loaded.</Text>
        </Alert>
        <Group justify="flex-end">
          <Button onClick={closeAndRefresh}>Close and refresh the list</Button>
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
        title="Could not read the membership’s scope and role"
        onRetry={() => {
          void current.refetch();
          void group.refetch();
          if (isProject) void projects.refetch();
        }}
      />
    );
  }
  if (!current.data || !group.data || (isProject && !projects.data)) return <TableSkeleton rows={4} label="Loading the membership" />;

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
  return (
    <MembershipForm
      initial={initial}
      editing={{ membership: current.data, groupUuid, roleUrl: group.data.role, groupName: group.data.name }}
      note={
        scopeMissing ? (
          <Alert color="orange" variant="light" role="note">
            <Text size="sm">
              The {scopeType || 'scope'} of this membership no longer exists in Waldur. Username and email can still be changed.
            </Text>
          </Alert>
        ) : null
      }
      onClose={onClose}
    />
  );
}

type Editing = { membership: RancherMembership; groupUuid: string; roleUrl: string; groupName: string };

/** Role templates any picker has loaded so far (role URL and compatibility checks on change). */
function knownRole(queryClient: QueryClient, uuid: string): RoleTemplate | undefined {
  for (const [, data] of queryClient.getQueriesData<RoleTemplate[]>({ queryKey: ['rancher-role-templates'] })) {
    const found = data?.find((role) => role.uuid === uuid);
    if (found) return found;
  }
  return undefined;
}

function outcomeSentence(membership: RancherMembership): string {
  return membership.state === 'active'
    ? 'The user exists in Keycloak and was added to the Keycloak group.'
    : 'Pending: the user does not exist in Keycloak yet. Waldur activates the membership when it finds them.';
}

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
  const queryClient = useQueryClient();
  const form = useForm<MembershipValues>({ resolver: zodResolver(membershipSchema), defaultValues: initial });
  const draft = useFormDraft(ADD_DRAFT_KEY, form, !editing);
  const sending = useRef(false);
  const [unchanged, setUnchanged] = useState(false);
  const [roleNote, setRoleNote] = useState<string | null>(null);
  const [gone, setGone] = useState(false);

  const values = form.watch();
  const scopeType: ScopeType = scopeTypeOf(values);
  const clusters = useQuery(rancherQueries.clusters());
  const cluster = clusters.data?.find((item) => item.uuid === values.cluster);
  const projects = useQuery(rancherQueries.projects(values.cluster));
  const roles = useQuery(rancherQueries.roleTemplates(cluster?.service_settings_uuid ?? '', scopeType));
  const errors = form.formState.errors;

  const urlOfRole = (uuid: string) =>
    roleUrl(uuid, knownRole(queryClient, uuid)?.url ?? (editing && uuid === initial.role ? editing.roleUrl : undefined));

  /** A new scope keeps the role only when the role fits it; otherwise the role is cleared, and the form says why. */
  const scopeChanged = (clusterUuid: string, projectUuid: string) => {
    form.setValue('cluster', clusterUuid, { shouldDirty: true, shouldValidate: form.formState.isSubmitted });
    form.setValue('project', projectUuid, { shouldDirty: true });
    const roleUuid = form.getValues('role');
    if (!roleUuid) return;
    const role = knownRole(queryClient, roleUuid);
    const nextCluster = clusters.data?.find((item) => item.uuid === clusterUuid);
    const nextType: ScopeType = projectUuid ? 'project' : 'cluster';
    if (roleFits(role, nextCluster, nextType)) return;
    form.setValue('role', '', { shouldDirty: true });
    const name = role?.display_name || role?.name || 'The role';
    setRoleNote(
      nextCluster
        ? `“${isolate(name)}” is not a ${nextType} role of ${isolate(nextCluster.name ?? '')}: choose another role.`
        : 'Choose a role for the new scope.',
    );
  };

  const save = useMutation({
    mutationKey: FORM_KEY,
    mutationFn: async (input: { values: MembershipValues; plan: EditPlan | null }) => {
      if (editing && input.plan) return saveMembership(editing.membership.uuid, input.plan);
      return createMembership(createBody(input.values, urlOfRole));
    },
    onSuccess: async (saved, input) => {
      draft.clear();
      if (!editing) {
        notifications.show({
          color: saved.state === 'active' ? 'teal' : 'yellow',
          title: `${isolate(saved.username)} added to ${saved.group_scope_type} ${isolate(saved.group_scope_name ?? '')}`,
          message: outcomeSentence(saved),
        });
      } else {
        const movedAsked = input.plan?.changed.some((field) => field === 'scope_uuid' || field === 'role');
        const stayed = uuidFromUrl(saved.group) === editing.groupUuid;
        notifications.show(
          movedAsked && stayed
            ? {
                color: 'orange',
                title: `Saved ${isolate(saved.username)}, but the scope and role did not change`,
                message: `Waldur kept the membership in its group (${saved.group_scope_type} ${isolate(saved.group_scope_name ?? '')}, ${saved.group_role}): this server changes only username and email. To move the user, delete this membership and add a new one.`,
                autoClose: false,
              }
            : {
                color: 'teal',
                title: `Membership of ${isolate(saved.username)} saved`,
                message: `Sent: ${input.plan?.changed.join(', ')}.`,
              },
        );
      }
      await invalidateMemberships(queryClient);
      onClose();
    },
    onError: async (error, input) => {
      if (editing && error instanceof ApiError && error.isNotFound) {
        setGone(true);
        await invalidateMemberships(queryClient);
        return;
      }
      const { fields } = splitFormErrors(error, MEMBERSHIP_FIELDS, serverFieldAliases(input.values));
      for (const [field, message] of Object.entries(fields)) form.setError(field as keyof MembershipValues, { type: 'server', message });
    },
  });

  const submit = form.handleSubmit(async (submitted) => {
    // One click, one request: a second submit while the first is in flight is ignored.
    if (sending.current) return;
    const plan = editing ? editPlan(initial, submitted, urlOfRole) : null;
    if (editing && !plan) {
      setUnchanged(true);
      return;
    }
    setUnchanged(false);
    setGone(false);
    sending.current = true;
    try {
      await save.mutateAsync({ values: submitted, plan }).catch(() => undefined);
    } finally {
      sending.current = false;
    }
  });

  const formMessages = gone
    ? [GONE_MESSAGE]
    : save.error
      ? splitFormErrors(save.error, MEMBERSHIP_FIELDS, serverFieldAliases(form.getValues())).form.map(explain)
      : [];

  const clusterOptions = keepValue(
    (clusters.data ?? []).map((item) => ({
      value: item.uuid ?? '',
      label: item.service_name ? `${isolate(item.name ?? '')} (${isolate(item.service_name)})` : isolate(item.name ?? ''),
    })),
    values.cluster,
    clusters.isPending,
  );
  const projectOptions = keepValue(
    (projects.data ?? []).map((item) => ({ value: item.uuid, label: isolate(item.name) })),
    values.project,
    projects.isPending,
  );
  const roleOptions = keepValue(
    (roles.data ?? []).map((item) => ({
      value: item.uuid,
      label: item.display_name && item.display_name !== item.name ? `${item.display_name} (${item.name})` : item.name,
    })),
    values.role,
    roles.isPending,
  );
  const noClusters = clusters.data !== undefined && clusters.data.length === 0;

  return (
    <form noValidate onSubmit={(event) => void submit(event)} aria-label={editing ? 'Edit membership' : 'Add membership'}>
      <Stack gap="sm">
        {editing ? (
          <Text size="sm" c="dimmed" style={clip}>
            Group: <bdi>{editing.groupName}</bdi>
          </Text>
        ) : null}
        {note}
        <TextInput
          label="Username"
          withAsterisk
          autoComplete="off"
          description={editing ? undefined : 'The Keycloak username. A user who does not exist there yet stays pending until they do.'}
          {...form.register('username')}
          error={errors.username?.message}
        />
        <TextInput label="Email" withAsterisk type="email" autoComplete="off" {...form.register('email')} error={errors.email?.message} />
        <Controller
          control={form.control}
          name="cluster"
          render={({ field }) => (
            <Select
              label="Cluster"
              withAsterisk
              placeholder={clusters.isPending ? 'Loading clusters…' : 'Choose a cluster'}
              data={clusterOptions}
              value={field.value || null}
              onChange={(value) => scopeChanged(value ?? '', '')}
              onBlur={field.onBlur}
              ref={field.ref}
              searchable
              nothingFoundMessage="No cluster matches"
              error={
                errors.cluster?.message ??
                (clusters.error ? 'Could not load the clusters.' : noClusters ? 'You cannot see any Rancher cluster.' : undefined)
              }
              comboboxProps={{ withinPortal: true }}
            />
          )}
        />
        <Controller
          control={form.control}
          name="project"
          render={({ field }) => (
            <Select
              label="Project"
              description="Optional: leave empty for a membership in the whole cluster."
              placeholder={!values.cluster ? 'Choose a cluster first' : projects.isPending ? 'Loading projects…' : 'Whole cluster'}
              data={projectOptions}
              value={field.value || null}
              onChange={(value) => scopeChanged(form.getValues('cluster'), value ?? '')}
              onBlur={field.onBlur}
              ref={field.ref}
              disabled={!values.cluster}
              clearable
              searchable
              nothingFoundMessage={projects.data?.length === 0 ? 'This cluster has no projects' : 'No project matches'}
              error={errors.project?.message ?? (projects.error ? 'Could not load the projects.' : undefined)}
              comboboxProps={{ withinPortal: true }}
            />
          )}
        />
        <TextInput
          label="Scope type"
          value={SCOPE_TYPE_LABEL[scopeType]}
          readOnly
          variant="filled"
          description="Follows the scope: a project makes it a project membership."
        />
        <Controller
          control={form.control}
          name="role"
          render={({ field }) => (
            <Select
              label="Role"
              withAsterisk
              description={
                roleNote ??
                (cluster
                  ? `${SCOPE_TYPE_LABEL[scopeType]} role templates of ${isolate(cluster.service_name || cluster.name || 'this cluster')}.`
                  : undefined)
              }
              placeholder={!values.cluster ? 'Choose a cluster first' : roles.isPending ? 'Loading roles…' : 'Choose a role'}
              data={roleOptions}
              value={field.value || null}
              onChange={(value) => {
                setRoleNote(null);
                field.onChange(value ?? '');
              }}
              onBlur={field.onBlur}
              ref={field.ref}
              disabled={!values.cluster}
              searchable
              nothingFoundMessage={roles.data?.length === 0 ? `No ${scopeType} roles for this cluster` : 'No role matches'}
              error={errors.role?.message ?? (roles.error ? 'Could not load the roles.' : undefined)}
              comboboxProps={{ withinPortal: true }}
            />
          )}
        />
        {unchanged ? (
          <Alert color="gray" variant="light" role="status">
            <Text size="sm">Nothing to save: no field was changed.</Text>
          </Alert>
        ) : null}
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
            Cancel
          </Button>
          <Button type="submit" loading={save.isPending}>
            {editing ? 'Save' : 'Add membership'}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** Waldur's duplicate check surprises: it is per username and role, whatever the scope. */
function explain(message: string): string {
  return /membership already exists/i.test(message)
    ? `${message} Waldur allows one membership per username and role, whatever the cluster or project: find it with the Exact username filter.`
    : message;
}

/** The chosen value stays visible while its list loads (or when the list no longer has it). */
function keepValue(options: { value: string; label: string }[], value: string, pending: boolean) {
  return value && !options.some((option) => option.value === value)
    ? [...options, { value, label: pending ? 'Loading…' : value }]
    : options;
}
