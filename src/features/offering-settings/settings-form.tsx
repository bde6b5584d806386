import { zodResolver } from '@hookform/resolvers/zod';
import { plural } from '@lingui/core/macro';
import { Trans, useLingui } from '@lingui/react/macro';
import {
  Alert,
  Button,
  Checkbox,
  FileButton,
  Fieldset,
  Group,
  List,
  Modal,
  PasswordInput,
  Stack,
  Switch,
  Text,
  TextInput,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation } from '@tanstack/react-query';
import { useEffect, useMemo, useRef, useState } from 'react';
import { Controller, useForm } from 'react-hook-form';
import { useBlocker } from 'react-router';
import { errorMessage, splitFormErrors } from '../../api/errors';
import type { Offering, OfferingGroup, OfferingRole, ProviderResource } from '../../api/types';
import { FormErrors } from '../../components/error-alert';
import { GroupNamePreview } from './group-name-preview';
import { settingsMutations } from './mutations';
import {
  SERVER_FIELD_PATHS,
  exportSettings,
  formValues,
  importSettings,
  integrationRequest,
  savedOptions,
  settingsSchema,
  type SettingsField,
  type SettingsValues,
} from './settings-schema';

/** What the route tells the form about the connection test (data; the test's UI comes as `testSlot`). */
export type ConnectionState = {
  /** The last test: when it ended and whether Keycloak answered. */
  last: { ok: boolean; at: number } | null;
  /** Runs the test (the form runs it after a save that touches the connection). */
  run: () => void;
};

type Props = {
  /**
   * A slot by design: the connection feature's "Test connection" button and result, drawn under
   * the form. A feature never imports another one, so the route composes them and hands the
   * test's UI in here; everything the form itself reads of the test comes as data (`connection`).
   */
  testSlot: React.ReactNode;
  offering: Offering;
  roles: OfferingRole[];
  resources: ProviderResource[];
  groups: OfferingGroup[];
  connection: ConnectionState;
};

const FIELDS = Object.values(SERVER_FIELD_PATHS);

function download(name: string, content: string) {
  const url = URL.createObjectURL(new Blob([content], { type: 'application/json' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.click();
  URL.revokeObjectURL(url);
}

/**
 * The offering's Keycloak settings for users who may change them. What is typed stays until it
 * is saved or reset: server refusals land under their fields, leaving the page asks first, and
 * nothing goes to the URL or a draft (the form holds the admin password).
 */
export function SettingsForm({ offering, roles, resources, groups, connection, testSlot }: Props) {
  const { t } = useLingui();
  const saved = useMemo(() => savedOptions(offering), [offering]);
  const schema = useMemo(() => settingsSchema(saved), [saved]);
  const form = useForm<SettingsValues>({ resolver: zodResolver(schema), defaultValues: formValues(saved), mode: 'onChange' });
  const { control, register, handleSubmit, formState, setError, reset, setValue, watch } = form;
  const [formErrors, setFormErrors] = useState<string[]>([]);
  const [importReport, setImportReport] = useState<{ problems: string[]; count: number } | null>(null);
  const [exportOpen, setExportOpen] = useState(false);
  const [withPassword, setWithPassword] = useState(false);
  // Kept from before the last save, with whether the connection worked then.
  const [previous, setPrevious] = useState<{ saved: typeof saved; workedBefore: boolean; savedAt: number } | null>(null);
  const savedKey = useRef(JSON.stringify(saved));

  // The saved values changed on the server (after a save or a restore): the form follows them
  // unless the user has typed something since.
  useEffect(() => {
    const key = JSON.stringify(saved);
    if (key === savedKey.current) return;
    savedKey.current = key;
    if (!form.formState.isDirty) reset(formValues(saved));
  }, [saved, form, reset]);

  // The lists it changed are read again (meta.invalidates) before onSuccess runs: `before` is
  // what was saved when the form was sent, `saved` by then is what was read back.
  const save = useMutation({
    ...settingsMutations.save(offering.uuid ?? ''),
    onSuccess: (_answer, { saved: before, values }) => {
      const touchesConnection = touchesKeycloak(before, integrationRequest(before, values));
      if (touchesConnection) setPrevious({ saved: before, workedBefore: connection.last?.ok === true, savedAt: Date.now() });
      reset({ ...values, keycloak_password: '' });
      setImportReport(null);
      notifications.show({
        color: 'teal',
        title: t`Settings saved`,
        message: touchesConnection
          ? t`The connection is tested with the saved settings now.`
          : t`The connection settings were not changed.`,
      });
      // Every save that touches the connection is tested at once: a failure offers the restore.
      if (touchesConnection) connection.run();
    },
    onError: (error) => {
      const { fields, form: messages } = splitFormErrors(error, FIELDS, SERVER_FIELD_PATHS);
      for (const [field, message] of Object.entries(fields)) setError(field as SettingsField, { type: 'server', message });
      setFormErrors(messages);
    },
  });

  const restore = useMutation({
    ...settingsMutations.restore(offering.uuid ?? ''),
    onSuccess: () => {
      setPrevious(null);
      notifications.show({ color: 'teal', title: t`Previous settings restored`, message: t`Test the connection again to check them.` });
    },
    onError: (error) => notifications.show({ color: 'red', title: t`Could not restore the settings`, message: errorMessage(error) }),
  });

  const dirty = formState.isDirty && !save.isPending;
  const blocker = useBlocker(({ currentLocation, nextLocation }) => dirty && currentLocation.pathname !== nextLocation.pathname);
  useEffect(() => {
    if (!dirty) return;
    const warn = (event: BeforeUnloadEvent) => event.preventDefault();
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [dirty]);

  // Whenever the test after a save that touched the connection fails, whoever ran it.
  const broke = previous !== null && connection.last !== null && !connection.last.ok && connection.last.at > previous.savedAt;

  const onImport = async (file: File | null) => {
    if (!file) return;
    const { values, problems } = importSettings(await file.text());
    const entries = Object.entries(values) as Array<[SettingsField, SettingsValues[SettingsField]]>;
    for (const [field, value] of entries) setValue(field, value, { shouldDirty: true, shouldValidate: true });
    setImportReport({ problems, count: entries.length });
  };

  const template = watch('keycloak_group_name_template');
  // The path of a group, with the words standing for its parts (braces outside the messages: ICU syntax).
  const baseGroupWord = t`base group`;
  const offeringSlugWord = t`offering slug`;
  const basePath = `{${baseGroupWord}}/{${offeringSlugWord}}/`;
  const importedCount = importReport?.count ?? 0;
  const baseGroupSaved = typeof saved.plugin.keycloak_base_group === 'string' && saved.plugin.keycloak_base_group !== '';

  return (
    <Stack gap="md">
      {broke ? (
        <Alert
          color="orange"
          title={previous.workedBefore ? t`The connection worked before this save` : t`Keycloak does not answer with the saved settings`}
          role="alert"
        >
          <Text size="sm">
            {previous.workedBefore
              ? t`Keycloak no longer answers with the saved settings. You can put back the settings from before the save.`
              : t`The test after the save failed. You can put back the settings from before the save (they were not tested in this visit), or correct them and save again.`}
          </Text>
          <Button
            mt="sm"
            color="orange"
            onClick={() => restore.mutate({ previous: previous.saved, current: saved })}
            loading={restore.isPending}
          >
            <Trans>Restore previous settings</Trans>
          </Button>
        </Alert>
      ) : null}
      <form
        noValidate
        aria-label={t`Keycloak settings`}
        onSubmit={handleSubmit((values) => {
          setFormErrors([]);
          if (!save.isPending) save.mutate({ saved, values });
        })}
      >
        <Stack gap="md">
          <Fieldset legend={t`Keycloak server`}>
            <Stack gap="sm">
              <TextInput
                label={t`Keycloak URL`}
                placeholder="https://keycloak.example.org/"
                {...register('keycloak_url')}
                error={formState.errors.keycloak_url?.message}
              />
              <Group grow align="flex-start">
                <TextInput label={t`Realm`} {...register('keycloak_realm')} error={formState.errors.keycloak_realm?.message} />
                <TextInput
                  label={t`User realm`}
                  placeholder="master"
                  description={t`Where the admin user signs in; Waldur uses “master” when empty.`}
                  {...register('keycloak_user_realm')}
                  error={formState.errors.keycloak_user_realm?.message}
                />
              </Group>
              <Group grow align="flex-start">
                <TextInput
                  label={t`Admin username`}
                  autoComplete="off"
                  {...register('keycloak_username')}
                  error={formState.errors.keycloak_username?.message}
                />
                <PasswordInput
                  label={t`Admin password`}
                  autoComplete="new-password"
                  description={t`Leave empty to keep the saved password.`}
                  visibilityToggleButtonProps={{ 'aria-label': t`Show or hide the admin password` }}
                  {...register('keycloak_password')}
                  error={formState.errors.keycloak_password?.message}
                />
              </Group>
              <Controller
                control={control}
                name="keycloak_ssl_verify"
                render={({ field }) => (
                  <Checkbox
                    label={t`Verify TLS certificates`}
                    checked={field.value}
                    onChange={(event) => field.onChange(event.currentTarget.checked)}
                  />
                )}
              />
            </Stack>
          </Fieldset>
          <Fieldset legend={t`Groups`}>
            <Stack gap="sm">
              <Controller
                control={control}
                name="keycloak_enabled"
                render={({ field }) => (
                  <Switch
                    label={t`Keycloak enabled`}
                    description={t`Off hides groups, members and sync status for this offering in Waldur; nothing is deleted.`}
                    checked={field.value}
                    onChange={(event) => field.onChange(event.currentTarget.checked)}
                  />
                )}
              />
              <TextInput
                label={t`Base group`}
                description={
                  baseGroupSaved
                    ? t`Groups live under ${basePath}. It can be renamed, but Waldur’s API cannot remove it once set.`
                    : t`Groups live under ${basePath}. Once set, Waldur’s API cannot remove it again (only rename it).`
                }
                {...register('keycloak_base_group')}
                error={formState.errors.keycloak_base_group?.message}
              />
              <Group align="flex-start" grow wrap="wrap">
                <Stack gap={4} miw={280}>
                  <TextInput
                    label={t`Group name template`}
                    placeholder="${offering_uuid}_${role_name}"
                    description={t`Names of new groups; empty means offering UUID, scope ID or resource UUID, and role.`}
                    {...register('keycloak_group_name_template')}
                    error={formState.errors.keycloak_group_name_template?.message}
                  />
                </Stack>
                <GroupNamePreview
                  template={template}
                  offering={offering}
                  roles={roles}
                  resources={resources}
                  groups={groups}
                  onFix={(fixed) => setValue('keycloak_group_name_template', fixed, { shouldDirty: true, shouldValidate: true })}
                />
              </Group>
              <Group grow align="flex-start">
                <TextInput
                  label={t`Sync frequency (minutes)`}
                  inputMode="numeric"
                  {...register('keycloak_sync_frequency')}
                  onKeyDown={(event) =>
                    stepWholeNumber(event, (next) => setValue('keycloak_sync_frequency', next, { shouldDirty: true, shouldValidate: true }))
                  }
                  error={formState.errors.keycloak_sync_frequency?.message}
                />
                <TextInput
                  label={t`Username label`}
                  placeholder={t`Username`}
                  description={t`What the Add member form calls the username (empty: “Username”).`}
                  {...register('keycloak_username_label')}
                  error={formState.errors.keycloak_username_label?.message}
                />
              </Group>
            </Stack>
          </Fieldset>
          {importReport ? (
            <Alert color={importReport.problems.length > 0 ? 'yellow' : 'blue'} title={t`Imported into the form, not saved`} role="status">
              <Text size="sm">
                {plural(importedCount, {
                  one: '# value filled in. Review them, then Save settings.',
                  other: '# values filled in. Review them, then Save settings.',
                })}
              </Text>
              {importReport.problems.length > 0 ? (
                <List size="sm" mt="xs" aria-label={t`Import problems`}>
                  {importReport.problems.map((problem) => (
                    <List.Item key={problem}>{problem}</List.Item>
                  ))}
                </List>
              ) : null}
            </Alert>
          ) : null}
          <FormErrors messages={formErrors} />
          <Group justify="space-between" wrap="wrap">
            <Group gap="xs">
              <Button type="submit" loading={save.isPending} disabled={!formState.isDirty}>
                <Trans>Save settings</Trans>
              </Button>
              <Button
                variant="default"
                disabled={!formState.isDirty || save.isPending}
                onClick={() => {
                  reset(formValues(saved));
                  setFormErrors([]);
                  setImportReport(null);
                }}
              >
                <Trans>Discard changes</Trans>
              </Button>
            </Group>
            <Group gap="xs">
              <Button variant="subtle" onClick={() => setExportOpen(true)}>
                <Trans>Export settings</Trans>
              </Button>
              <FileButton onChange={(file) => void onImport(file)} accept="application/json,.json">
                {(props) => (
                  <Button variant="subtle" {...props}>
                    <Trans>Import settings</Trans>
                  </Button>
                )}
              </FileButton>
            </Group>
          </Group>
        </Stack>
      </form>
      <div>{testSlot}</div>
      <Modal opened={exportOpen} onClose={() => setExportOpen(false)} title={t`Export Keycloak settings`}>
        <Stack gap="sm">
          <Text size="sm">
            <Trans>Downloads the saved settings as JSON (unsaved changes are not included).</Trans>
          </Text>
          <Checkbox
            label={t`Include the admin password`}
            checked={withPassword}
            onChange={(event) => setWithPassword(event.currentTarget.checked)}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setExportOpen(false)}>
              <Trans>Cancel</Trans>
            </Button>
            <Button
              onClick={() => {
                download(
                  `${offering.slug || offering.uuid}-keycloak-settings.json`,
                  JSON.stringify(exportSettings(saved, withPassword), null, 2),
                );
                setExportOpen(false);
                setWithPassword(false);
              }}
            >
              <Trans>Download</Trans>
            </Button>
          </Group>
        </Stack>
      </Modal>
      <Modal opened={blocker.state === 'blocked'} onClose={() => blocker.reset?.()} title={t`Leave without saving?`}>
        <Stack gap="sm">
          <Text size="sm">
            <Trans>The Keycloak settings have changes that are not saved. Leaving discards them.</Trans>
          </Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={() => blocker.reset?.()}>
              <Trans>Stay</Trans>
            </Button>
            <Button color="red" onClick={() => blocker.proceed?.()}>
              <Trans>Leave and discard</Trans>
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Stack>
  );
}

/**
 * ArrowUp and ArrowDown step a whole number by one, never below 1, as a number field does. A
 * plain text field otherwise: the schema words what is wrong with anything else typed (Mantine's
 * NumberInput and its number-formatting library were 13 KB gzip for this one field).
 */
function stepWholeNumber(event: React.KeyboardEvent<HTMLInputElement>, set: (value: string) => void) {
  if (event.key !== 'ArrowUp' && event.key !== 'ArrowDown') return;
  const text = event.currentTarget.value.trim();
  if (text !== '' && !/^\d+$/.test(text)) return;
  event.preventDefault();
  const current = text === '' ? 0 : Number(text);
  set(String(Math.max(1, current + (event.key === 'ArrowUp' ? 1 : -1))));
}

/** Whether a save changes how Waldur reaches Keycloak: a secret option, or Keycloak switched on or off. */
function touchesKeycloak(
  saved: { plugin: Record<string, unknown> },
  request: { secret_options?: unknown; plugin_options?: unknown },
): boolean {
  const plugin = (request.plugin_options ?? {}) as Record<string, unknown>;
  return request.secret_options !== undefined || (plugin.keycloak_enabled ?? false) !== (saved.plugin.keycloak_enabled ?? false);
}
