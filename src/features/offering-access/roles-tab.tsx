import { zodResolver } from '@hookform/resolvers/zod';
import { i18n, type MessageDescriptor } from '@lingui/core';
import { msg, plural, t } from '@lingui/core/macro';
import { Trans, useLingui } from '@lingui/react/macro';
import {
  Alert,
  Badge,
  Button,
  Group,
  Menu,
  ActionIcon,
  Modal,
  SegmentedControl,
  Stack,
  Table,
  Text,
  TextInput,
  Textarea,
  VisuallyHidden,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useIsMutating, useMutation, useMutationState, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Controller, useForm } from 'react-hook-form';
import { z } from 'zod/mini';
import { roleProfileName } from '../../api/membership-sync';
import { offeringQueries } from '../../api/offering-queries';
import { ApiError, splitFormErrors } from '../../api/errors';
import { confirmDestructive } from '../../components/confirm';
import { EmptyState } from '../../components/empty-state';
import { ErrorAlert, FormErrors } from '../../components/error-alert';
import { FormButtons } from '../../components/form-buttons';
import { pendingGuard } from '../../components/pending-guard';
import { TableSkeleton } from '../../components/table-skeleton';
import { isolate } from '../../lib/bidi';
import { formatNumber, hexUuid } from '../../lib/format';
import { countByRole } from './grants';
import { accessMutationKeys, accessMutations } from './mutations';
import { accessQueries } from './queries';
import type { OfferingRole } from './types';
import { useOfferingAccess } from './use-offering-access';

const KIND_LABEL: Record<string, MessageDescriptor> = { resource: msg`Resource`, resource_project: msg`Resource project` };

const roleSchema = z.object({
  name: z
    .string()
    .check(
      z.trim(),
      z.minLength(1, { error: () => t`Give the role a name.` }),
      z.maxLength(150, { error: () => t`At most 150 characters.` }),
    ),
  description: z.string().check(z.maxLength(2000, { error: () => t`At most 2,000 characters.` })),
  kind: z.enum(['resource', 'resource_project']),
});
type RoleValues = z.infer<typeof roleSchema>;
const ROLE_FIELDS = ['name', 'description', 'kind'] as const;
const ROLE_ALIASES = { content_type_input: 'kind', content_type: 'kind' };

/** Who may change an offering's roles (section 2), said where Waldur refuses. */
export const ROLES_REFUSED = msg`Waldur lets staff and users who may update the offering’s organization (its owners) create, edit and delete its roles; it refused your account.`;

type Dialog = { kind: 'create' } | { kind: 'edit'; role: OfferingRole } | null;

export function RolesTab({ offeringUuid, isStaff }: { offeringUuid: string; isStaff: boolean | undefined }) {
  const offering = useQuery(offeringQueries.detail(offeringUuid));
  const roles = useQuery(accessQueries.roles(offeringUuid));
  const access = useOfferingAccess(offeringUuid, isStaff);
  const counts = countByRole(access.grants);
  const profile = offering.data ? roleProfileName(offering.data) : null;
  const [dialog, setDialog] = useState<Dialog>(null);
  const pending = useIsMutating({ mutationKey: accessMutationKeys.role(offeringUuid) }) > 0;
  // A role's row is busy while its delete is pending, the refetch of the lists included.
  const deleting = useMutationState({
    filters: { mutationKey: accessMutationKeys.roleDelete(offeringUuid), status: 'pending' },
    select: (mutation) => (mutation.state.variables as OfferingRole | undefined)?.uuid,
  });
  const { t, i18n } = useLingui();

  // The roles and grants are read again (meta.invalidates) before onSuccess runs.
  const remove = useMutation({
    ...accessMutations.deleteRole(offeringUuid),
    onSuccess: (status, role) => {
      const name = isolate(role.name);
      notifications.show({
        color: 'teal',
        title: status === 'gone' ? t`${name} was already deleted` : t`Role ${name} deleted`,
        message:
          status === 'gone'
            ? t`Someone deleted it before you. The list has been refreshed.`
            : t`Waldur deleted the role and its grants. The site agent removes the Keycloak memberships they gave at its next cycle.`,
      });
    },
    onError: (error, role) => {
      const name = isolate(role.name);
      notifications.show({ color: 'red', title: t`Could not delete ${name}`, message: refusal(error), autoClose: false });
    },
  });

  const grantsOf = (role: OfferingRole): string => {
    const count = counts.get(hexUuid(role.uuid)) ?? 0;
    if (!access.complete) return t`not known yet (grants are still being read)`;
    return access.failed.length > 0
      ? t`at least ${plural(count, { one: '# grant', other: '# grants' })}`
      : t`${plural(count, { one: '# grant', other: '# grants' })}`;
  };

  const confirmDelete = (role: OfferingRole) => {
    const count = counts.get(hexUuid(role.uuid)) ?? 0;
    const name = role.name;
    const held = grantsOf(role);
    confirmDestructive({
      title: t`Delete the role ${name}?`,
      children: (
        <Stack gap="xs">
          <Text size="sm">
            {access.complete && count === 0 && access.failed.length === 0
              ? t`Nobody holds this role now.`
              : t`Users hold this role in ${held}.`}{' '}
            <Trans>
              Waldur deletes a role together with every grant of it, current and revoked: they vanish without a revocation record or event,
              and the site agent removes the Keycloak memberships they gave at its next cycle.
            </Trans>
          </Text>
          {count > 0 ? (
            <Text size="sm">
              <Trans>To keep an audit trail, revoke the grants on the Access tab first, then delete the role.</Trans>
            </Text>
          ) : null}
        </Stack>
      ),
      confirmLabel: count > 0 ? t`Delete role and ${plural(count, { one: '# grant', other: '# grants' })}` : t`Delete role`,
      onConfirm: () => remove.mutate(role),
    });
  };

  const locked = profile
    ? t`This offering’s roles are managed by the service profile “${profile}”: Waldur refuses to create, edit or delete them here. Staff manage service profiles.`
    : null;

  const editedName = dialog?.kind === 'edit' ? dialog.role.name : '';
  const kindLabel = (kind: string | undefined | null) => {
    const label = KIND_LABEL[kind ?? ''];
    return label ? i18n._(label) : (kind ?? '—');
  };

  return (
    <Stack gap="sm">
      <Group justify="space-between" align="flex-start" wrap="wrap">
        <Text size="sm" c="dimmed" maw={680}>
          <Trans>
            The roles users can be granted on this offering’s resources and resource projects. The site agent turns each grant into a
            Keycloak group membership, for the roles in its role map.
          </Trans>
        </Text>
        <Button onClick={() => setDialog({ kind: 'create' })} disabled={Boolean(locked)}>
          <Trans>Add role</Trans>
        </Button>
      </Group>
      {locked ? (
        <Alert color="gray" variant="light" role="note" title={t`Roles cannot be edited here`}>
          <Text size="sm">{locked}</Text>
        </Alert>
      ) : null}
      {roles.data ? (
        roles.data.length === 0 ? (
          <EmptyState
            title={t`No roles yet`}
            description={t`Add a role for resources or for resource projects; then grant it on the Access tab.`}
          >
            {locked ? null : (
              <Button onClick={() => setDialog({ kind: 'create' })}>
                <Trans>Add role</Trans>
              </Button>
            )}
          </EmptyState>
        ) : (
          <Table.ScrollContainer minWidth={720}>
            <Table striped aria-label={t`Roles`} layout="fixed">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th w="22%">
                    <Trans>Role</Trans>
                  </Table.Th>
                  <Table.Th>
                    <Trans>Description</Trans>
                  </Table.Th>
                  <Table.Th w="16%">
                    <Trans>Granted on</Trans>
                  </Table.Th>
                  <Table.Th w="14%">
                    <Trans>Grants</Trans>
                  </Table.Th>
                  <Table.Th w={56}>
                    <VisuallyHidden>
                      <Trans>Actions</Trans>
                    </VisuallyHidden>
                  </Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {roles.data.map((role) => {
                  const roleName = role.name;
                  return (
                    <Table.Tr key={role.uuid}>
                      <Table.Td>
                        <Text size="sm" fw={500} style={{ overflowWrap: 'anywhere' }}>
                          <bdi>{role.name}</bdi>
                        </Text>
                        {role.is_active ? null : (
                          <Badge color="gray" variant="light" style={{ textTransform: 'none' }}>
                            <Trans>Inactive</Trans>
                          </Badge>
                        )}
                      </Table.Td>
                      <Table.Td>
                        <Text size="sm" c={role.description ? undefined : 'dimmed'} style={{ overflowWrap: 'anywhere' }}>
                          {role.description || t`No description`}
                        </Text>
                      </Table.Td>
                      <Table.Td>
                        <Text size="sm">{kindLabel(role.content_type)}</Text>
                      </Table.Td>
                      <Table.Td>
                        <Text size="sm">{access.complete ? formatNumber(counts.get(hexUuid(role.uuid)) ?? 0) : '…'}</Text>
                      </Table.Td>
                      <Table.Td>
                        <Menu position="bottom-end" withinPortal>
                          <Menu.Target>
                            <ActionIcon
                              variant="subtle"
                              aria-label={t`Actions for role ${roleName}`}
                              aria-busy={deleting.includes(role.uuid)}
                            >
                              <span aria-hidden="true">⋯</span>
                            </ActionIcon>
                          </Menu.Target>
                          <Menu.Dropdown>
                            <Menu.Item disabled={Boolean(locked)} onClick={() => setDialog({ kind: 'edit', role })}>
                              <Trans>Edit</Trans>
                            </Menu.Item>
                            <Menu.Item color="red" disabled={Boolean(locked)} onClick={() => confirmDelete(role)}>
                              <Trans>Delete</Trans>
                            </Menu.Item>
                          </Menu.Dropdown>
                        </Menu>
                      </Table.Td>
                    </Table.Tr>
                  );
                })}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )
      ) : roles.error ? (
        <ErrorAlert error={roles.error} onRetry={() => void roles.refetch()} />
      ) : (
        <TableSkeleton label={t`Loading roles`} />
      )}
      <Modal
        opened={dialog !== null}
        {...pendingGuard(pending, () => setDialog(null))}
        title={dialog?.kind === 'edit' ? t`Edit role ${editedName}` : t`Add role`}
      >
        {dialog ? (
          <RoleForm
            key={dialog.kind === 'edit' ? dialog.role.uuid : 'create'}
            offeringUuid={offeringUuid}
            role={dialog.kind === 'edit' ? dialog.role : null}
            onClose={() => setDialog(null)}
          />
        ) : null}
      </Modal>
    </Stack>
  );
}

function refusal(error: unknown): string {
  if (error instanceof ApiError && error.isForbidden) return i18n._(ROLES_REFUSED);
  return splitFormErrors(error, []).form.join(' ');
}

function RoleForm({ offeringUuid, role, onClose }: { offeringUuid: string; role: OfferingRole | null; onClose: () => void }) {
  const { t } = useLingui();
  const form = useForm<RoleValues>({
    resolver: zodResolver(roleSchema),
    defaultValues: {
      name: role?.name ?? '',
      description: role?.description ?? '',
      kind: role?.content_type === 'resource_project' ? 'resource_project' : 'resource',
    },
  });
  // The roles (and, for a new name, the grants) are read again (meta.invalidates) before onSuccess.
  const save = useMutation({
    ...accessMutations.saveRole(offeringUuid, role),
    onSuccess: (saved) => {
      const name = isolate(saved.name);
      notifications.show({
        color: 'teal',
        title: role ? t`Role ${name} saved` : t`Role ${name} added`,
        message: role ? t`Waldur saved the role.` : t`Grant it on the Access tab.`,
      });
      onClose();
    },
    onError: (error) => {
      const { fields } = splitFormErrors(error, ROLE_FIELDS, ROLE_ALIASES);
      for (const [field, message] of Object.entries(fields)) form.setError(field as keyof RoleValues, { type: 'server', message });
    },
  });
  const submit = form.handleSubmit((values) => {
    if (!save.isPending) save.mutate(values);
  });
  const messages = save.error ? [refusal(save.error)].filter(Boolean) : [];
  const errors = form.formState.errors;
  return (
    <form noValidate onSubmit={(event) => void submit(event)} aria-label={role ? t`Edit role` : t`Add role`}>
      <Stack gap="sm">
        <TextInput label={t`Name`} withAsterisk {...form.register('name')} error={errors.name?.message} />
        <Textarea
          label={t`Description`}
          description={t`Shown to people who grant the role; a name like ingress_manage says little on its own.`}
          autosize
          minRows={2}
          {...form.register('description')}
          error={errors.description?.message}
        />
        <Controller
          control={form.control}
          name="kind"
          render={({ field }) => (
            <Stack gap={4}>
              <Text size="sm" fw={500} id="role-kind-label">
                <Trans>Granted on</Trans>
              </Text>
              <SegmentedControl
                aria-labelledby="role-kind-label"
                disabled={role !== null}
                data={[
                  { value: 'resource', label: t`Resources` },
                  { value: 'resource_project', label: t`Resource projects` },
                ]}
                value={field.value}
                onChange={(value) => field.onChange(value)}
              />
              {role ? (
                <Text size="xs" c="dimmed">
                  <Trans>Waldur sets this when the role is created.</Trans>
                </Text>
              ) : null}
              {errors.kind?.message ? (
                <Text size="xs" c="red">
                  {errors.kind.message}
                </Text>
              ) : null}
            </Stack>
          )}
        />
        <FormErrors messages={messages} />
        <FormButtons pending={save.isPending} onCancel={onClose} submitLabel={role ? t`Save role` : t`Add role`} />
      </Stack>
    </form>
  );
}
