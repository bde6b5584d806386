import { useLingui } from '@lingui/react/macro';
import { Center } from '@mantine/core';
import { useNavigate, useSearchParams } from 'react-router';
import { api, unwrap } from '../../api/client';
import { SignInForm } from '../../features/connection/sign-in-form';
import { keepDraftsFor } from '../../lib/form-draft';

/** Only same-app paths: never an open redirect. */
function safeNext(value: string | null): string {
  if (!value || !value.startsWith('/') || value.startsWith('//') || value.startsWith('/sign-in')) return '/offerings';
  return value;
}

export function Component() {
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const { t } = useLingui();
  const next = safeNext(params.get('next'));
  // Only news is a notice: an expired session. A first visit (or a deep link) has the form's own heading.
  const notice = params.get('reason') === 'expired' ? t`Your session has expired. Sign in again to continue where you were.` : null;
  return (
    <Center mih="100vh" p="md" component="main">
      <SignInForm
        notice={notice}
        onSignedIn={async () => {
          // Someone else than the user whose session expired: their page and drafts are not shown.
          const me = await unwrap(api.GET('/api/users/me/', {})).catch(() => null);
          const kept = me?.uuid ? keepDraftsFor(me.uuid) : true;
          void navigate(kept ? next : '/offerings', { replace: true });
        }}
      />
    </Center>
  );
}
