import { Trans, useLingui } from '@lingui/react/macro';
import { Alert, Button, Group, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { errorMessage } from '../../api/errors';
import type { RancherMembership } from '../../api/types';
import { Bdi } from '../../components/bidi-text';
import { isPending } from '../../components/pending-guard';
import { isolate } from '../../lib/bidi';
import { outcomeSentence, type Editing } from './form-parts';
import { scopeLabel } from './membership-columns';
import type { MembershipBody } from './membership-schema';
import { rancherMutationKeys, rancherMutations } from './mutations';

/**
 * A new email alone: Waldur refuses the edit (its duplicate check counts the membership
 * itself), so the membership is deleted and created again with the new email. Delete first:
 * Waldur allows one membership per username and role. In between, the user is out of the
 * Keycloak group; if the create fails, they stay out until it is added again (offered here).
 */
export function ReplaceForEmail({ editing, body, onDone }: { editing: Editing; body: MembershipBody; onDone: () => void }) {
  const { t } = useLingui();
  const queryClient = useQueryClient();
  const old = editing.membership;
  const oldScope = scopeLabel(old);
  const oldRole = editing.roleName;
  const whereText = t`${oldScope} as ${oldRole}`;
  // Names as elements in <Trans>, not strings: Lingui would read markup in a string value as its own tags.
  const where = <>{whereText}</>;
  const username = <Bdi>{old.username}</Bdi>;

  // The lists are fetched again (meta.invalidates) before these callbacks run.
  const finished = (added: RancherMembership) => {
    const addedUser = isolate(added.username);
    const isolatedWhere = isolate(whereText);
    const outcome = outcomeSentence(added);
    notifications.show({
      color: added.state === 'active' ? 'teal' : 'yellow',
      title: t`Membership of ${addedUser} added again with the new email`,
      message: t`Waldur deleted the membership in ${isolatedWhere} and created it again. ${outcome}`,
    });
    onDone();
  };

  // Delete first: Waldur allows one membership per username and role.
  const replace = useMutation({
    ...rancherMutations.move(),
    onSuccess: (result) => {
      if (result.status === 'moved') finished(result.added);
    },
  });
  const addAgain = useMutation({ ...rancherMutations.finishMove(), onSuccess: finished });
  const notAdded = replace.data?.status === 'not-added' ? replace.data : null;
  const busy = replace.isPending || addAgain.isPending;
  // One click, one request: the buttons' busy state lands a render after the click.
  const once = (start: () => void) => {
    if (!isPending(queryClient, rancherMutationKeys.form(), () => true)) start();
  };

  if (notAdded) {
    const failure = <>{errorMessage(addAgain.error ?? notAdded.addError)}</>;
    return (
      <Alert color="red" variant="light" role="alert" title={t`Removed, but not added again`}>
        <Stack gap="xs">
          <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
            <Trans>
              Waldur deleted the membership of {username} in {where}, but creating it again failed: {failure} Until it is added, {username}{' '}
              has no access through this role.
            </Trans>
          </Text>
          <Group>
            <Button
              color="red"
              loading={addAgain.isPending}
              onClick={() => once(() => addAgain.mutate({ added: null, body, oldUuid: old.uuid }))}
            >
              <Trans>Add again</Trans>
            </Button>
          </Group>
        </Stack>
      </Alert>
    );
  }
  const replaceError = replace.error ? <>{errorMessage(replace.error)}</> : null;
  return (
    <Alert color="yellow" variant="light" role="alert" title={t`Waldur cannot change only the email`}>
      <Stack gap="xs">
        <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
          <Trans>
            Waldur refuses an edit that keeps the username and role (“This keycloak user group membership already exists.”). What works is
            to remove this membership and add it again with the new email: Waldur deletes it (removing {username} from the Keycloak group)
            and creates it again (adding them back when Keycloak has the user). In between, and for good if adding it again fails,{' '}
            {username} has no access through {where}.
          </Trans>
        </Text>
        {replaceError ? (
          <Text size="sm" c="red">
            <Trans>Nothing was changed: {replaceError}</Trans>
          </Text>
        ) : null}
        <Group>
          <Button color="red" loading={busy} onClick={() => once(() => replace.mutate({ order: 'remove-first', body, oldUuid: old.uuid }))}>
            <Trans>Remove and add again</Trans>
          </Button>
        </Group>
      </Stack>
    </Alert>
  );
}
