import { useLingui } from '@lingui/react/macro';
import { Button, Container, Stack } from '@mantine/core';
import { isRouteErrorResponse, Navigate, useLocation, useRevalidator, useRouteError } from 'react-router';
import { ApiError } from '../api/errors';
import { ErrorAlert } from '../components/error-alert';
import { NotFound } from '../components/not-found';

/** A route's error boundary: not-found for 404, otherwise the error in place with a Retry. */
export function RouteError() {
  const error = useRouteError();
  const revalidator = useRevalidator();
  const location = useLocation();
  const { t } = useLingui();
  // A loader refused on first load (expired token): the session watcher is not listening yet.
  if (error instanceof ApiError && error.isUnauthorized) {
    const next = encodeURIComponent(location.pathname + location.search);
    return <Navigate to={`/sign-in?next=${next}&reason=expired`} replace />;
  }
  if ((isRouteErrorResponse(error) && error.status === 404) || (error instanceof ApiError && error.isNotFound)) {
    return <NotFound />;
  }
  return (
    <Container size="sm" py="xl">
      <Stack>
        <ErrorAlert error={error} title={t`Could not load this page`} onRetry={() => void revalidator.revalidate()} />
        <Button variant="subtle" onClick={() => window.location.assign('/offerings')}>
          {t`Go to offerings`}
        </Button>
      </Stack>
    </Container>
  );
}
