import { Trans, useLingui } from '@lingui/react/macro';
import { Alert, Button, Code, Paper, Select, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { Bdi } from '../../components/bidi-text';
import { formatNumber } from '../../lib/format';
import { availableScopes } from '../../lib/resource-scopes';
import type { Offering, OfferingGroup, OfferingRole, ProviderResource } from '../../api/types';
import { bracedTemplateFix, keycloakGroupName, templateValues, unknownTemplateVariables } from './group-name';

type Props = {
  template: string;
  offering: Offering;
  roles: OfferingRole[];
  resources: ProviderResource[];
  groups: OfferingGroup[];
  onFix: (template: string) => void;
};

const NO_RESOURCE = '';
/** Waldur's group name column holds 150 characters (the simulator clips there too). */
const NAME_LIMIT = 150;

/**
 * The name the next new group would get for a chosen role (and resource and scope ID), as
 * Waldur computes it from the template being typed; unknown variables are flagged as typed.
 */
export function GroupNamePreview({ template, offering, roles, resources, groups, onFix }: Props) {
  const { t } = useLingui();
  const [roleUuid, setRoleUuid] = useState<string | null>(roles[0]?.uuid ?? null);
  const [resourceUuid, setResourceUuid] = useState<string>(NO_RESOURCE);
  const [scopeId, setScopeId] = useState<string>('');
  const role = roles.find((r) => r.uuid === roleUuid) ?? roles[0];
  const resource = resources.find((r) => r.uuid === resourceUuid);
  const scopes = availableScopes(resource);
  const trimmed = template.trim();
  const unknown = unknownTemplateVariables(trimmed);
  const fix = unknown.length > 0 ? bracedTemplateFix(trimmed) : null;
  const unknownList = unknown.map((u) => `$${u}`).join(', ');
  const organizationSlug = resources.find((r) => r.provider_slug)?.provider_slug ?? '';
  const name = role
    ? keycloakGroupName(trimmed, templateValues({ offering, organizationSlug, roleName: role.name, resource, scopeId }))
    : null;
  const existing = role
    ? groups.find(
        (g) => g.role_name === role.name && (g.resource_uuid ?? null) === (resource?.uuid ?? null) && (g.scope_id ?? '') === scopeId,
      )
    : undefined;
  const existingName = existing?.name;
  const nameLimit = formatNumber(NAME_LIMIT);

  return (
    <Paper withBorder p="sm" component="section" aria-label={t`Group name preview`} miw={280}>
      <Stack gap="xs">
        <Text size="sm" fw={600}>
          <Trans>Preview: name of the next new group</Trans>
        </Text>
        {unknown.length > 0 ? (
          <Alert color="red" variant="light" p="xs">
            <Text size="sm">
              <Trans>
                Waldur will refuse this template. Unknown: <bdi dir="ltr">{unknownList}</bdi>
              </Trans>
            </Text>
            {fix ? (
              <Button size="xs" mt={6} variant="light" onClick={() => onFix(fix)}>
                <Trans>
                  Use <bdi dir="ltr">{fix}</bdi>
                </Trans>
              </Button>
            ) : null}
          </Alert>
        ) : null}
        <Select
          label={t`Role`}
          size="xs"
          data={roles.map((r) => ({ value: r.uuid, label: r.name }))}
          value={role?.uuid ?? null}
          onChange={setRoleUuid}
          allowDeselect={false}
        />
        <Select
          label={t`Resource (optional)`}
          size="xs"
          data={[{ value: NO_RESOURCE, label: t`No resource` }, ...resources.map((r) => ({ value: r.uuid ?? '', label: r.name ?? '' }))]}
          value={resourceUuid}
          onChange={(value) => {
            setResourceUuid(value ?? NO_RESOURCE);
            setScopeId('');
          }}
          allowDeselect={false}
        />
        <Select
          label={t`Scope ID (optional)`}
          size="xs"
          disabled={!resource || scopes.length === 0}
          data={[
            { value: '', label: t`No scope` },
            ...scopes.map((s) => ({ value: s.scope_id, label: `${s.label || s.scope_id} (${s.scope_id})` })),
          ]}
          value={scopeId}
          onChange={(value) => setScopeId(value ?? '')}
          allowDeselect={false}
        />
        {name === null ? (
          <Text size="sm" c="dimmed">
            <Trans>The offering has no roles yet, so no group can be made.</Trans>
          </Text>
        ) : (
          // A status (polite live region) named for what it shows, so it can be found by its name.
          <div role="status" aria-label={t`Name of the next new group`}>
            <Code block style={{ overflowWrap: 'anywhere', whiteSpace: 'pre-wrap' }}>
              {name || t`(empty name)`}
            </Code>
            {[...name].length > NAME_LIMIT ? (
              <Text size="xs" c="red" mt={4}>
                <Trans>Longer than {nameLimit} characters: Waldur cannot store it.</Trans>
              </Text>
            ) : null}
            {trimmed.includes('organization_slug') && !organizationSlug ? (
              <Text size="xs" c="dimmed" mt={4}>
                <Trans>The organization slug is unknown here (no resource shows it); it is left empty.</Trans>
              </Text>
            ) : null}
            {existing ? (
              <Text size="xs" c="dimmed" mt={4}>
                <Trans>
                  A group for this combination exists already (“<Bdi>{existingName}</Bdi>”): new members join it, and the template only
                  names new groups.
                </Trans>
              </Text>
            ) : null}
          </div>
        )}
      </Stack>
    </Paper>
  );
}
