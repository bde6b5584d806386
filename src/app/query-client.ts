import { t } from '@lingui/core/macro';
import { MutationCache, QueryCache, QueryClient } from '@tanstack/react-query';
import { notifications } from '@mantine/notifications';
import { ApiError, errorMessage } from '../api/errors';
import { invalidateAfter } from '../api/mutation-meta';

/**
 * Retries only what retrying can fix (5xx, network, timeout), once. A failed background
 * refetch of data already on screen becomes a notification instead of blanking the view.
 */
export function createQueryClient(): QueryClient {
  return new QueryClient({
    queryCache: new QueryCache({
      onError: (error, query) => {
        if (query.state.data === undefined) return;
        if (error instanceof ApiError && error.isUnauthorized) return;
        const reason = errorMessage(error);
        notifications.show({
          id: `refresh-failed-${query.queryHash}`,
          color: 'red',
          title: t`Could not refresh`,
          message: t`${reason} Showing the last data received.`,
        });
      },
    }),
    mutationCache: createMutationCache(),
    defaultOptions: {
      queries: {
        staleTime: 15_000,
        refetchOnWindowFocus: false,
        retry: (failureCount, error) => failureCount < 1 && error instanceof ApiError && error.isTransient,
        retryDelay: 400,
      },
      mutations: { retry: false },
    },
  });
}

/**
 * Reads each write's `meta.invalidates` (api/mutation-meta.ts) once it has settled. The
 * invalidation is awaited before the mutation's own onSuccess/onError/onSettled, so the write
 * stays pending, and its button busy, until the lists it changed have been fetched again, and a
 * notification of its outcome never shows beside the old rows.
 */
export function createMutationCache(): MutationCache {
  return new MutationCache({
    onSuccess: (data, variables, _onMutateResult, mutation, context) =>
      invalidateAfter(context.client, mutation.meta, { data, error: null, variables }),
    onError: (error, variables, _onMutateResult, mutation, context) =>
      invalidateAfter(context.client, mutation.meta, { data: undefined, error, variables }),
  });
}

/** The app's one client; route loaders and components share its cache. */
export const queryClient = createQueryClient();
