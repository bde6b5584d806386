import { useLingui } from '@lingui/react/macro';
import { Select, TextInput } from '@mantine/core';
import { useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Controller, type UseFormReturn } from 'react-hook-form';
import type { RoleTemplate } from '../../api/types';
import { isolate } from '../../lib/bidi';
import { roleFits, scopeTypeOf, type MembershipValues } from './membership-schema';
import { SCOPE_TYPE_LABEL, rancherKeys, rancherQueries, type ScopeType } from './queries';

/** Role templates any picker has loaded so far (role URL and compatibility checks on change). */
export function knownRole(queryClient: QueryClient, uuid: string): RoleTemplate | undefined {
  for (const [, data] of queryClient.getQueriesData<RoleTemplate[]>({ queryKey: rancherKeys.roleTemplates })) {
    const found = data?.find((role) => role.uuid === uuid);
    if (found) return found;
  }
  return undefined;
}

/**
 * Where and which role: a cluster, optionally one of its projects (the scope type follows), and
 * a role template of that cluster's settings for that scope type. A new scope keeps the role
 * only when the role fits it; otherwise the role is cleared, and the field says why.
 */
export function ScopeRoleFields({ form }: { form: UseFormReturn<MembershipValues> }) {
  const { t } = useLingui();
  const queryClient = useQueryClient();
  const [roleNote, setRoleNote] = useState<string | null>(null);
  const values = form.watch();
  const errors = form.formState.errors;
  const scopeType: ScopeType = scopeTypeOf(values);
  const clusters = useQuery(rancherQueries.clusters());
  const cluster = clusters.data?.find((item) => item.uuid === values.cluster);
  const projects = useQuery(rancherQueries.projects(values.cluster));
  const roles = useQuery(rancherQueries.roleTemplates(cluster?.service_settings_uuid ?? '', scopeType));

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
    const name = isolate(role?.display_name || role?.name || t`The role`);
    const clusterName = isolate(nextCluster?.name ?? '');
    setRoleNote(
      nextCluster
        ? nextType === 'project'
          ? t`“${name}” is not a project role of ${clusterName}: choose another role.`
          : t`“${name}” is not a cluster role of ${clusterName}: choose another role.`
        : t`Choose a role for the new scope.`,
    );
  };

  const clusterOptions = keepValue(
    (clusters.data ?? []).map((item) => ({
      value: item.uuid ?? '',
      label: item.service_name ? `${isolate(item.name ?? '')} (${isolate(item.service_name)})` : isolate(item.name ?? ''),
    })),
    values.cluster,
    clusters.isPending,
    t`Loading…`,
  );
  const projectOptions = keepValue(
    (projects.data ?? []).map((item) => ({ value: item.uuid, label: isolate(item.name) })),
    values.project,
    projects.isPending,
    t`Loading…`,
  );
  const roleOptions = keepValue(
    (roles.data ?? []).map((item) => ({
      value: item.uuid,
      label: item.display_name && item.display_name !== item.name ? `${item.display_name} (${item.name})` : item.name,
    })),
    values.role,
    roles.isPending,
    t`Loading…`,
  );
  const noClusters = clusters.data !== undefined && clusters.data.length === 0;
  const settingsName = isolate(cluster?.service_name || cluster?.name || t`this cluster`);

  return (
    <>
      <Controller
        control={form.control}
        name="cluster"
        render={({ field }) => (
          <Select
            label={t`Cluster`}
            withAsterisk
            placeholder={clusters.isPending ? t`Loading clusters…` : t`Choose a cluster`}
            data={clusterOptions}
            value={field.value || null}
            onChange={(value) => scopeChanged(value ?? '', '')}
            onBlur={field.onBlur}
            ref={field.ref}
            searchable
            nothingFoundMessage={t`No cluster matches`}
            error={
              errors.cluster?.message ??
              (clusters.error ? t`Could not load the clusters.` : noClusters ? t`You cannot see any Rancher cluster.` : undefined)
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
            label={t`Project`}
            description={t`Optional: leave empty for a membership in the whole cluster.`}
            placeholder={!values.cluster ? t`Choose a cluster first` : projects.isPending ? t`Loading projects…` : t`Whole cluster`}
            data={projectOptions}
            value={field.value || null}
            onChange={(value) => scopeChanged(form.getValues('cluster'), value ?? '')}
            onBlur={field.onBlur}
            ref={field.ref}
            disabled={!values.cluster}
            clearable
            searchable
            nothingFoundMessage={projects.data?.length === 0 ? t`This cluster has no projects` : t`No project matches`}
            error={errors.project?.message ?? (projects.error ? t`Could not load the projects.` : undefined)}
            comboboxProps={{ withinPortal: true }}
          />
        )}
      />
      <TextInput
        label={t`Scope type`}
        value={SCOPE_TYPE_LABEL[scopeType]}
        readOnly
        variant="filled"
        description={t`Follows the scope: a project makes it a project membership.`}
      />
      <Controller
        control={form.control}
        name="role"
        render={({ field }) => (
          <Select
            label={t`Role`}
            withAsterisk
            description={
              roleNote ??
              (cluster
                ? scopeType === 'project'
                  ? t`Project role templates of ${settingsName}.`
                  : t`Cluster role templates of ${settingsName}.`
                : undefined)
            }
            placeholder={!values.cluster ? t`Choose a cluster first` : roles.isPending ? t`Loading roles…` : t`Choose a role`}
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
            nothingFoundMessage={
              roles.data?.length === 0
                ? scopeType === 'project'
                  ? t`No project roles for this cluster`
                  : t`No cluster roles for this cluster`
                : t`No role matches`
            }
            error={errors.role?.message ?? (roles.error ? t`Could not load the roles.` : undefined)}
            comboboxProps={{ withinPortal: true }}
          />
        )}
      />
    </>
  );
}

/** The chosen value stays visible while its list loads (or when the list no longer has it). */
function keepValue(options: { value: string; label: string }[], value: string, pending: boolean, loading: string) {
  return value && !options.some((option) => option.value === value) ? [...options, { value, label: pending ? loading : value }] : options;
}
