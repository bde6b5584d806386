import { t } from '@lingui/core/macro';
import { notifications } from '@mantine/notifications';
import { useMutation, useMutationState, useQueryClient } from '@tanstack/react-query';
import { ApiError, errorMessage } from '../../api/errors';
import { isolate } from '../../lib/bidi';
import { isPending } from '../../components/pending-guard';
import { accessMutationKeys, accessMutations, resyncRefusal } from './mutations';
import type { AccessResource } from './types';
import { startWatch } from './watch-store';

/**
 * Re-sync of one resource (section 5.3): on success the resource is watched until the agent
 * reports; a refusal says what Waldur allows (403), that the offering does not report (409), or
 * that a request was made moments ago (429, 30 s per resource, shared by everyone).
 */
export function useResync(offeringUuid: string) {
  const queryClient = useQueryClient();
  const key = accessMutationKeys.resync(offeringUuid);
  // A resource's button is busy while its request is pending, whichever component sent it.
  const pending = useMutationState({
    filters: { mutationKey: key, status: 'pending' },
    select: (mutation) => (mutation.state.variables as AccessResource | undefined)?.uuid,
  });
  const { mutate } = useMutation({
    ...accessMutations.resync(offeringUuid),
    onSuccess: (_answer, resource) => {
      startWatch({ resourceUuid: resource.uuid ?? '', grantKey: null, reason: 'resync' });
      const name = isolate(resource.name ?? '');
      notifications.show({
        color: 'teal',
        title: t`Re-sync of ${name} requested`,
        message: t`Waldur passed the request to the site agent; it applies the grants at its next cycle at the latest. The states here change when it reports back: this page watches for that.`,
      });
    },
    onError: (error, resource) => {
      const refusal = resyncRefusal(error);
      const name = isolate(resource.name ?? '');
      // 429: a request made moments ago stands, a warning rather than a failure.
      const recent = refusal !== null && error instanceof ApiError && error.status === 429;
      notifications.show({
        color: recent ? 'yellow' : 'red',
        title: refusal?.title ?? t`Could not ask for a re-sync of ${name}`,
        message: refusal?.message ?? errorMessage(error),
        autoClose: false,
      });
    },
  });
  return {
    isBusy: (resourceUuid: string | undefined) => pending.includes(resourceUuid),
    /** One click, one request: a resource whose request is pending is not asked again. */
    mutate: (resource: AccessResource) => {
      if (!isPending<AccessResource>(queryClient, key, (other) => other.uuid === resource.uuid)) mutate(resource);
    },
  };
}
