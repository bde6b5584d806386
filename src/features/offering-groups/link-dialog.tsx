import { t as tGlobal } from '@lingui/core/macro';
import { Trans, useLingui } from '@lingui/react/macro';
import { zodResolver } from '@hookform/resolvers/zod';
import { Alert, Badge, Button, Group, Modal, Select, Stack, Text, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useCallback, useMemo } from 'react';
import { Controller, useForm } from 'react-hook-form';
import { z } from 'zod/mini';
import { ApiError, splitFormErrors } from '../../api/errors';
import { availableScopes } from '../../lib/resource-scopes';
import { groupQueries, remoteGroupQueries } from '../../api/group-queries';
import { offeringQueries } from '../../api/offering-queries';
import type { OfferingGroup, RemoteGroup } from '../../api/types';
import { ErrorAlert, FormErrors } from '../../components/error-alert';
import { isolate } from '../../lib/bidi';
import { goneMessage } from './group-messages';
import { KEYCLOAK_SETTINGS_HINT } from '../../api/keycloak-refusal';
import { groupMutations } from './mutations';
import { Bdi } from '../../components/bidi-text';

const linkSchema = z.object({
  // Messages evaluated when the issue is raised, in the language of that moment.
  backend_id: z.string().check(z.minLength(1, { error: () => tGlobal`Choose a remote group.` })),
  resource_uuid: z.string(),
  scope_id: z.string().check(z.maxLength(255, { error: () => tGlobal`At most 255 characters.` })),
});

type LinkValues = z.infer<typeof linkSchema>;

type Props = {
  offeringUuid: string;
  /** The group to link; null when the dialog is closed. */
  group: OfferingGroup | null;
  /** The remote group chosen when it opens (a same-named one); default: the group's current link. */
  remoteId?: string | undefined;
  onClose: () => void;
};

/** Links a local group to a remote Keycloak group, optionally changing its resource and scope. */
export function LinkGroupDialog({ offeringUuid, group, remoteId, onClose }: Props) {
  const groupName = group?.name ?? '';
  return (
    <Modal
      opened={group !== null}
      onClose={onClose}
      size="lg"
      title={
        group ? (
          <span style={{ overflowWrap: 'anywhere' }}>
            <Trans>
              Link “<Bdi>{groupName}</Bdi>” to a remote group
            </Trans>
          </span>
        ) : (
          ''
        )
      }
    >
      {group ? (
        <LinkForm key={`${group.uuid}:${remoteId ?? ''}`} offeringUuid={offeringUuid} group={group} remoteId={remoteId} onDone={onClose} />
      ) : null}
    </Modal>
  );
}

function remoteLabel(group: RemoteGroup): string {
  return group.path && group.path !== `/${group.name}`
    ? `${isolate(group.name)} · ${isolate(group.path)}`
    : isolate(group.name || group.path || group.id);
}

function LinkForm({
  offeringUuid,
  group,
  remoteId,
  onDone,
}: {
  offeringUuid: string;
  group: OfferingGroup;
  remoteId?: string | undefined;
  onDone: () => void;
}) {
  const remoteGroups = useQuery(remoteGroupQueries.all(offeringUuid));
  const localGroups = useQuery(groupQueries.everyGroup(offeringUuid));
  const resources = useQuery(offeringQueries.firstPageResources(offeringUuid));
  const { t, i18n } = useLingui();

  const form = useForm<LinkValues>({
    resolver: zodResolver(linkSchema),
    defaultValues: {
      backend_id: remoteId ?? group.backend_id ?? '',
      resource_uuid: group.resource_uuid ?? '',
      scope_id: group.scope_id ?? '',
    },
  });

  const link = useMutation({
    ...groupMutations.link(offeringUuid, group),
    onSuccess: (updated, values) => {
      const remote = remoteById.get(values.backend_id);
      const linkedName = isolate(updated.name);
      const remoteName = isolate(remote ? remote.path || remote.name : values.backend_id);
      notifications.show({
        color: 'teal',
        title: t`Group linked`,
        message: t`“${linkedName}” is linked to the Keycloak group “${remoteName}”.`,
      });
      onDone();
    },
    onError: (error) => {
      if (error instanceof ApiError && error.isNotFound) return;
      const { fields } = splitFormErrors(error, ['backend_id', 'resource_uuid', 'scope_id']);
      for (const [field, message] of Object.entries(fields)) form.setError(field as keyof LinkValues, { message });
    },
  });

  const formMessages = link.error
    ? link.error instanceof ApiError && link.error.isNotFound
      ? [goneMessage(group.name)]
      : splitFormErrors(link.error, ['backend_id', 'resource_uuid', 'scope_id']).form
    : [];

  const remoteById = useMemo(() => new Map((remoteGroups.data ?? []).map((remote) => [remote.id, remote])), [remoteGroups.data]);
  /** Remote id -> names of the other local groups linked to it. */
  const linkedTo = useMemo(() => {
    const map = new Map<string, string[]>();
    for (const local of localGroups.data?.items ?? []) {
      if (!local.backend_id || local.uuid === group.uuid) continue;
      const names = map.get(local.backend_id);
      if (names) names.push(local.name);
      else map.set(local.backend_id, [local.name]);
    }
    return map;
  }, [localGroups.data, group.uuid]);

  // The remote groups named like this group first: the likeliest choice (a re-created group).
  const nfcName = group.name.normalize('NFC');
  const sameName = useCallback((remote: RemoteGroup) => remote.name.normalize('NFC') === nfcName, [nfcName]);
  const remoteOptions = useMemo(() => {
    const all = remoteGroups.data ?? [];
    const named = all.filter(sameName);
    const rest = named.length ? all.filter((remote) => !sameName(remote)) : all;
    return [...named, ...rest].map((remote) => ({ value: remote.id, label: remoteLabel(remote) }));
  }, [remoteGroups.data, sameName]);
  // The current link may point at a group that no longer exists remotely: keep it selectable.
  const currentId = group.backend_id;
  const options =
    group.backend_id && !remoteById.has(group.backend_id)
      ? [{ value: group.backend_id, label: t`${currentId} (not found in Keycloak)` }, ...remoteOptions]
      : remoteOptions;

  const resourceUuid = form.watch('resource_uuid');
  const backendId = form.watch('backend_id');
  const scopeId = form.watch('scope_id');
  const resource = resources.data?.find((item) => item.uuid === resourceUuid);
  const scopes = availableScopes(resource);
  const scopeOptions = [
    { value: '', label: t`No scope (whole resource or offering)` },
    ...scopes.map((scope) => ({
      value: scope.scope_id,
      label: `${scope.label || scope.scope_id}${scope.label ? ` (${scope.scope_id})` : ''}${scope.scope_type ? ` · ${scope.scope_type}` : ''}`,
    })),
    ...(scopeId && !scopes.some((scope) => scope.scope_id === scopeId)
      ? [{ value: scopeId, label: t`${scopeId} (not offered by this resource)` }]
      : []),
  ];
  const resourceOptions = [
    { value: '', label: t`No resource` },
    ...(resources.data ?? []).flatMap((item) => (item.uuid ? [{ value: item.uuid, label: item.name ?? item.uuid }] : [])),
    ...(group.resource_uuid && resources.data && !resources.data.some((item) => item.uuid === group.resource_uuid)
      ? [{ value: group.resource_uuid, label: group.resource_name ?? group.resource_uuid }]
      : []),
  ];
  const alreadyLinked = backendId ? linkedTo.get(backendId) : undefined;
  const alreadyLinkedNames = alreadyLinked?.map((name) => `“${isolate(name)}”`).join(', ');
  const { errors } = form.formState;

  return (
    <form noValidate onSubmit={form.handleSubmit((values) => link.mutate(values))}>
      <Stack gap="sm">
        <Text size="sm" c="dimmed">
          <Trans>
            Waldur will treat the chosen Keycloak group as this group’s remote copy: pull members and the sync status use it. Memberships
            are not changed.
          </Trans>
        </Text>
        {remoteGroups.error && !remoteGroups.data ? (
          <ErrorAlert
            error={remoteGroups.error}
            title={t`Could not list the remote groups`}
            hint={i18n._(KEYCLOAK_SETTINGS_HINT)}
            onRetry={() => void remoteGroups.refetch()}
          />
        ) : null}
        <Controller
          control={form.control}
          name="backend_id"
          render={({ field }) => (
            <Select
              label={t`Remote group`}
              description={t`Search by name or path.`}
              placeholder={remoteGroups.isPending ? t`Loading remote groups…` : t`Choose a remote group`}
              searchable
              // Picking the chosen group again (it may be preselected) keeps it rather than clearing it.
              allowDeselect={false}
              limit={100}
              data={options}
              value={field.value || null}
              onChange={(value) => field.onChange(value ?? '')}
              onBlur={field.onBlur}
              error={errors.backend_id?.message}
              nothingFoundMessage={remoteGroups.isPending ? t`Loading remote groups…` : t`No remote group matches`}
              // The dialog opens on this field (not on its close button), ready for typing, even
              // while the remote groups load: typing replaces the current choice's name and opens
              // the list; the list does not open by itself over the dialog's buttons.
              data-autofocus
              openOnFocus={false}
              onFocus={(event) => event.currentTarget.select()}
              comboboxProps={{ withinPortal: true }}
              renderOption={({ option }) => {
                const remote = remoteById.get(option.value);
                const others = linkedTo.get(option.value);
                const remoteId = remote?.id;
                const otherNames = others?.map((name) => `“${isolate(name)}”`).join(', ');
                return (
                  <Stack gap={0} style={{ minWidth: 0 }}>
                    <Group gap={6} wrap="nowrap">
                      <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
                        {remote ? remote.name || t`(no name)` : option.label}
                      </Text>
                      {remote && sameName(remote) ? (
                        <Badge size="xs" variant="light" color="teal" style={{ flexShrink: 0 }}>
                          <Trans>Same name</Trans>
                        </Badge>
                      ) : null}
                      {option.value === group.backend_id ? (
                        <Badge size="xs" variant="light" color="indigo" style={{ flexShrink: 0 }}>
                          <Trans>Current</Trans>
                        </Badge>
                      ) : null}
                      {others ? (
                        <Badge size="xs" variant="light" color="orange" style={{ flexShrink: 0 }}>
                          <Trans>Linked</Trans>
                        </Badge>
                      ) : null}
                    </Group>
                    {remote ? (
                      <Text size="xs" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
                        <Bdi>{remote.path}</Bdi> · <Trans>id {remoteId}</Trans>
                      </Text>
                    ) : null}
                    {others ? (
                      <Text size="xs" c="var(--mantine-color-orange-light-color)" style={{ overflowWrap: 'anywhere' }}>
                        <Trans>Already linked to {otherNames}</Trans>
                      </Text>
                    ) : null}
                  </Stack>
                );
              }}
            />
          )}
        />
        {alreadyLinked ? (
          <Alert color="orange" variant="light" role="status">
            <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
              <Trans>
                This Keycloak group is already linked to {alreadyLinkedNames}. Two local groups would then share one remote group.
              </Trans>
            </Text>
          </Alert>
        ) : null}
        <Controller
          control={form.control}
          name="resource_uuid"
          render={({ field }) => (
            <Select
              label={t`Resource`}
              data={resourceOptions}
              value={field.value}
              allowDeselect={false}
              searchable
              onChange={(value) => field.onChange(value ?? '')}
              error={errors.resource_uuid?.message}
              disabled={resources.isPending}
              comboboxProps={{ withinPortal: true }}
            />
          )}
        />
        {scopes.length > 0 ? (
          <Controller
            control={form.control}
            name="scope_id"
            render={({ field }) => (
              <Select
                label={t`Scope ID`}
                description={t`Scopes this resource offers.`}
                data={scopeOptions}
                value={field.value}
                allowDeselect={false}
                onChange={(value) => field.onChange(value ?? '')}
                error={errors.scope_id?.message}
                comboboxProps={{ withinPortal: true }}
              />
            )}
          />
        ) : (
          <TextInput
            label={t`Scope ID`}
            description={t`Leave empty for the whole resource. This resource lists no scopes.`}
            {...form.register('scope_id')}
            error={errors.scope_id?.message}
          />
        )}
        <FormErrors messages={formMessages} />
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onDone} type="button">
            <Trans>Cancel</Trans>
          </Button>
          <Button type="submit" loading={link.isPending} disabled={remoteGroups.isPending && !group.backend_id}>
            <Trans>Link</Trans>
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
