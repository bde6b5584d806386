import { useLingui } from '@lingui/react/macro';
import { ActionIcon, Button, Group, Progress, Text, useComputedColorScheme, useMantineColorScheme } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useEffect } from 'react';
import { Outlet, useNavigation } from 'react-router';
import { signOut } from '../../api/session';
import { DeferredTooltip } from '../../components/deferred/widgets';
import { isUsable, type FeatureStatus } from '../../features/connection/capabilities';
import { connectionQueries } from '../../features/connection/queries';
import { setDraftOwner } from '../../lib/form-draft';
import { AppFrame, AppNavLink } from '../app-frame';
import { LanguageSelect } from '../../i18n/language-select';
import { useFocusMainOnNavigation } from '../use-focus-main-on-navigation';
import classes from '../app-frame.module.css';

function ColorSchemeToggle() {
  const { setColorScheme } = useMantineColorScheme();
  // Read at the first render (no server render to match): Mantine's default reads it in an
  // effect, and a click before that effect set the scheme the page already had.
  const computed = useComputedColorScheme('light', { getInitialValueInEffect: false });
  const { t } = useLingui();
  return (
    <DeferredTooltip label={computed === 'dark' ? t`Switch to light` : t`Switch to dark`}>
      <ActionIcon
        variant="default"
        size="lg"
        aria-label={t`Toggle color scheme`}
        onClick={() => setColorScheme(computed === 'dark' ? 'light' : 'dark')}
      >
        <span aria-hidden="true">{computed === 'dark' ? '☀' : '☾'}</span>
      </ActionIcon>
    </DeferredTooltip>
  );
}

/** A door with an arrow out of it; mirrored in right-to-left text, where "out" points the other way. */
function SignOutIcon() {
  return (
    <svg
      aria-hidden="true"
      width="18"
      height="18"
      viewBox="0 0 24 24"
      fill="none"
      stroke="currentColor"
      strokeWidth="2"
      strokeLinecap="round"
      strokeLinejoin="round"
      className={classes.signOutIcon}
    >
      <path d="M14 8V6a2 2 0 0 0-2-2H5a2 2 0 0 0-2 2v12a2 2 0 0 0 2 2h7a2 2 0 0 0 2-2v-2" />
      <path d="M9 12h12l-3-3m0 6 3-3" />
    </svg>
  );
}

function FeatureNavLink({ to, label, status }: { to: string; label: string; status: FeatureStatus | undefined }) {
  const usable = !status || isUsable(status);
  const reason = !usable && status && status.state !== 'available' ? status.reason : null;
  return <AppNavLink to={to} label={label} disabledReason={reason} />;
}

export function Component() {
  const me = useQuery(connectionQueries.me());
  const myUuid = me.data?.uuid;
  useEffect(() => {
    if (myUuid) setDraftOwner(myUuid);
  }, [myUuid]);
  const capabilities = useQuery(connectionQueries.capabilities());
  const navigation = useNavigation();
  const { t } = useLingui();
  useFocusMainOnNavigation();

  return (
    <AppFrame
      headerTop={
        navigation.state === 'loading' ? (
          <Progress value={100} animated size="xs" radius={0} pos="absolute" top={0} left={0} right={0} aria-label={t`Loading page`} />
        ) : null
      }
      headerEnd={
        <Group gap="sm" wrap="nowrap">
          <Text size="sm" visibleFrom="xs">
            {me.data ? me.data.full_name || me.data.username : ''}
          </Text>
          <LanguageSelect />
          <ColorSchemeToggle />
          {/* Text from "sm" up; below, an icon with the same name (one of the two is shown, and read). */}
          <Button variant="default" onClick={() => signOut()} visibleFrom="sm">
            {t`Sign out`}
          </Button>
          <DeferredTooltip label={t`Sign out`}>
            <ActionIcon variant="default" size="lg" hiddenFrom="sm" aria-label={t`Sign out`} onClick={() => signOut()}>
              <SignOutIcon />
            </ActionIcon>
          </DeferredTooltip>
        </Group>
      }
      nav={
        <>
          <AppNavLink to="/offerings" label={t`Offerings`} />
          <FeatureNavLink to="/rancher-memberships" label={t`Rancher memberships`} status={capabilities.data?.rancherKeycloak} />
          <AppNavLink to="/server" label={t`Server`} />
        </>
      }
    >
      <Outlet />
    </AppFrame>
  );
}
