import { zodResolver } from '@hookform/resolvers/zod';
import { Trans, useLingui } from '@lingui/react/macro';
import { Button, Group, Modal, Stack, Text, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useIsMutating, useMutation } from '@tanstack/react-query';
import { useForm } from 'react-hook-form';
import { splitFormErrors } from '../../api/errors';
import { FormErrors } from '../../components/error-alert';
import { FormButtons } from '../../components/form-buttons';
import { pendingGuard } from '../../components/pending-guard';
import { isolate } from '../../lib/bidi';
import { scopeLabel } from './access-columns';
import { expirationInput, expirationIso, expirationSchema, type ExpirationValues } from './grant-schema';
import type { Grant } from './grants';
import { accessMutationKeys, accessMutations } from './mutations';
import { formatDateTime } from '../../lib/format';

type Props = { grant: Grant | null; offeringUuid: string; onClose: () => void };

export function ExpirationDialog({ grant, offeringUuid, onClose }: Props) {
  const pending = useIsMutating({ mutationKey: accessMutationKeys.expiration(offeringUuid) }) > 0;
  const { t } = useLingui();
  return (
    <Modal opened={grant !== null} {...pendingGuard(pending, onClose)} title={t`Change expiration`}>
      {grant ? <ExpirationForm key={grant.key} grant={grant} offeringUuid={offeringUuid} onClose={onClose} /> : null}
    </Modal>
  );
}

function ExpirationForm({ grant, offeringUuid, onClose }: { grant: Grant; offeringUuid: string; onClose: () => void }) {
  const { t } = useLingui();
  const form = useForm<ExpirationValues>({
    resolver: zodResolver(expirationSchema),
    defaultValues: { expiration: expirationInput(grant.expirationTime) },
  });
  // The grant's resource is read again (meta.invalidates, also when the grant is gone) before these callbacks.
  const save = useMutation({
    ...accessMutations.expiration(offeringUuid),
    onSuccess: (answer) => {
      const user = isolate(grant.username);
      const role = isolate(grant.roleName);
      const scope = isolate(scopeLabel(grant));
      const until = answer.expiration_time ? formatDateTime(answer.expiration_time) : '';
      notifications.show({
        color: 'teal',
        title: t`Expiration of ${user}’s ${role} changed`,
        message: until
          ? t`Waldur recorded the grant on ${scope} until ${until}.`
          : t`Waldur recorded the grant on ${scope} with no expiration.`,
      });
      onClose();
    },
    onError: (error) => {
      const { fields } = splitFormErrors(error, ['expiration'], { expiration_time: 'expiration' });
      if (fields.expiration) form.setError('expiration', { type: 'server', message: fields.expiration });
    },
  });
  const submit = form.handleSubmit((values) => {
    if (!save.isPending) save.mutate({ grant, expiration: expirationIso(values.expiration) });
  });
  const messages = save.error ? splitFormErrors(save.error, ['expiration'], { expiration_time: 'expiration' }).form : [];
  const who = grant.fullName || grant.username;
  const role = grant.roleName;
  const scope = scopeLabel(grant);
  return (
    <form noValidate onSubmit={(event) => void submit(event)} aria-label={t`Change expiration`}>
      <Stack gap="sm">
        <Text size="sm">
          <Trans>
            <bdi>{who}</bdi> as <bdi>{role}</bdi> on <bdi>{scope}</bdi>
          </Trans>
        </Text>
        <TextInput
          label={t`Expires`}
          type="datetime-local"
          description={t`Empty: the grant does not expire.`}
          {...form.register('expiration')}
          error={form.formState.errors.expiration?.message}
        />
        <Group gap="xs">
          <Button variant="subtle" size="xs" onClick={() => form.setValue('expiration', '')}>
            <Trans>Make permanent</Trans>
          </Button>
        </Group>
        <FormErrors messages={messages} />
        <FormButtons pending={save.isPending} onCancel={onClose} submitLabel={t`Save expiration`} />
      </Stack>
    </form>
  );
}
