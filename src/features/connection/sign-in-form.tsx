import { zodResolver } from '@hookform/resolvers/zod';
import { t } from '@lingui/core/macro';
import { Trans, useLingui } from '@lingui/react/macro';
import { Alert, Anchor, Button, Checkbox, Paper, PasswordInput, Stack, Text, TextInput, Title } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { z } from 'zod/mini';
import { ApiError, errorMessage } from '../../api/errors';
import { setToken } from '../../api/session';
import { connectionMutations } from './mutations';

const passwordSchema = z.object({
  username: z.string().check(z.trim(), z.minLength(1, { error: () => t`Enter your username.` })),
  password: z.string().check(z.minLength(1, { error: () => t`Enter your password.` })),
  remember: z.boolean(),
});

/** A token as pasted from an Authorization header or the docs ("Token abc…") is the same token. */
export function pastedToken(text: string): string {
  return text.trim().replace(/^Token\s+/i, '');
}

export const tokenSchema = z.object({
  token: z
    .string()
    .check(
      z.overwrite(pastedToken),
      z.minLength(1, { error: () => t`Paste an API token.` }),
      z.regex(/^[A-Za-z0-9]+$/, { error: () => t`An API token has only letters and digits.` }),
    ),
  remember: z.boolean(),
});

type PasswordValues = z.infer<typeof passwordSchema>;
type TokenValues = z.infer<typeof tokenSchema>;

function signInMessage(error: unknown): string {
  if (error instanceof ApiError && (error.status === 401 || error.status === 400)) {
    return t`Wrong username or password. Check both and try again.`;
  }
  return errorMessage(error);
}

export function SignInForm({ onSignedIn, notice }: { onSignedIn: () => void; notice?: string | null }) {
  const [mode, setMode] = useState<'password' | 'token'>('password');
  // One message at a time: once an attempt fails, its error replaces the notice.
  const [failed, setFailed] = useState(false);
  const { t } = useLingui();
  return (
    <Paper withBorder shadow="sm" p="xl" radius="md" w="100%" maw={420}>
      <Stack gap="md">
        <div>
          <Title order={1} size="h2">
            <Trans>Sign in</Trans>
          </Title>
          <Text c="dimmed" size="sm">
            <Trans>Keycloak groups admin for Waldur</Trans>
          </Text>
        </div>
        {notice && !failed ? (
          <Alert color="yellow" variant="light" role="status">
            {notice}
          </Alert>
        ) : null}
        {mode === 'password' ? (
          <PasswordForm onSignedIn={onSignedIn} onFailed={() => setFailed(true)} />
        ) : (
          <TokenForm onSignedIn={onSignedIn} onFailed={() => setFailed(true)} />
        )}
        <Anchor component="button" type="button" size="sm" onClick={() => setMode(mode === 'password' ? 'token' : 'password')}>
          {mode === 'password' ? t`Use an API token` : t`Use username and password`}
        </Anchor>
      </Stack>
    </Paper>
  );
}

function PasswordForm({ onSignedIn, onFailed }: { onSignedIn: () => void; onFailed: () => void }) {
  const form = useForm<PasswordValues>({
    resolver: zodResolver(passwordSchema),
    defaultValues: { username: '', password: '', remember: false },
  });
  const signIn = useMutation({
    ...connectionMutations.signIn<PasswordValues>(),
    onError: onFailed,
    onSuccess: (data, values) => {
      setToken(data.token, values.remember);
      onSignedIn();
    },
  });
  const { errors } = form.formState;
  const { t } = useLingui();
  return (
    <form noValidate onSubmit={form.handleSubmit((values) => signIn.mutate(values))}>
      <Stack gap="sm">
        {signIn.error ? (
          <Alert color="red" variant="light" role="alert">
            {signInMessage(signIn.error)}
          </Alert>
        ) : null}
        <TextInput label={t`Username`} autoComplete="username" autoFocus {...form.register('username')} error={errors.username?.message} />
        <PasswordInput
          label={t`Password`}
          autoComplete="current-password"
          {...form.register('password')}
          error={errors.password?.message}
        />
        <Checkbox label={t`Remember me`} {...form.register('remember')} />
        <Button type="submit" loading={signIn.isPending}>
          <Trans>Sign in</Trans>
        </Button>
      </Stack>
    </form>
  );
}

function TokenForm({ onSignedIn, onFailed }: { onSignedIn: () => void; onFailed: () => void }) {
  const form = useForm<TokenValues>({ resolver: zodResolver(tokenSchema), defaultValues: { token: '', remember: false } });
  const check = useMutation({
    ...connectionMutations.checkToken<TokenValues>(),
    onError: onFailed,
    onSuccess: (values) => {
      setToken(values.token, values.remember);
      onSignedIn();
    },
  });
  const { errors } = form.formState;
  const { t } = useLingui();
  return (
    <form noValidate onSubmit={form.handleSubmit((values) => check.mutate(values))}>
      <Stack gap="sm">
        {check.error ? (
          <Alert color="red" variant="light" role="alert">
            {errorMessage(check.error)}
          </Alert>
        ) : null}
        <PasswordInput
          label={t`API token`}
          description={t`From your Waldur user profile, under Credentials.`}
          autoComplete="off"
          autoFocus
          {...form.register('token')}
          error={errors.token?.message}
        />
        <Checkbox label={t`Remember me`} {...form.register('remember')} />
        <Button type="submit" loading={check.isPending}>
          <Trans>Sign in</Trans>
        </Button>
      </Stack>
    </form>
  );
}
