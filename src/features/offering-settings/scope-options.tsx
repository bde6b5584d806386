import { Trans, useLingui } from '@lingui/react/macro';
import { Autocomplete, Button, Group, Modal, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { splitFormErrors } from '../../api/errors';
import { availableScopes, type AvailableScope } from '../../lib/resource-scopes';
import type { OfferingGroup, OfferingRole, ProviderResource } from '../../api/types';
import { confirmDestructive } from '../../components/confirm';
import { EmptyState } from '../../components/empty-state';
import { FormErrors } from '../../components/error-alert';
import { settingsMutations } from './mutations';
import { isolate } from '../../lib/bidi';
import { Bdi } from '../../components/bidi-text';

type Props = {
  offeringUuid: string;
  resources: ProviderResource[];
  roles: OfferingRole[];
  groups: OfferingGroup[];
  canManage: boolean;
};

type Editing = { resource: ProviderResource; index: number | null };
const EMPTY: AvailableScope = { scope_type: '', scope_id: '', label: '' };
const FIELDS = ['scope_type', 'scope_id', 'label'] as const;

/**
 * The scope IDs each resource offers for memberships (`keycloak_available_scopes`). Every
 * change saves the resource's whole list with set_keycloak_scopes; the Add member form and the
 * import wizard read the same resources query, so they offer a new option at once.
 */
export function ScopeOptions({ offeringUuid, resources, roles, groups, canManage }: Props) {
  const { t } = useLingui();
  const [editing, setEditing] = useState<Editing | null>(null);
  const [draft, setDraft] = useState<AvailableScope>(EMPTY);
  const [errors, setErrors] = useState<{ fields: Record<string, string>; form: string[] }>({ fields: {}, form: [] });
  const scopeTypes = [...new Set(roles.map((r) => r.scope_type).filter((t): t is string => Boolean(t)))];

  const saveList = useMutation(settingsMutations.scopes(offeringUuid));

  const open = (resource: ProviderResource, index: number | null) => {
    setEditing({ resource, index });
    setDraft(index === null ? { ...EMPTY, scope_type: scopeTypes[0] ?? '' } : { ...(availableScopes(resource)[index] ?? EMPTY) });
    setErrors({ fields: {}, form: [] });
  };

  const submit = () => {
    if (!editing) return;
    const trimmed = { scope_type: draft.scope_type.trim(), scope_id: draft.scope_id.trim(), label: draft.label.trim() };
    const local: Record<string, string> = {};
    for (const field of FIELDS) if (!trimmed[field]) local[field] = t`This field may not be blank.`;
    if (Object.keys(local).length > 0) return setErrors({ fields: local, form: [] });
    const current = availableScopes(editing.resource);
    const index = editing.index ?? current.length;
    const scopes = editing.index === null ? [...current, trimmed] : current.map((s, i) => (i === editing.index ? trimmed : s));
    saveList.mutate(
      { resource: editing.resource, scopes },
      {
        onSuccess: () => setEditing(null),
        onError: (error) => {
          const aliases = Object.fromEntries(FIELDS.map((f) => [`keycloak_available_scopes.${index}.${f}`, f]));
          setErrors(splitFormErrors(error, FIELDS, aliases));
        },
      },
    );
  };

  const remove = (resource: ProviderResource, index: number) => {
    const scopes = availableScopes(resource);
    const option = scopes[index];
    if (!option) return;
    const users = groups.filter((g) => g.resource_uuid === resource.uuid && g.scope_id === option.scope_id);
    const scopeId = isolate(option.scope_id);
    const optionId = option.scope_id;
    const resourceName = resource.name;
    confirmDestructive({
      title: t`Remove scope option ${scopeId}?`,
      confirmLabel: t`Remove option`,
      children: (
        <Stack gap="xs">
          <Text size="sm">
            <Trans>
              New members can no longer be added with scope ID “<Bdi>{optionId}</Bdi>” on <Bdi>{resourceName}</Bdi>.
            </Trans>
          </Text>
          {users.length > 0 ? (
            <>
              <Text size="sm">
                <Trans>These groups keep the scope ID and their members:</Trans>
              </Text>
              <ul style={{ margin: 0 }}>
                {users.map((g) => (
                  <li key={g.uuid} style={{ overflowWrap: 'anywhere' }}>
                    <Text size="sm" component="span">
                      {g.name}
                    </Text>
                  </li>
                ))}
              </ul>
            </>
          ) : (
            <Text size="sm">
              <Trans>No group uses it.</Trans>
            </Text>
          )}
        </Stack>
      ),
      onConfirm: () => saveList.mutate({ resource, scopes: scopes.filter((_, i) => i !== index) }),
    });
  };

  const editingName = isolate(editing?.resource.name ?? '');

  return (
    <Stack gap="sm" component="section" aria-labelledby="scope-options-title">
      <Title order={2} size="h3" id="scope-options-title">
        <Trans>Scope options</Trans>
      </Title>
      <Text size="sm" c="dimmed">
        <Trans>
          The scope IDs members can be added with, per resource (for roles that apply at a project, namespace or similar level).
        </Trans>
      </Text>
      {resources.length === 0 ? (
        <EmptyState title={t`No resources`} description={t`This offering has no resources yet, so there is nothing to scope.`} />
      ) : (
        resources.map((resource) => {
          const scopes = availableScopes(resource);
          const name = isolate(resource.name ?? '');
          return (
            <Stack key={resource.uuid} gap={4} component="section" aria-label={t`Scope options of ${name}`}>
              <Group justify="space-between">
                <Text fw={600} style={{ overflowWrap: 'anywhere' }}>
                  {resource.name}
                </Text>
                {canManage ? (
                  <Button size="xs" variant="light" onClick={() => open(resource, null)} aria-label={t`Add scope option to ${name}`}>
                    {/* The visible words start the accessible name (WCAG 2.5.3, label in name). */}
                    <Trans>Add scope option</Trans>
                  </Button>
                ) : null}
              </Group>
              {scopes.length === 0 ? (
                <Text size="sm" c="dimmed">
                  <Trans>No scope options.</Trans>
                </Text>
              ) : (
                <Table.ScrollContainer minWidth={480}>
                  <Table withTableBorder>
                    <Table.Thead>
                      <Table.Tr>
                        <Table.Th>
                          <Trans>Scope type</Trans>
                        </Table.Th>
                        <Table.Th>
                          <Trans>Scope ID</Trans>
                        </Table.Th>
                        <Table.Th>
                          <Trans>Label</Trans>
                        </Table.Th>
                        {canManage ? (
                          <Table.Th>
                            <Trans>Actions</Trans>
                          </Table.Th>
                        ) : null}
                      </Table.Tr>
                    </Table.Thead>
                    <Table.Tbody>
                      {scopes.map((scope, index) => {
                        const scopeId = isolate(scope.scope_id);
                        return (
                          <Table.Tr key={`${scope.scope_id}-${index}`}>
                            <Table.Td>{scope.scope_type}</Table.Td>
                            <Table.Td>{scope.scope_id}</Table.Td>
                            <Table.Td>{scope.label}</Table.Td>
                            {canManage ? (
                              <Table.Td>
                                <Group gap={4}>
                                  <Button
                                    size="compact-xs"
                                    variant="subtle"
                                    onClick={() => open(resource, index)}
                                    aria-label={t`Edit ${scopeId}`}
                                  >
                                    <Trans>Edit</Trans>
                                  </Button>
                                  <Button
                                    size="compact-xs"
                                    variant="subtle"
                                    color="red"
                                    onClick={() => remove(resource, index)}
                                    aria-label={t`Remove ${scopeId}`}
                                  >
                                    <Trans>Remove</Trans>
                                  </Button>
                                </Group>
                              </Table.Td>
                            ) : null}
                          </Table.Tr>
                        );
                      })}
                    </Table.Tbody>
                  </Table>
                </Table.ScrollContainer>
              )}
            </Stack>
          );
        })
      )}
      <Modal
        opened={editing !== null}
        onClose={() => setEditing(null)}
        title={editing?.index === null ? t`Add scope option to ${editingName}` : t`Edit scope option of ${editingName}`}
      >
        <form
          noValidate
          onSubmit={(event) => {
            event.preventDefault();
            if (!saveList.isPending) submit();
          }}
        >
          <Stack gap="sm">
            <Autocomplete
              label={t`Scope type`}
              description={t`The scope type of the roles it is for.`}
              data={scopeTypes}
              value={draft.scope_type}
              onChange={(value) => setDraft((d) => ({ ...d, scope_type: value }))}
              error={errors.fields.scope_type}
            />
            <TextInput
              label={t`Scope ID`}
              value={draft.scope_id}
              onChange={(event) => {
                const value = event.currentTarget.value;
                setDraft((d) => ({ ...d, scope_id: value }));
              }}
              error={errors.fields.scope_id}
            />
            <TextInput
              label={t`Label`}
              value={draft.label}
              onChange={(event) => {
                const value = event.currentTarget.value;
                setDraft((d) => ({ ...d, label: value }));
              }}
              error={errors.fields.label}
            />
            <FormErrors messages={errors.form} />
            <Group justify="flex-end">
              <Button variant="default" onClick={() => setEditing(null)}>
                <Trans>Cancel</Trans>
              </Button>
              <Button type="submit" loading={saveList.isPending}>
                <Trans>Save option</Trans>
              </Button>
            </Group>
          </Stack>
        </form>
      </Modal>
    </Stack>
  );
}
