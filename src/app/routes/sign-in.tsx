import { Center } from '@mantine/core';
import { useNavigate, useSearchParams } from 'react-router';
import { SignInForm } from '../../features/connection/sign-in-form';

/** Only same-app paths: never an open redirect. */
function safeNext(value: string | null): string {
  if (!value || !value.startsWith('/') || value.startsWith('//') || value.startsWith('/sign-in')) return '/offerings';
  return value;
}

export function Component() {
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const next = safeNext(params.get('next'));
  const notice =
    params.get('reason') === 'expired'
      ? 'Your session has expired. Sign in again to continue where you were.'
      : params.get('next')
        ? 'Sign in to continue.'
        : null;
  return (
    <Center mih="100vh" p="md" component="main">
      <SignInForm notice={notice} onSignedIn={() => void navigate(next, { replace: true })} />
    </Center>
  );
}
