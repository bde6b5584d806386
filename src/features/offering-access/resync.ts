import { notifications } from '@mantine/notifications';
import { useMutation } from '@tanstack/react-query';
import { errorMessage } from '../../api/errors';
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
      notifications.show({
        color: 'teal',
        title: `Re-sync of ${isolate(resource.name ?? '')} requested`,
        message:
          'Waldur passed the request to the site agent; it applies the grants at its next cycle at the latest. The states here change when it reports back: this page watches for that.',
      });
    },
    onError: (error, resource) => {
      const refusal = resyncRefusal(error);
      notifications.show({
        color: refusal && refusal.title.startsWith('A re-sync') ? 'yellow' : 'red',
        title: refusal?.title ?? `Could not ask for a re-sync of ${isolate(resource.name ?? '')}`,
        message: refusal?.message ?? errorMessage(error),
        autoClose: false,
      });
    },
  });
}
