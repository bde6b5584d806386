import { MutationCache, QueryCache, QueryClient } from '@tanstack/react-query';
import { notifications } from '@mantine/notifications';
import { ApiError, errorMessage } from '../api/errors';

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
        notifications.show({
          id: `refresh-failed-${query.queryHash}`,
          color: 'red',
          title: 'Could not refresh',
          message: `${errorMessage(error)} Showing the last data received.`,
        });
      },
    }),
    mutationCache: new MutationCache(),
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

/** The app's one client; route loaders and components share its cache. */
export const queryClient = createQueryClient();
