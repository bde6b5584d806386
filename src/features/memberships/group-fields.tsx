import { Trans, useLingui } from '@lingui/react/macro';
import { Badge, Select, Stack, Text, TextInput } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { Controller, type UseFormReturn } from 'react-hook-form';
import { availableScopes, scopeMismatch, scopesForRole } from '../../lib/resource-scopes';
import { groupQueries } from '../../api/group-queries';
import { offeringQueries } from '../../api/offering-queries';
import type { OfferingGroup } from '../../api/types';
import { FormSelect } from '../../components/form-select';
import { ResourceSelect } from '../../components/resource-select';
import { isolate } from '../../lib/bidi';
import type { MemberValues } from './member-schema';
import { uuidFromUrl } from './queries';
import { Bdi } from '../../components/bidi-text';

/** The part of a member form that picks the group: role, optional resource and scope ID. */
export type GroupValues = Pick<MemberValues, 'role' | 'resource' | 'scope_id'>;

type Props = {
  offeringUuid: string;
  form: UseFormReturn<MemberValues>;
  /** The member's current group (change group): not offered as a target. */
  excludeGroupUuid?: string;
};

export function groupKey(values: GroupValues): string {
  return `${values.role}|${values.resource}|${values.scope_id.trim()}`;
}

function groupOfKey(group: OfferingGroup): string {
  return `${uuidFromUrl(group.role)}|${group.resource_uuid ?? uuidFromUrl(group.resource)}|${group.scope_id ?? ''}`;
}

export function groupLabel(group: Pick<OfferingGroup, 'role_name' | 'resource_name' | 'scope_id'>): string {
  return [group.role_name, group.resource_name, group.scope_id]
    .filter(Boolean)
    .map((part) => isolate(String(part)))
    .join(' · ');
}

/**
 * An existing group can be picked directly (it fills role, resource and scope), or the three
 * fields can be set by hand; when no group matches, Waldur creates one (also in Keycloak).
 */
export function GroupFields({ offeringUuid, form, excludeGroupUuid }: Props) {
  const { t } = useLingui();
  const roles = useQuery(offeringQueries.everyRole(offeringUuid));
  const groups = useQuery(groupQueries.everyGroup(offeringUuid));
  const { control, setValue } = form;
  const errors = form.formState.errors;
  const values: GroupValues = { role: form.watch('role'), resource: form.watch('resource'), scope_id: form.watch('scope_id') };

  const byKey = useMemo(() => {
    const map = new Map<string, OfferingGroup>();
    for (const group of groups.data?.items ?? []) map.set(groupOfKey(group), group);
    return map;
  }, [groups.data]);

  const groupOptions = useMemo(
    () =>
      (groups.data?.items ?? [])
        .filter((group) => group.uuid !== excludeGroupUuid)
        .map((group) => ({ value: group.uuid, label: `${groupLabel(group)} — ${isolate(group.name)}` })),
    [groups.data, excludeGroupUuid],
  );

  const matched = values.role ? byKey.get(groupKey(values)) : undefined;
  const matchedName = <Bdi>{matched?.name}</Bdi>;
  const role = roles.data?.find((item) => item.uuid === values.role);
  const resource = useQuery(offeringQueries.resource(offeringUuid, values.resource)).data;
  const scopes = availableScopes(resource);
  // Only the scopes of the role's scope type: Waldur refuses new members with any other.
  const offered = role ? scopesForRole(resource, role.scope_type) : scopes;
  const mismatch = scopeMismatch(resource, values.scope_id, role);
  const roleName = role?.name ?? '';
  const roleLevel = (role?.scope_type_label || role?.scope_type || '').toLowerCase();

  const roleOptions = (roles.data ?? []).map((item) => ({
    value: item.uuid,
    label: item.scope_type ? `${item.name} (${item.scope_type_label || item.scope_type})` : item.name,
  }));
  const scopeId = values.scope_id;
  const scopeOptions = [
    { value: '', label: t`No scope` },
    ...offered.map((scope) => ({
      value: scope.scope_id,
      label: `${scope.label ? `${scope.label} (${scope.scope_id})` : scope.scope_id}${scope.scope_type ? ` · ${scope.scope_type}` : ''}`,
    })),
    ...(values.scope_id && !offered.some((scope) => scope.scope_id === values.scope_id)
      ? [
          {
            value: values.scope_id,
            label: scopes.some((scope) => scope.scope_id === values.scope_id)
              ? t`${scopeId} (not for this role)`
              : t`${scopeId} (not offered by this resource)`,
          },
        ]
      : []),
  ];

  const pickGroup = (uuid: string | null) => {
    const group = groups.data?.items.find((item) => item.uuid === uuid);
    if (!group) return;
    setValue('role', uuidFromUrl(group.role), { shouldValidate: true, shouldDirty: true });
    setValue('resource', group.resource_uuid ?? uuidFromUrl(group.resource), { shouldDirty: true });
    setValue('scope_id', group.scope_id ?? '', { shouldDirty: true });
  };

  return (
    <Stack gap="sm">
      <Select
        label={t`Existing group`}
        description={t`Pick a group, or set role, resource and scope ID below.`}
        placeholder={groups.isPending ? t`Loading groups…` : t`Choose a group`}
        data={groupOptions}
        value={matched && matched.uuid !== excludeGroupUuid ? matched.uuid : null}
        onChange={pickGroup}
        searchable
        clearable={false}
        limit={100}
        nothingFoundMessage={t`No group matches`}
        comboboxProps={{ withinPortal: true }}
        error={groups.error && !groups.data ? t`Could not load the groups; set role, resource and scope ID instead.` : undefined}
      />
      <FormSelect
        control={control}
        name="role"
        label={t`Role`}
        withAsterisk
        placeholder={roles.isPending ? t`Loading roles…` : t`Choose a role`}
        data={roleOptions}
        error={errors.role?.message ?? (roles.error ? t`Could not load the roles.` : undefined)}
        searchable
        comboboxProps={{ withinPortal: true }}
      />
      <Controller
        control={control}
        name="resource"
        render={({ field }) => (
          <ResourceSelect
            offeringUuid={offeringUuid}
            noneLabel={t`No resource`}
            label={t`Resource`}
            description={
              role
                ? role.scope_type
                  ? t`${roleName} applies at the ${roleLevel} level: choose the resource (and scope ID) it applies to.`
                  : t`Offering-wide role: usually without a resource.`
                : undefined
            }
            value={field.value}
            onChange={(value) => {
              field.onChange(value);
              setValue('scope_id', '', { shouldDirty: true });
            }}
            onBlur={field.onBlur}
            ref={field.ref}
            allowDeselect={false}
            error={errors.resource?.message}
            comboboxProps={{ withinPortal: true }}
          />
        )}
      />
      <Controller
        control={control}
        name="scope_id"
        render={({ field }) =>
          scopes.length > 0 ? (
            <Select
              label={t`Scope ID`}
              description={role ? t`Scopes this resource offers for this role.` : t`Scopes this resource offers.`}
              data={scopeOptions}
              value={field.value}
              onChange={(value) => field.onChange(value ?? '')}
              onBlur={field.onBlur}
              ref={field.ref}
              allowDeselect={false}
              error={errors.scope_id?.message ?? (resource ? mismatch : null)}
              comboboxProps={{ withinPortal: true }}
            />
          ) : (
            <TextInput
              label={t`Scope ID`}
              description={t`Optional, e.g. a Rancher project ID within the resource.`}
              {...field}
              error={errors.scope_id?.message}
            />
          )
        }
      />
      {values.role ? (
        matched ? (
          <Text size="sm" c="dimmed" role="status" style={{ overflowWrap: 'anywhere' }}>
            <Trans>Group: {matchedName}</Trans>
          </Text>
        ) : groups.data ? (
          <Text size="sm" role="status">
            <Badge component="span" variant="light" color="indigo" me={6}>
              <Trans>New group</Trans>
            </Badge>
            <Trans>No group has this role, resource and scope yet: Waldur creates it, in Keycloak too.</Trans>
          </Text>
        ) : null
      ) : null}
    </Stack>
  );
}
