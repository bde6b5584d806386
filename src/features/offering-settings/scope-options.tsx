import { Autocomplete, Button, Group, Modal, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { splitFormErrors } from '../../api/errors';
import { availableScopes, type AvailableScope } from '../../lib/resource-scopes';
import type { OfferingGroup, OfferingRole, ProviderResource } from '../../api/types';
import { confirmDestructive } from '../../components/confirm';
import { EmptyState } from '../../components/empty-state';
import { FormErrors } from '../../components/error-alert';
import { invalidateAfterScopes, setKeycloakScopes } from './mutations';
import { isolate } from '../../lib/bidi';

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
  const queryClient = useQueryClient();
  const [editing, setEditing] = useState<Editing | null>(null);
  const [draft, setDraft] = useState<AvailableScope>(EMPTY);
  const [errors, setErrors] = useState<{ fields: Record<string, string>; form: string[] }>({ fields: {}, form: [] });
  const scopeTypes = [...new Set(roles.map((r) => r.scope_type).filter((t): t is string => Boolean(t)))];

  const saveList = useMutation({
    mutationFn: ({ resource, scopes }: { resource: ProviderResource; scopes: AvailableScope[] }) =>
      setKeycloakScopes(resource.uuid ?? '', scopes),
    onSuccess: () => invalidateAfterScopes(queryClient, offeringUuid),
  });

  const open = (resource: ProviderResource, index: number | null) => {
    setEditing({ resource, index });
    setDraft(index === null ? { ...EMPTY, scope_type: scopeTypes[0] ?? '' } : { ...(availableScopes(resource)[index] ?? EMPTY) });
    setErrors({ fields: {}, form: [] });
  };

  const submit = () => {
    if (!editing) return;
    const trimmed = { scope_type: draft.scope_type.trim(), scope_id: draft.scope_id.trim(), label: draft.label.trim() };
    const local: Record<string, string> = {};
    for (const field of FIELDS) if (!trimmed[field]) local[field] = 'This field may not be blank.';
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
    confirmDestructive({
      title: `Remove scope option ${option.scope_id}?`,
      confirmLabel: 'Remove option',
      children: (
        <Stack gap="xs">
          <Text size="sm">
            New members can no longer be added with scope ID “{option.scope_id}” on {resource.name}.
          </Text>
          {users.length > 0 ? (
            <>
              <Text size="sm">These groups keep the scope ID and their members:</Text>
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
            <Text size="sm">No group uses it.</Text>
          )}
        </Stack>
      ),
      onConfirm: () => saveList.mutate({ resource, scopes: scopes.filter((_, i) => i !== index) }),
    });
  };

  return (
    <Stack gap="sm" component="section" aria-labelledby="scope-options-title">
      <Title order={2} size="h3" id="scope-options-title">
        Scope options
      </Title>
      <Text size="sm" c="dimmed">
        The scope IDs members can be added with, per resource (for roles that apply at a project, namespace or similar level).
      </Text>
      {resources.length === 0 ? (
        <EmptyState title="No resources" description="This offering has no resources yet, so there is nothing to scope." />
      ) : (
        resources.map((resource) => {
          const scopes = availableScopes(resource);
          return (
            <Stack key={resource.uuid} gap={4} component="section" aria-label={`Scope options of ${isolate(resource.name ?? '')}`}>
              <Group justify="space-between">
                <Text fw={600} style={{ overflowWrap: 'anywhere' }}>
                  {resource.name}
                </Text>
                {canManage ? (
                  <Button
                    size="xs"
                    variant="light"
                    onClick={() => open(resource, null)}
                    aria-label={`Add scope option to ${isolate(resource.name ?? '')}`}
                  >
                    Add option
                  </Button>
                ) : null}
              </Group>
              {scopes.length === 0 ? (
                <Text size="sm" c="dimmed">
                  No scope options.
                </Text>
              ) : (
                <Table withTableBorder>
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th>Scope type</Table.Th>
                      <Table.Th>Scope ID</Table.Th>
                      <Table.Th>Label</Table.Th>
                      {canManage ? <Table.Th>Actions</Table.Th> : null}
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {scopes.map((scope, index) => (
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
                                aria-label={`Edit ${scope.scope_id}`}
                              >
                                Edit
                              </Button>
                              <Button
                                size="compact-xs"
                                variant="subtle"
                                color="red"
                                onClick={() => remove(resource, index)}
                                aria-label={`Remove ${scope.scope_id}`}
                              >
                                Remove
                              </Button>
                            </Group>
                          </Table.Td>
                        ) : null}
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              )}
            </Stack>
          );
        })
      )}
      <Modal
        opened={editing !== null}
        onClose={() => setEditing(null)}
        title={
          editing?.index === null ? `Add scope option to ${editing.resource.name}` : `Edit scope option of ${editing?.resource.name ?? ''}`
        }
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
              label="Scope type"
              description="The scope type of the roles it is for."
              data={scopeTypes}
              value={draft.scope_type}
              onChange={(value) => setDraft((d) => ({ ...d, scope_type: value }))}
              error={errors.fields.scope_type}
            />
            <TextInput
              label="Scope ID"
              value={draft.scope_id}
              onChange={(event) => {
                const value = event.currentTarget.value;
                setDraft((d) => ({ ...d, scope_id: value }));
              }}
              error={errors.fields.scope_id}
            />
            <TextInput
              label="Label"
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
                Cancel
              </Button>
              <Button type="submit" loading={saveList.isPending}>
                Save option
              </Button>
            </Group>
          </Stack>
        </form>
      </Modal>
    </Stack>
  );
}
