import { zodResolver } from '@hookform/resolvers/zod';
import { t } from '@lingui/core/macro';
import { useLingui } from '@lingui/react/macro';
import { Alert, Modal, Select, Stack, Text, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useIsMutating, useMutation, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useController, useForm } from 'react-hook-form';
import { splitFormErrors } from '../../api/errors';
import { FormErrors } from '../../components/error-alert';
import { FormButtons } from '../../components/form-buttons';
import { FormSelect } from '../../components/form-select';
import { pendingGuard } from '../../components/pending-guard';
import { isolate } from '../../lib/bidi';
import { formatDateTime, hexUuid } from '../../lib/format';
import type { ScopeType } from './grants';
import { GRANT_ALIASES, GRANT_FIELDS, grantSchema, type GrantValues } from './grant-schema';
import { accessMutationKeys, accessMutations } from './mutations';
import { accessQueries } from './queries';
import type { AccessResource, OfferingRole } from './types';

type Props = {
  opened: boolean;
  offeringUuid: string;
  resources: readonly AccessResource[];
  roles: readonly OfferingRole[];
  reportsSync: boolean;
  /** The Access tab's filters, as the form's first scope. */
  preset: { resource: string; project: string };
  onClose: () => void;
};

/** Roles that fit a scope: resource roles on a resource, resource project roles on a project (section 4). */
export function rolesFor(roles: readonly OfferingRole[], scopeType: ScopeType): OfferingRole[] {
  return roles.filter((role) => role.content_type === scopeType);
}

export function roleOption(role: OfferingRole) {
  return {
    value: hexUuid(role.uuid),
    label: role.description ? `${role.name} — ${role.description}` : role.name,
    disabled: !role.is_active,
  };
}

/** What Waldur recorded, and that the agent has not reported on it yet (the truth rule). */
export function recordedSentence(what: string, reportsSync: boolean): string {
  return reportsSync
    ? t`Waldur recorded ${what}. The site agent has not reported on it yet: it applies new grants at its next cycle, or at once after a re-sync. This page watches for its report.`
    : t`Waldur recorded ${what}. This offering does not report sync states, so nothing here will say when Keycloak has it.`;
}

export function GrantDialog(props: Props) {
  const pending = useIsMutating({ mutationKey: accessMutationKeys.grant(props.offeringUuid) }) > 0;
  const { t } = useLingui();
  return (
    <Modal opened={props.opened} {...pendingGuard(pending, props.onClose)} size="lg" title={t`Grant a role`}>
      {props.opened ? <GrantForm {...props} /> : null}
    </Modal>
  );
}

function GrantForm({ offeringUuid, resources, roles, reportsSync, preset, onClose }: Props) {
  const { t } = useLingui();
  const form = useForm<GrantValues>({
    resolver: zodResolver(grantSchema),
    defaultValues: {
      user: '',
      resource: preset.resource ? hexUuid(preset.resource) : '',
      project: preset.project ? hexUuid(preset.project) : '',
      role: '',
      expiration: '',
    },
  });
  const errors = form.formState.errors;
  const resource = form.watch('resource');
  const project = form.watch('project');
  const scopeType: ScopeType = project ? 'resource_project' : 'resource';
  const projects = useQuery(accessQueries.projects(offeringUuid, resource));
  const fitting = rolesFor(roles, scopeType);

  // The user picker searches Waldur's users as one types.
  const [searchText, setSearchText] = useState('');
  const [userLabel, setUserLabel] = useState('');
  const users = useQuery(accessQueries.userSearch(searchText));
  const user = useController({ control: form.control, name: 'user' });
  const userOptions = (users.data ?? []).map((item) => ({
    value: hexUuid(item.uuid ?? ''),
    label: item.full_name ? `${item.full_name} (${item.username ?? ''})` : (item.username ?? ''),
  }));
  if (user.field.value && !userOptions.some((option) => option.value === user.field.value)) {
    userOptions.unshift({ value: user.field.value, label: userLabel });
  }

  // The resource's grants are read again (meta.invalidates) before onSuccess runs.
  const save = useMutation({
    ...accessMutations.grant(offeringUuid, reportsSync),
    onSuccess: (answer, values) => {
      const resourceName = resources.find((item) => hexUuid(item.uuid ?? '') === values.resource)?.name ?? '';
      const projectName = projects.data?.find((item) => hexUuid(item.uuid) === values.project)?.name ?? '';
      const role = roles.find((item) => hexUuid(item.uuid) === values.role)?.name ?? '';
      const where = isolate(values.project ? t`project ${projectName} of ${resourceName}` : t`resource ${resourceName}`);
      const expires = answer.expiration_time ? formatDateTime(answer.expiration_time) : '';
      const until = expires ? t`until ${expires}` : t`with no expiration`;
      const roleText = isolate(role);
      const userText = isolate(userLabel);
      notifications.show({
        color: 'teal',
        title: t`Granted ${roleText} to ${userText}`,
        message: recordedSentence(t`${userText} as ${roleText} on ${where}, ${until}`, reportsSync),
        autoClose: 12_000,
      });
      onClose();
    },
    onError: (error) => {
      const { fields } = splitFormErrors(error, GRANT_FIELDS, GRANT_ALIASES);
      for (const [field, message] of Object.entries(fields)) form.setError(field as keyof GrantValues, { type: 'server', message });
    },
  });

  const submit = form.handleSubmit((values) => {
    if (save.isPending) return;
    save.mutate(values);
  });
  const formMessages = save.error ? splitFormErrors(save.error, GRANT_FIELDS, GRANT_ALIASES).form : [];

  return (
    <form noValidate onSubmit={(event) => void submit(event)} aria-label={t`Grant a role`}>
      <Stack gap="sm">
        <Select
          label={t`User`}
          withAsterisk
          searchable
          placeholder={t`Type a name, username or email`}
          nothingFoundMessage={
            searchText.trim().length < 2 ? t`Type two letters or more` : users.isFetching ? t`Searching…` : t`No user matches`
          }
          data={userOptions}
          filter={({ options }) => options}
          searchValue={searchText}
          onSearchChange={setSearchText}
          value={user.field.value || null}
          onChange={(value, option) => {
            setUserLabel(option?.label ?? '');
            user.field.onChange(value ?? '');
          }}
          onBlur={user.field.onBlur}
          error={errors.user?.message}
        />
        <FormSelect
          control={form.control}
          name="resource"
          label={t`Resource`}
          withAsterisk
          searchable
          data={resources.map((item) => ({ value: hexUuid(item.uuid ?? ''), label: item.name ?? '' }))}
          onOptionSubmit={() => {
            form.setValue('project', '');
            form.setValue('role', '');
          }}
          error={errors.resource?.message}
        />
        <Select
          label={t`Scope`}
          description={t`The resource itself, or one of its resource projects.`}
          data={[
            { value: '', label: t`The resource itself` },
            ...(projects.data ?? []).map(({ uuid, name }) => ({ value: hexUuid(uuid), label: t`Resource project ${name}` })),
          ]}
          value={project}
          allowDeselect={false}
          disabled={!resource}
          onChange={(value) => {
            form.setValue('project', value ?? '');
            form.setValue('role', '');
          }}
          error={errors.project?.message ?? (projects.error ? t`Could not read this resource’s projects.` : undefined)}
        />
        <FormSelect
          control={form.control}
          name="role"
          label={t`Role`}
          withAsterisk
          description={scopeType === 'resource' ? t`Roles for resources.` : t`Roles for resource projects.`}
          data={fitting.map(roleOption)}
          error={errors.role?.message}
        />
        {fitting.length === 0 ? (
          <Alert color="gray" variant="light" role="note">
            <Text size="sm">
              {scopeType === 'resource'
                ? t`This offering has no role for resources yet: add one on the Roles tab.`
                : t`This offering has no role for resource projects yet: add one on the Roles tab.`}
            </Text>
          </Alert>
        ) : null}
        <TextInput
          label={t`Expires`}
          type="datetime-local"
          description={t`Leave empty for a grant that does not expire. Waldur revokes expired grants itself.`}
          {...form.register('expiration')}
          error={errors.expiration?.message}
        />
        <FormErrors messages={formMessages} />
        <FormButtons pending={save.isPending} onCancel={onClose} submitLabel={t`Grant role`} />
      </Stack>
    </form>
  );
}
