import { Trans, useLingui } from '@lingui/react/macro';
import { Alert, List, Text } from '@mantine/core';
import type { Offering } from '../api/types';
import { Bdi } from './bidi-text';

/** The offering's Keycloak base group (`plugin_options.keycloak_base_group`), or '' when none is set. */
export function baseGroupOf(offering: Pick<Offering, 'plugin_options'> | undefined): string {
  const value = (offering?.plugin_options as Record<string, unknown> | null | undefined)?.keycloak_base_group;
  return typeof value === 'string' ? value.trim() : '';
}

type Props = { offering: Pick<Offering, 'plugin_options' | 'slug' | 'uuid'> };

/**
 * Why `remote_groups` is empty for an offering with a base group: Waldur 8.0.x (python-keycloak
 * 5.x `get_groups`) fetches only one level of sub-groups, and Keycloak 23+ no longer nests them,
 * so the role groups under {base}/{offering}/ are never fetched. Shown instead of a bare "no groups".
 */
export function BaseGroupLimitNote({ offering }: Props) {
  const { t } = useLingui();
  const base = baseGroupOf(offering);
  const group = offering.slug || offering.uuid?.replaceAll('-', '') || t`the offering`;
  // Names as elements, not strings: Lingui would read markup in a string value as its own tags.
  const baseName = <Bdi>{base}</Bdi>;
  const groupName = <Bdi>{group}</Bdi>;
  const path = (
    <Bdi>
      {base}/{group}/
    </Bdi>
  );
  return (
    <Alert color="orange" variant="light" role="note" title={t`Waldur cannot see this offering’s role groups`}>
      <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
        <Trans>
          Waldur lists no remote groups, but that does not mean Keycloak has none. This offering has the base group “{baseName}”. Waldur
          8.0.x fetches only one level of sub-groups, so on Keycloak 23 and later the role groups under {path} are invisible to it: they
          cannot be listed, imported or compared here.
        </Trans>
      </Text>
      <Text size="sm" mt="xs">
        <Trans>What an operator can do:</Trans>
      </Text>
      <List size="sm" spacing={2}>
        <List.Item>
          <Trans>
            Move the offering’s group “{groupName}” to the top level in Keycloak and clear the base group. Waldur’s API cannot clear a base
            group once it is set, so clear it in Waldur’s admin.
          </Trans>
        </List.Item>
        <List.Item>
          <Trans>Or upgrade Waldur once a version that fetches nested groups is available.</Trans>
        </List.Item>
      </List>
    </Alert>
  );
}
