import { Trans, useLingui } from '@lingui/react/macro';
import { Alert, Button, Group, Modal, Stack, Text, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { errorMessage } from '../../api/errors';
import type { MemberFix } from '../member-drift/member-fixes';
import { pendingGuard } from '../../components/pending-guard';
import { isolate } from '../../lib/bidi';
import { memberMutations, type MemberRef } from './member-mutations';
import { Bdi } from '../../components/bidi-text';

const clip: React.CSSProperties = { overflowWrap: 'anywhere' };

/**
 * Re-add a membership Waldur flagged ("Re-add or delete this membership"): delete it and create
 * it again, so that Waldur adds the user to the Keycloak group again. If the create fails after
 * the delete, the dialog stays with the email kept and offers to create the membership again.
 */
export function ReaddDialog({ offeringUuid, member, onClose }: { offeringUuid: string; member: MemberRef | null; onClose: () => void }) {
  const { t } = useLingui();
  const [email, setEmail] = useState('');
  const [retry, setRetry] = useState<MemberFix | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [shownFor, setShownFor] = useState<string | null>(null);
  if (member && shownFor !== member.uuid) {
    setShownFor(member.uuid);
    setEmail(member.email);
    setRetry(null);
    setFailure(null);
  }

  // The members are fetched again (meta.invalidates) before onSuccess, whatever the outcome.
  const run = useMutation({
    ...memberMutations.readd(offeringUuid),
    onSuccess: (outcome, { member }) => {
      if (outcome.status === 'done') {
        const username = isolate(member.username);
        notifications.show({ color: 'teal', title: t`${username} re-added`, message: outcome.message });
        onClose();
        return;
      }
      // Stopped after the delete: keep what is needed to create the membership again.
      if (outcome.retry) setRetry(outcome.retry);
      setFailure(outcome.message);
    },
    onError: (error) => setFailure(errorMessage(error)),
  });

  // Names as elements in <Trans>, not strings: Lingui would read markup in a string value as its own tags.
  const username = <Bdi>{member?.username}</Bdi>;
  const groupName = <Bdi>{member?.groupName}</Bdi>;
  return (
    <Modal
      opened={member !== null}
      {...pendingGuard(run.isPending, onClose)}
      title={
        member ? (
          <span style={clip}>
            <Trans>Re-add {username}</Trans>
          </span>
        ) : (
          ''
        )
      }
    >
      {member ? (
        <form
          noValidate
          aria-label={t`Re-add membership`}
          onSubmit={(event) => {
            event.preventDefault();
            if (!run.isPending) run.mutate({ member, email: email.trim(), retry });
          }}
        >
          <Stack gap="sm">
            <Text size="sm" style={clip}>
              <Trans>
                Waldur deletes the membership of {username} in “{groupName}” and creates it again, so that it adds the user to the Keycloak
                group again. Keycloak is read again afterwards.
              </Trans>
            </Text>
            <TextInput label={t`Email`} type="email" value={email} onChange={(event) => setEmail(event.currentTarget.value)} required />
            {failure ? (
              <Alert
                color={retry ? 'orange' : 'red'}
                variant="light"
                role="alert"
                title={retry ? t`Deleted, but not created again` : t`Not re-added`}
              >
                <Text size="sm" style={clip}>
                  {failure}
                </Text>
                {retry ? (
                  <Text size="sm">
                    <Trans>Nothing typed is lost: create the membership again with the same data, now or after fixing the email.</Trans>
                  </Text>
                ) : null}
              </Alert>
            ) : null}
            <Group justify="flex-end">
              <Button variant="default" onClick={onClose} disabled={run.isPending}>
                {retry ? t`Close` : t`Cancel`}
              </Button>
              <Button type="submit" loading={run.isPending} disabled={!email.trim()}>
                {retry ? t`Create the membership again` : t`Re-add`}
              </Button>
            </Group>
          </Stack>
        </form>
      ) : null}
    </Modal>
  );
}
