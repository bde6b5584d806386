import { plural } from '@lingui/core/macro';
import { Trans, useLingui } from '@lingui/react/macro';
import { Alert, Badge, Button, Group, Paper, Select, Stack, Table, Text, Title, VisuallyHidden } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { memo, useMemo, useState } from 'react';
import { availableScopes, scopesForRole } from '../../lib/resource-scopes';
import { offeringQueries } from '../../api/offering-queries';
import type { OfferingRole, ProviderResource } from '../../api/types';
import { ErrorAlert } from '../../components/error-alert';
import { TableSkeleton } from '../../components/table-skeleton';
import { choiceProblems, type FieldProblems } from './review';
import { VirtualTable } from '../../components/virtual-table';
import { applyToAll, EMPTY_CHOICE, isLocked, setChoice, setSelected, type Choice, type WizardState } from './wizard-state';
import type { WizardStore } from './wizard-store';
import { Bdi } from '../../components/bidi-text';
import { showControls, isolate } from '../../lib/bidi';
import { formatNumber } from '../../lib/format';

type Props = {
  offeringUuid: string;
  state: WizardState;
  update: WizardStore['update'];
  /** Show what is missing (after "Next" was pressed with gaps). */
  showErrors: boolean;
};

type SelectData = Array<{ value: string; label: string }>;
type ScopeData = Array<{ group: string; items: SelectData }>;

function roleOptions(roles: readonly OfferingRole[]): SelectData {
  return roles.map((role) => ({
    value: role.uuid,
    label: role.scope_type ? `${isolate(role.name)} (${role.scope_type_label || role.scope_type})` : isolate(role.name),
  }));
}

/** The resource's scope IDs; with a role chosen, only those of its scope type (all Waldur accepts). */
function scopeOptions(resource: ProviderResource | undefined, role: OfferingRole | undefined, scopeLabel: string): ScopeData {
  const groups = new Map<string, SelectData>();
  for (const scope of role ? scopesForRole(resource, role.scope_type) : availableScopes(resource)) {
    const group = scope.scope_type || scopeLabel;
    groups.set(group, [
      ...(groups.get(group) ?? []),
      { value: scope.scope_id, label: scope.label ? `${scope.label} (${scope.scope_id})` : scope.scope_id },
    ]);
  }
  return [...groups].map(([group, items]) => ({ group, items }));
}

/** Keeps the scope ID only if the new resource offers it. */
function withResource(choice: Choice, resourceUuid: string, resources: readonly ProviderResource[]): Choice {
  const resource = resources.find((item) => item.uuid === resourceUuid);
  const keep = resource && availableScopes(resource).some((scope) => scope.scope_id === choice.scope);
  return { ...choice, resource: resourceUuid, scope: keep ? choice.scope : '' };
}

/** Step 2: a role (required), resource and scope ID for every chosen group; "Apply to all". */
export function AssignRolesStep({ offeringUuid, state, update, showErrors }: Props) {
  const roles = useQuery(offeringQueries.everyRole(offeringUuid));
  const resources = useQuery(offeringQueries.firstPageResources(offeringUuid));
  const { t } = useLingui();

  if (!roles.data || !resources.data) {
    const error = roles.error ?? resources.error;
    return (
      <Stack gap="sm">
        <Title order={3} size="h4">
          <Trans>Assign roles</Trans>
        </Title>
        {error ? (
          <ErrorAlert
            error={error}
            title={t`Could not load the offering’s roles and resources`}
            onRetry={() => void Promise.all([roles.refetch(), resources.refetch()])}
          />
        ) : (
          <TableSkeleton rows={4} label={t`Loading roles and resources`} />
        )}
      </Stack>
    );
  }
  return <AssignRolesForm state={state} update={update} showErrors={showErrors} roles={roles.data} resources={resources.data} />;
}

type FormProps = Omit<Props, 'offeringUuid'> & { roles: OfferingRole[]; resources: ProviderResource[] };

function AssignRolesForm({ state, update, showErrors, roles, resources }: FormProps) {
  const { t } = useLingui();
  const scopeLabel = t`Scope`;
  const roleData = useMemo(() => roleOptions(roles), [roles]);
  const resourceData = useMemo(
    () =>
      resources.flatMap((resource) => (resource.uuid ? [{ value: resource.uuid, label: isolate(resource.name || resource.uuid) }] : [])),
    [resources],
  );
  // Per resource and role (or no role yet), built once for every pair: the rows share them.
  const scopeData = useMemo(() => {
    const table = new Map<string, ScopeData>();
    for (const resource of resources) {
      if (!resource.uuid) continue;
      table.set(`${resource.uuid}\u0000`, scopeOptions(resource, undefined, scopeLabel));
      for (const role of roles) if (role.uuid) table.set(`${resource.uuid}\u0000${role.uuid}`, scopeOptions(resource, role, scopeLabel));
    }
    return (resourceUuid: string, roleUuid: string): ScopeData =>
      table.get(`${resourceUuid}\u0000${roleUuid}`) ?? table.get(`${resourceUuid}\u0000`) ?? NO_SCOPES;
  }, [resources, roles, scopeLabel]);
  const lookups = useMemo(() => ({ roles, resources }), [roles, resources]);

  const editable = state.selected.filter((id) => !isLocked(state, id));
  const missing = editable.filter((id) => Object.keys(choiceProblems(state.choices[id] ?? EMPTY_CHOICE, lookups)).length > 0).length;

  return (
    <Stack gap="sm">
      <Title order={3} size="h4">
        <Trans>Assign roles</Trans>
      </Title>
      <Text size="sm" c="dimmed">
        <Trans>
          Each imported group becomes a local group with a role, and optionally a resource and a scope ID within it. Waldur keeps one group
          per role, resource and scope ID.
        </Trans>
      </Text>
      <ApplyToAll
        count={editable.length}
        roleData={roleData}
        resourceData={resourceData}
        scopeData={scopeData}
        onApply={(choice) => update((current) => applyToAll(current, choice))}
        resources={resources}
      />
      {showErrors && missing > 0 ? (
        <Alert color="red" variant="light" role="alert" title={t`Some groups are not ready`}>
          {plural(missing, {
            one: 'One group needs a role (and a valid resource and scope ID) before you go on.',
            other: '# groups need a role (and a valid resource and scope ID) before you go on.',
          })}
        </Alert>
      ) : null}
      <VirtualTable
        count={state.selected.length}
        columns={5}
        estimateRowHeight={52}
        label={t`Roles for the chosen groups`}
        head={
          <Table.Tr>
            <Table.Th w="28%">
              <Trans>Remote group</Trans>
            </Table.Th>
            <Table.Th w="24%">
              <Trans>Role</Trans>
            </Table.Th>
            <Table.Th w="20%">
              <Trans>Resource</Trans>
            </Table.Th>
            <Table.Th w="20%">
              <Trans>Scope ID</Trans>
            </Table.Th>
            <Table.Th w={70}>
              <VisuallyHidden>
                <Trans>Remove</Trans>
              </VisuallyHidden>
            </Table.Th>
          </Table.Tr>
        }
        row={(index) => {
          const id = state.selected[index] ?? '';
          const info = state.groups[id] ?? { name: id, path: '' };
          const choice = state.choices[id] ?? EMPTY_CHOICE;
          return (
            <AssignRow
              id={id}
              name={info.name}
              path={info.path}
              choice={choice}
              locked={isLocked(state, id)}
              problems={shownProblems(choiceProblems(choice, lookups), showErrors)}
              roleData={roleData}
              resourceData={resourceData}
              scopeData={choice.resource ? scopeData(choice.resource, choice.role) : undefined}
              resources={resources}
              update={update}
            />
          );
        }}
      />
    </Stack>
  );
}

/**
 * What the row shows: a scope ID that clashes with the role is flagged where it is chosen, at
 * once; a missing role only after "Next" (an untouched row is not an error yet).
 */
function shownProblems(problems: FieldProblems, showErrors: boolean): FieldProblems {
  if (showErrors) return problems;
  return problems.scope ? { scope: problems.scope } : NO_PROBLEMS;
}

const NO_PROBLEMS: FieldProblems = {};
const NO_SCOPES: ScopeData = [];

function ApplyToAll({
  count,
  roleData,
  resourceData,
  scopeData,
  resources,
  onApply,
}: {
  count: number;
  roleData: SelectData;
  resourceData: SelectData;
  scopeData: (resourceUuid: string, roleUuid: string) => ScopeData;
  resources: ProviderResource[];
  onApply: (choice: Choice) => void;
}) {
  const [choice, setLocalChoice] = useState<Choice>(EMPTY_CHOICE);
  const { t } = useLingui();
  const countText = formatNumber(count);
  const scopes = choice.resource ? scopeData(choice.resource, choice.role) : [];
  return (
    <Paper withBorder p="sm" component="section" aria-label={t`Apply to all`}>
      <Group align="flex-end" gap="sm" wrap="wrap">
        <Select
          label={t`Role for all`}
          placeholder={t`Choose a role`}
          data={roleData}
          value={choice.role || null}
          onChange={(value) => setLocalChoice({ ...choice, role: value ?? '' })}
          searchable
          w={220}
        />
        <Select
          label={t`Resource for all`}
          placeholder={t`No resource`}
          data={resourceData}
          value={choice.resource || null}
          onChange={(value) => setLocalChoice(withResource(choice, value ?? '', resources))}
          clearable
          searchable
          w={220}
        />
        <Select
          label={t`Scope ID for all`}
          placeholder={!choice.resource ? t`Choose a resource first` : scopes.length === 0 ? t`No scope IDs offered` : t`No scope ID`}
          data={scopes}
          value={choice.scope || null}
          onChange={(value) => setLocalChoice({ ...choice, scope: value ?? '' })}
          disabled={scopes.length === 0}
          clearable
          searchable
          w={220}
        />
        <Button variant="light" disabled={!choice.role || count === 0} onClick={() => onApply(choice)}>
          <Trans>Apply to all ({countText})</Trans>
        </Button>
      </Group>
    </Paper>
  );
}

type RowProps = {
  id: string;
  name: string;
  path: string;
  choice: Choice;
  locked: boolean;
  problems: FieldProblems;
  roleData: SelectData;
  resourceData: SelectData;
  scopeData: ScopeData | undefined;
  resources: ProviderResource[];
  update: WizardStore['update'];
};

const AssignRow = memo(function AssignRow({
  id,
  name,
  path,
  choice,
  locked,
  problems,
  roleData,
  resourceData,
  scopeData,
  resources,
  update,
}: RowProps) {
  const scopes = scopeData ?? [];
  const { t } = useLingui();
  const shownName = isolate(name);
  return (
    <>
      <Table.Td>
        <Text size="sm" fw={500} lineClamp={2} title={showControls(name)} style={{ overflowWrap: 'anywhere' }}>
          <Bdi>{name}</Bdi>
        </Text>
        <Text size="xs" c="dimmed" truncate="end" title={showControls(path)}>
          <Bdi>{path}</Bdi>
        </Text>
        {locked ? (
          <Badge color="green" variant="light" size="sm" mt={4}>
            <Trans>Imported</Trans>
          </Badge>
        ) : null}
      </Table.Td>
      <Table.Td>
        <Select
          aria-label={t`Role for ${shownName}`}
          placeholder={t`Choose a role`}
          data={roleData}
          value={choice.role || null}
          onChange={(value) => update((current) => setChoice(current, id, { role: value ?? '' }))}
          error={problems.role}
          disabled={locked}
          searchable
          size="xs"
          required
        />
      </Table.Td>
      <Table.Td>
        <Select
          aria-label={t`Resource for ${shownName}`}
          placeholder={t`No resource`}
          data={resourceData}
          value={choice.resource || null}
          onChange={(value) =>
            update((current) => setChoice(current, id, withResource(current.choices[id] ?? EMPTY_CHOICE, value ?? '', resources)))
          }
          error={problems.resource}
          disabled={locked}
          clearable
          searchable
          size="xs"
        />
      </Table.Td>
      <Table.Td>
        <Select
          aria-label={t`Scope ID for ${shownName}`}
          placeholder={!choice.resource ? t`Choose a resource first` : scopes.length === 0 ? t`No scope IDs offered` : t`No scope ID`}
          data={scopes}
          value={choice.scope || null}
          onChange={(value) => update((current) => setChoice(current, id, { scope: value ?? '' }))}
          error={problems.scope}
          disabled={locked || (scopes.length === 0 && !choice.scope)}
          clearable
          searchable
          size="xs"
        />
      </Table.Td>
      <Table.Td>
        {locked ? null : (
          <Button
            size="compact-xs"
            variant="subtle"
            color="gray"
            aria-label={t`Remove ${shownName}`}
            onClick={() => update((current) => setSelected(current, [{ id, name, path }], false))}
          >
            <Trans>Remove</Trans>
          </Button>
        )}
      </Table.Td>
    </>
  );
});

export function countNotReady(state: WizardState, roles: OfferingRole[] | undefined, resources: ProviderResource[] | undefined): number {
  return state.selected.filter(
    (id) => !isLocked(state, id) && Object.keys(choiceProblems(state.choices[id] ?? EMPTY_CHOICE, { roles, resources })).length > 0,
  ).length;
}
