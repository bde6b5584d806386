import { zodResolver } from '@hookform/resolvers/zod';
import { Trans, useLingui } from '@lingui/react/macro';
import { Alert, Button, Group, Modal, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useIsMutating, useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { errorMessage } from '../../api/errors';
import { FormErrors } from '../../components/error-alert';
import { FormButtons } from '../../components/form-buttons';
import { FormSelect } from '../../components/form-select';
import { pendingGuard } from '../../components/pending-guard';
import { isolate } from '../../lib/bidi';
import { hexUuid } from '../../lib/format';
import { scopeLabel } from './access-columns';
import { recordedSentence, roleOption, rolesFor } from './grant-form';
import { changeRoleSchema, type ChangeRoleValues } from './grant-schema';
import type { Grant } from './grants';
import { accessMutationKeys, accessMutations, type ChangeRoleResult } from './mutations';
import type { OfferingRole } from './types';

type Props = { grant: Grant | null; offeringUuid: string; roles: readonly OfferingRole[]; reportsSync: boolean; onClose: () => void };

export function ChangeRoleDialog({ grant, ...props }: Props) {
  const pending = useIsMutating({ mutationKey: accessMutationKeys.changeRole(props.offeringUuid) }) > 0;
  const { t } = useLingui();
  return (
    <Modal opened={grant !== null} {...pendingGuard(pending, props.onClose)} title={t`Change role`}>
      {grant ? <ChangeRoleForm key={grant.key} grant={grant} {...props} /> : null}
    </Modal>
  );
}

function ChangeRoleForm({ grant, offeringUuid, roles, reportsSync, onClose }: Omit<Props, 'grant'> & { grant: Grant }) {
  const { t } = useLingui();
  const form = useForm<ChangeRoleValues>({ resolver: zodResolver(changeRoleSchema), defaultValues: { role: '' } });
  const [halfway, setHalfway] = useState<Extract<ChangeRoleResult, { status: 'not-revoked' }> | null>(null);
  const options = rolesFor(roles, grant.scopeType).filter((role) => hexUuid(role.uuid) !== grant.roleUuid);
  const nameOf = (uuid: string) => roles.find((role) => hexUuid(role.uuid) === uuid)?.name ?? '';

  // The grant's resource is read again (meta.invalidates) before onSuccess, whatever the outcome.
  const save = useMutation({
    ...accessMutations.changeRole(offeringUuid, reportsSync),
    onSuccess: (result, { role: roleUuid }) => {
      const newRole = nameOf(roleUuid);
      if (result.status === 'not-revoked') {
        setHalfway(result);
        return;
      }
      const user = isolate(grant.username);
      const role = isolate(newRole);
      const scope = isolate(scopeLabel(grant));
      const oldRole = isolate(grant.roleName);
      notifications.show({
        color: 'teal',
        title: t`${user} is now ${role}`,
        message: recordedSentence(t`${user} as ${role} on ${scope} and the revocation of ${oldRole}`, reportsSync),
        autoClose: 12_000,
      });
      onClose();
    },
  });
  const submit = form.handleSubmit((values) => {
    if (!save.isPending && !halfway) save.mutate({ grant, role: values.role });
  });
  // The change fails only when the new role was not granted: nothing changed then.
  const refused = save.error ? errorMessage(save.error) : '';
  const messages = save.error ? [t`Nothing changed: Waldur did not grant the new role. ${refused}`] : [];

  if (halfway) {
    const newRole = nameOf(form.getValues('role'));
    const username = grant.username;
    const oldRole = grant.roleName;
    const why = errorMessage(halfway.error);
    return (
      <Stack gap="sm">
        <Alert color="orange" variant="light" role="alert" title={t`Half done: the user now holds both roles`}>
          <Text size="sm">
            <Trans>
              Waldur granted <bdi>{newRole}</bdi> to <bdi>{username}</bdi>, but did not revoke <bdi>{oldRole}</bdi>: {why} Revoke the old
              grant from the Access table to finish.
            </Trans>
          </Text>
        </Alert>
        <Group justify="flex-end">
          <Button onClick={onClose}>
            <Trans>Close</Trans>
          </Button>
        </Group>
      </Stack>
    );
  }
  const who = grant.fullName || grant.username;
  const held = grant.roleName;
  const scope = scopeLabel(grant);
  return (
    <form noValidate onSubmit={(event) => void submit(event)} aria-label={t`Change role`}>
      <Stack gap="sm">
        <Text size="sm">
          <Trans>
            <bdi>{who}</bdi> holds <bdi>{held}</bdi> on <bdi>{scope}</bdi>. Waldur has no change of role: the new role is granted first
            (with the same expiration), then the old one revoked, so a failure half-way leaves both, never neither.
          </Trans>
        </Text>
        <FormSelect
          control={form.control}
          name="role"
          label={t`New role`}
          withAsterisk
          data={options.map(roleOption)}
          error={form.formState.errors.role?.message}
        />
        <FormErrors messages={messages} />
        <FormButtons pending={save.isPending} onCancel={onClose} submitLabel={t`Change role`} />
      </Stack>
    </form>
  );
}
