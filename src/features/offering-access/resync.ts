import { t } from '@lingui/core/macro';
import { notifications } from '@mantine/notifications';
import { useMutation } from '@tanstack/react-query';
import { ApiError, errorMessage } from '../../api/errors';
import { isolate } from '../../lib/bidi';
import { requestResync, resyncRefusal } from './mutations';
import type { AccessResource } from './types';
import { startWatch } from './watch-store';

/**
 * Re-sync of one resource (section 5.3): on success the resource is watched until the agent
 * reports; a refusal says what Waldur allows (403), that the offering does not report (409), or
 * that a request was made moments ago (429, 30 s per resource, shared by everyone).
 */
export function useResync() {
  return useMutation({
    mutationFn: (resource: AccessResource) => requestResync(resource.uuid ?? ''),
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
}
