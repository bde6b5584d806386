import { readFile } from 'node:fs/promises';
import type { Locator, Page } from '@playwright/test';
import { DEMO } from '../sim/src/seed/demo.ts';
import { expect, expectAccessible, test, type SimControl } from './fixtures';
import { pick } from './pages/controls';
import { connectionResult } from './pages/offering-page';

const A = DEMO.offerings.healthyA.uuid;
const settingsUrl = `/offerings/${A}/settings`;
type Options = { plugin_options: Record<string, unknown>; secret_options: Record<string, unknown> };

async function savedOptions(sim: SimControl): Promise<Options> {
  return (await sim.api<Options>('staff', 'GET', `/api/marketplace-provider-offerings/${A}/`)).body;
}

function connectionSection(page: Page): Locator {
  return page.getByRole('region', { name: 'Connection test of the saved settings' });
}

async function testConnection(page: Page, expected: 'Connected' | 'Connection failed') {
  const section = connectionSection(page);
  await section.getByRole('button', { name: 'Test connection' }).click();
  await expect(connectionResult(section).getByText(expected, { exact: true })).toBeVisible();
}

async function save(page: Page) {
  await page.getByRole('button', { name: 'Save settings' }).click();
  await expect(page.getByText('Settings saved')).toBeVisible();
}

test('a wrong realm makes the connection test fail, and restoring the previous settings mends it', async ({ page, sim }) => {
  await page.goto(settingsUrl);
  await testConnection(page, 'Connected');
  await page.getByRole('textbox', { name: 'Realm', exact: true }).fill('no-such-realm');
  await save(page);
  expect((await savedOptions(sim)).secret_options.keycloak_realm).toBe('no-such-realm');
  await testConnection(page, 'Connection failed');

  await page.getByRole('button', { name: 'Restore previous settings' }).click();
  await expect(page.getByText('Previous settings restored')).toBeVisible();
  await expect(page.getByRole('textbox', { name: 'Realm', exact: true })).toHaveValue('alpha');
  expect((await savedOptions(sim)).secret_options.keycloak_realm).toBe('alpha');
  await testConnection(page, 'Connected');
  await expect(page.getByRole('button', { name: 'Restore previous settings' })).toBeHidden();
});

test('a save that breaks the connection is tested at once, and the restore is offered without a test before it', async ({ page, sim }) => {
  await page.goto(settingsUrl);
  await page.getByRole('textbox', { name: 'Keycloak URL' }).fill('https://nowhere.example.org/');
  await save(page);
  // No "Test connection" click: the save's own test fails, and the way back is offered.
  const alert = page.getByRole('alert').filter({ hasText: 'Keycloak does not answer with the saved settings' });
  await expect(alert).toBeVisible();
  await alert.getByRole('button', { name: 'Restore previous settings' }).click();
  await expect(page.getByText('Previous settings restored')).toBeVisible();
  expect((await savedOptions(sim)).secret_options.keycloak_url).not.toBe('https://nowhere.example.org/');
});

test('what would not work is refused next to its field before sending', async ({ page, sim }) => {
  const before = await savedOptions(sim);
  await page.goto(settingsUrl);
  await page.getByRole('textbox', { name: 'Keycloak URL' }).fill('javascript:alert(1)');
  await page.getByRole('textbox', { name: 'Realm', exact: true }).fill('<b>x</b> 🚀');
  await page.getByRole('textbox', { name: 'Sync frequency (minutes)' }).fill('99999999');
  await page.getByRole('textbox', { name: 'Username label' }).fill('L'.repeat(500));
  await page.getByRole('button', { name: 'Save settings' }).click();
  await expect(page.getByText(/starting with https:\/\//)).toBeVisible();
  await expect(page.getByText(/A realm name has letters, digits/)).toBeVisible();
  await expect(page.getByText(/At most 10,080 minutes/)).toBeVisible();
  await expect(page.getByText(/At most 40 characters/)).toBeVisible();
  await expect(page.getByRole('textbox', { name: 'Realm', exact: true })).toHaveValue('<b>x</b> 🚀');
  expect(await savedOptions(sim)).toEqual(before);
});

test('an option the form does not show survives a save; the password is kept when left empty', async ({ page, sim }) => {
  const before = await savedOptions(sim);
  await sim.api('staff', 'POST', `/api/marketplace-provider-offerings/${A}/update_integration/`, {
    plugin_options: { ...before.plugin_options, resource_expiration_threshold: 60 },
  });
  await page.goto(settingsUrl);
  await page.getByRole('textbox', { name: 'Username label' }).fill('CUID');
  await save(page);
  const after = await savedOptions(sim);
  expect(after.plugin_options).toMatchObject({
    resource_expiration_threshold: 60,
    keycloak_username_label: 'CUID',
    keycloak_sync_frequency: 15,
  });
  expect(after.secret_options.keycloak_password).toBe(before.secret_options.keycloak_password);
  // The saved settings still reach Keycloak.
  await testConnection(page, 'Connected');
});

test('a bad template is refused next to its field with Waldur’s message, the typed value kept, and fixed in one click', async ({
  page,
  sim,
}) => {
  await page.goto(settingsUrl);
  const field = page.getByRole('textbox', { name: 'Group name template' });
  await field.fill('$offering_uuid_$role_name');
  await page.getByRole('button', { name: 'Save settings' }).click();
  await expect(page.getByText('Unknown template variables: offering_uuid_', { exact: true })).toBeVisible();
  await expect(field).toHaveValue('$offering_uuid_$role_name');
  await expect(field).toHaveAttribute('aria-invalid', 'true');
  expect((await savedOptions(sim)).plugin_options).not.toHaveProperty('keycloak_group_name_template');
  await expectAccessible(page, 'settings with a refused template');

  await page.getByRole('button', { name: 'Use ${offering_uuid}_${role_name}' }).click();
  await expect(field).toHaveValue('${offering_uuid}_${role_name}');
  await save(page);
  expect((await savedOptions(sim)).plugin_options.keycloak_group_name_template).toBe('${offering_uuid}_${role_name}');
});

test('the sync frequency takes whole minutes: anything else is refused next to it, the text kept; the arrow keys step it', async ({
  page,
  sim,
}) => {
  await page.goto(settingsUrl);
  const frequency = page.getByRole('textbox', { name: 'Sync frequency (minutes)' });
  await expect(frequency).toHaveValue('15');
  await frequency.fill('1.5h');
  await expect(page.getByText('A valid integer is required.')).toBeVisible();
  await expect(frequency).toHaveValue('1.5h');
  await expect(frequency).toHaveAttribute('aria-invalid', 'true');

  await frequency.fill('1');
  await frequency.press('ArrowDown');
  await expect(frequency).toHaveValue('1');
  await frequency.press('ArrowUp');
  await frequency.press('ArrowUp');
  await expect(frequency).toHaveValue('3');
  await save(page);
  expect((await savedOptions(sim)).plugin_options.keycloak_sync_frequency).toBe(3);
});

test('the preview names the group a new membership really creates', async ({ page, sim }) => {
  await page.goto(settingsUrl);
  await page
    .getByRole('textbox', { name: 'Group name template' })
    .fill('${offering_slug}/${project_slug}-${resource_name}-$scope_id-$role_name');
  await save(page);
  const preview = page.getByRole('region', { name: 'Group name preview' });
  await pick(preview, 'Role', 'Namespace Editor');
  await pick(preview, 'Resource (optional)', 'alpha-prod-cluster');
  await pick(preview, 'Scope ID (optional)', /ns-shared/);
  const expected = (await preview.getByRole('status', { name: 'Name of the next new group' }).textContent()) ?? '';
  expect(expected).toBe('alpha-hpc/genomics-alpha-prod-cluster-ns-shared-Namespace Editor');

  const created = await sim.api<{ group_name: string }>('staff', 'POST', '/api/offering-keycloak-memberships/', {
    username: 'carol',
    email: 'carol@example.org',
    offering: `${new URL(page.url()).origin}/api/marketplace-provider-offerings/${A}/`,
    role: `/api/marketplace-offering-user-roles/${DEMO.roles.a.namespaceEditor.uuid}/`,
    resource: `/api/marketplace-resources/${DEMO.resources.aProd.uuid}/`,
    scope_id: 'ns-shared',
  });
  expect(created.status).toBe(201);
  expect(created.body.group_name).toBe(expected);
});

test('export, then import, round-trips the settings (the password only when asked)', async ({ page, sim }) => {
  // Many steps across two pages: on the shared two-core machine this outlasts the default timeout.
  test.slow();
  await page.goto(settingsUrl);
  await page.getByRole('button', { name: 'Export settings' }).click();
  const dialog = page.getByRole('dialog', { name: 'Export Keycloak settings' });
  await expectAccessible(page, 'export dialog');
  await dialog.getByRole('checkbox', { name: 'Include the admin password' }).check();
  const downloading = page.waitForEvent('download');
  await dialog.getByRole('button', { name: 'Download' }).click();
  const file = await (await downloading).path();
  const exported = JSON.parse(await readFile(file, 'utf8')) as Options;
  expect(exported.secret_options).toMatchObject({ keycloak_realm: 'alpha', keycloak_password: 'alpha-s3cr3t' });

  // Somebody changes the settings; importing the file puts the old values in the form, unsaved.
  const before = await savedOptions(sim);
  await sim.api('staff', 'POST', `/api/marketplace-provider-offerings/${A}/update_integration/`, {
    plugin_options: { ...before.plugin_options, keycloak_username_label: 'Elsewhere ID' },
    secret_options: { keycloak_realm: 'beta', keycloak_password: 'other' },
  });
  await page.reload();
  await expect(page.getByRole('textbox', { name: 'Realm', exact: true })).toHaveValue('beta');
  await page.locator('input[type="file"]').setInputFiles(file);
  await expect(page.getByRole('status').filter({ hasText: 'Imported into the form, not saved' })).toBeVisible();
  await expect(page.getByRole('textbox', { name: 'Realm', exact: true })).toHaveValue('alpha');
  await expect(page.getByRole('textbox', { name: 'Username label' })).toHaveValue('LDAP username');
  expect((await savedOptions(sim)).secret_options.keycloak_realm).toBe('beta');
  await save(page);
  const after = await savedOptions(sim);
  expect(after.secret_options).toMatchObject({ keycloak_realm: 'alpha', keycloak_password: 'alpha-s3cr3t' });
  expect(after.plugin_options.keycloak_username_label).toBe('LDAP username');
});

test('an import with wrong keys and types says so per key', async ({ page }) => {
  await page.goto(settingsUrl);
  await page.locator('input[type="file"]').setInputFiles({
    name: 'settings.json',
    mimeType: 'application/json',
    buffer: Buffer.from(
      JSON.stringify({ plugin_options: { keycloak_sync_frequency: 'often', colour: 'red' }, secret_options: { keycloak_realm: 'r2' } }),
    ),
  });
  const problems = page.getByRole('list', { name: 'Import problems' });
  await expect(problems).toContainText('“plugin_options.keycloak_sync_frequency”: expected a whole number of at least 1, got "often".');
  await expect(problems).toContainText('“plugin_options.colour”: unknown key.');
  await expect(page.getByRole('textbox', { name: 'Realm', exact: true })).toHaveValue('r2');
});

test('every named button of the Settings tab has its visible words in its accessible name (WCAG 2.5.3)', async ({ page }) => {
  // In each language: word order differs (German puts the verb last).
  for (const language of ['en', 'de', 'et', 'ar']) {
    await page.goto(`${settingsUrl}?language=${language}`);
    await expect(page.locator('html')).toHaveAttribute('lang', language);
    const region = page.locator('section[aria-labelledby="scope-options-title"]');
    await expect(region.getByRole('button').first()).toBeVisible();
    const buttons = await page
      .locator('button[aria-label]:visible')
      .evaluateAll((elements) =>
        elements.map((element) => ({ text: (element as HTMLElement).innerText.trim(), name: element.getAttribute('aria-label') ?? '' })),
      );
    // Words only: a symbol (the theme toggle's ☾) is not a text label.
    const named = buttons.filter((button) => /\p{L}/u.test(button.text));
    expect(named.length, language).toBeGreaterThan(0);
    expect(
      named.filter((button) => !button.name.toLowerCase().includes(button.text.toLowerCase())),
      language,
    ).toEqual([]);
  }
});

test('a scope option added for a resource is offered in Add member and accepted by the server', async ({ page, sim }) => {
  // Many steps across two pages: on the shared two-core machine this outlasts the default timeout.
  test.slow();
  await page.goto(settingsUrl);
  await page.getByRole('button', { name: 'Add scope option to alpha-archive' }).click();
  const dialog = page.getByRole('dialog', { name: 'Add scope option to alpha-archive' });
  await dialog.getByRole('combobox', { name: 'Scope type' }).fill('namespace');
  await dialog.getByRole('textbox', { name: 'Scope ID' }).fill('ns-archive');
  await dialog.getByRole('textbox', { name: 'Label' }).fill('Archive namespace');
  await expectAccessible(page, 'scope option dialog');
  await dialog.getByRole('button', { name: 'Save option' }).click();
  await expect(dialog).toBeHidden();
  const archive = page.getByRole('region', { name: 'Scope options of alpha-archive' });
  await expect(archive.getByRole('cell', { name: 'ns-archive', exact: true })).toHaveCount(1);

  await page.getByRole('tab', { name: 'Members' }).click();
  await page.getByRole('button', { name: 'Add member' }).click();
  const form = page.getByRole('dialog', { name: 'Add member' });
  await form.getByRole('combobox', { name: 'Username' }).fill('jurgen.muller');
  await form.getByRole('textbox', { name: 'Email' }).fill('jurgen@example.org');
  await pick(form, 'Role', 'Namespace Editor (Cluster Namespace)');
  // The resource picker searches the server as you type (a 300+ resource offering is common).
  const resource = form.getByRole('combobox', { name: 'Resource', exact: true });
  await resource.click();
  await resource.fill('alpha-archive');
  await page.getByRole('option', { name: 'alpha-archive', exact: true }).click();
  await pick(form, 'Scope ID', /Archive namespace \(ns-archive\)/);
  await form.getByRole('button', { name: 'Add member' }).click();
  await expect(form).toBeHidden();
  const { body } = await sim.api<Array<{ group_scope_id: string; group_resource_name: string }>>(
    'staff',
    'GET',
    `/api/offering-keycloak-memberships/?offering_uuid=${A}&username=jurgen.muller&page_size=50`,
  );
  expect(body.some((m) => m.group_scope_id === 'ns-archive' && m.group_resource_name === 'alpha-archive')).toBe(true);
});

test('removing a scope option says which groups keep it', async ({ page, sim }) => {
  await page.goto(settingsUrl);
  await page.getByRole('button', { name: 'Remove p-7x2kq' }).click();
  const confirm = page.getByRole('dialog', { name: 'Remove scope option p-7x2kq?' });
  await expect(confirm).toContainText('These groups keep the scope ID and their members:');
  await expect(confirm).toContainText(DEMO.groups.a.genomics.name);
  await expectAccessible(page, 'remove scope option confirmation');
  await confirm.getByRole('button', { name: 'Remove option' }).click();
  await expect(page.getByRole('button', { name: 'Remove p-7x2kq' })).toBeHidden();
  const { body } = await sim.api<{ options: { keycloak_available_scopes: Array<{ scope_id: string }> } }>(
    'staff',
    'GET',
    `/api/marketplace-provider-resources/${DEMO.resources.aProd.uuid}/`,
  );
  expect(body.options.keycloak_available_scopes.map((s) => s.scope_id)).toEqual(['p-m4n8z', 'ns-shared']);
});

test('leaving with unsaved changes asks first', async ({ page }) => {
  await page.goto(settingsUrl);
  await page.getByRole('textbox', { name: 'Username label' }).fill('Changed');
  await page.getByRole('tab', { name: 'Groups' }).click();
  const ask = page.getByRole('dialog', { name: 'Leave without saving?' });
  await expect(ask).toBeVisible();
  await ask.getByRole('button', { name: 'Stay' }).click();
  await expect(page).toHaveURL(/\/settings$/);
  await expect(page.getByRole('textbox', { name: 'Username label' })).toHaveValue('Changed');
  await page.getByRole('tab', { name: 'Groups' }).click();
  await page.getByRole('dialog', { name: 'Leave without saving?' }).getByRole('button', { name: 'Leave and discard' }).click();
  await expect(page).toHaveURL(/\/groups$/);
});

test.describe('as a viewer', () => {
  test.use({ account: 'viewer' });

  test('sees the settings read only: no form and no password', async ({ page }) => {
    await page.goto(settingsUrl);
    await expect(page.getByRole('table', { name: 'Keycloak settings (read only)' })).toBeVisible();
    await expect(page.getByRole('button', { name: 'Save settings' })).toHaveCount(0);
    await expect(page.getByRole('form', { name: 'Keycloak settings' })).toHaveCount(0);
    await expect(page.getByLabel('Admin password')).toHaveCount(0);
    await expect(page.locator('body')).not.toContainText('alpha-s3cr3t');
    await expect(page.getByRole('button', { name: /Add scope option/ })).toHaveCount(0);
    await expectAccessible(page, 'read-only settings');
  });
});

test('the settings tab is accessible and reachable when Keycloak is off', async ({ page }) => {
  await page.goto(settingsUrl);
  await expect(page.getByRole('button', { name: 'Save settings' })).toBeVisible();
  await expectAccessible(page, 'settings tab');
  await page.goto(`/offerings/${DEMO.offerings.noKeycloak.uuid}/groups`);
  await page.getByRole('link', { name: 'open the settings' }).click();
  await expect(page.getByRole('switch', { name: 'Keycloak enabled' })).not.toBeChecked();
});
