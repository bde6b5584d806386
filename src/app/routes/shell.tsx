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

function ColorSchemeToggle() {
  const { setColorScheme } = useMantineColorScheme();
  const computed = useComputedColorScheme('light');
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
          <Button variant="default" onClick={() => signOut()}>
            {t`Sign out`}
          </Button>
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
