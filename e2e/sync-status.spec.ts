import { readFile } from 'node:fs/promises';
import type { Page } from '@playwright/test';
import { DEMO } from '../sim/src/seed/demo.ts';
import { expect, expectAccessible, test } from './fixtures';

const A = DEMO.offerings.healthyA.uuid;
const B = DEMO.offerings.healthyB.uuid;
const G = DEMO.groups.a;
const R = DEMO.remoteGroups.a;

const syncUrl = (offering: string, query = '') => `/offerings/${offering}/sync${query ? `?${query}` : ''}`;

function section(page: Page, title: 'Synced' | 'Only in Waldur' | 'Only in Keycloak') {
  return page.getByRole('region', { name: new RegExp(`^${title} \\(`) });
}

function line(page: Page, title: 'Synced' | 'Only in Waldur' | 'Only in Keycloak', name: string) {
  return section(page, title)
    .getByRole('listitem')
    .filter({ has: page.getByText(name, { exact: true }) });
}

async function filter(page: Page, text: string) {
  await page.getByRole('textbox', { name: 'Filter groups' }).fill(text);
}

test('shows the three sections with counts, the last check and a filter', async ({ page }) => {
  await page.goto(syncUrl(A));
  await expect(page.getByRole('heading', { name: 'Synced (9)' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Only in Waldur (4)' })).toBeVisible();
  await expect(page.getByRole('heading', { name: `Only in Keycloak (${R.remoteOnlyNames.length})` })).toBeVisible();
  await expect(page.getByText(/Last checked at \d/)).toBeVisible();
  // Hostile names from Keycloak are text.
  await expect(line(page, 'Only in Keycloak', '"; DROP TABLE keycloak_groups; --')).toBeVisible();
  await expectAccessible(page, 'sync status');

  await filter(page, 'researchers');
  await expect(page.getByRole('heading', { name: 'Synced (1 of 9)' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Only in Waldur (1 of 4)' })).toBeVisible();
  await expect(page.getByRole('heading', { name: /Only in Keycloak \(0 of/ })).toBeVisible();
  await expect(page).toHaveURL(/q=researchers/);
  await page.reload();
  await expect(page.getByRole('textbox', { name: 'Filter groups' })).toHaveValue('researchers');
  await expect(page.getByRole('heading', { name: 'Synced (1 of 9)' })).toBeVisible();
});

test('each line is as tall as its text, one line each, and a cut text is whole in its title', async ({ page }) => {
  await page.goto(syncUrl(A));
  await expect(line(page, 'Synced', 'Researchers')).toContainText('Waldur:');
  await expect(line(page, 'Only in Keycloak', 'Visitors')).toContainText(R.visitors.id);
  // Row heights are computed from the lines (line-layout.ts), not measured: they must be what the
  // CSS lays out, or rows would overlap or gape.
  const rows = await page.getByRole('listitem').evaluateAll((items) =>
    items.map((item) => {
      const body = item.children[1] as HTMLElement;
      const style = getComputedStyle(item);
      const frame = parseFloat(style.paddingTop) + parseFloat(style.paddingBottom) + parseFloat(style.borderTopWidth);
      const texts = [...body.children].filter((child) => child.tagName === 'P') as HTMLElement[];
      return {
        text: (item.textContent ?? '').slice(0, 40),
        height: item.getBoundingClientRect().height,
        needed: frame + body.scrollHeight,
        oneLine: texts.every((text) => text.getBoundingClientRect().height <= 20),
        titled: texts.every((text) => text.scrollWidth <= text.clientWidth || (text.title ?? '').length > 0),
      };
    }),
  );
  expect(rows.length).toBeGreaterThan(10);
  for (const row of rows) expect({ ...row, height: Math.round(row.height) }).toEqual({ ...row, height: Math.round(row.needed) });
  expect(rows.every((row) => row.oneLine && row.titled)).toBe(true);
});

test('joins duplicate names to the right group: the orphaned "Researchers" is the one deleted', async ({ page, sim }) => {
  await page.goto(syncUrl(A, 'q=Researchers'));
  const synced = line(page, 'Synced', 'Researchers');
  const orphan = line(page, 'Only in Waldur', 'Researchers');
  await expect(synced).toContainText(G.researchers.backendId);
  await expect(orphan).toContainText(`linked to ${G.orphanedResearchers.backendId}, which is not in Keycloak`);

  await orphan.getByRole('button', { name: 'Delete Researchers' }).click();
  const confirm = page.getByRole('dialog', { name: 'Delete the group “Researchers”?' });
  // Its remote group is already gone: the dialog must not say Keycloak's group is deleted too.
  await expect(confirm).toContainText('so nothing is deleted in Keycloak; all 1 membership of this group go with it in Waldur');
  await expect(confirm).not.toContainText('is deleted too');
  await confirm.getByRole('button', { name: 'Delete group' }).click();
  await expect(page.getByRole('heading', { name: 'Only in Waldur (0 of 3)' })).toBeVisible();
  expect((await sim.api('staff', 'GET', `/api/offering-keycloak-groups/${G.orphanedResearchers.uuid}/`)).status).toBe(404);
  expect((await sim.api('staff', 'GET', `/api/offering-keycloak-groups/${G.researchers.uuid}/`)).status).toBe(200);
  await expect(synced).toBeVisible();
});

test('duplicate remote names show their paths and import the one picked', async ({ page, sim }) => {
  const Rb = DEMO.remoteGroups.b;
  // Unlink the physics group: both "Researchers" of the flat realm are now only in Keycloak.
  const unlink = await sim.api('staff', 'POST', `/api/offering-keycloak-groups/${DEMO.groups.b.physicsResearchers.uuid}/set_backend_id/`, {
    backend_id: null,
    scope_id: '',
  });
  expect(unlink.status).toBe(200);
  await page.goto(syncUrl(B, 'q=Researchers'));
  const lines = line(page, 'Only in Keycloak', 'Researchers');
  await expect(lines).toHaveCount(2);
  await expect(lines.filter({ hasText: Rb.chemistryResearchers.path })).toHaveCount(1);
  const physics = lines.filter({ hasText: Rb.physicsResearchers.path });
  await expect(physics).toContainText(Rb.physicsResearchers.id);
  // The wizard reads ?select= and tidies its URL at once: record the URLs the page visits.
  const visited: string[] = [];
  page.on('framenavigated', (frame) => {
    if (frame === page.mainFrame()) visited.push(frame.url());
  });
  await physics.getByRole('button', { name: 'Import Researchers' }).click();
  await expect
    .poll(() =>
      visited
        .map((item) => new URL(item))
        .filter((item) => item.pathname === `/offerings/${B}/import` && item.searchParams.has('select'))
        // The wizard may write its URL more than once (its step, then tidying): each one names the pick.
        .map((item) => item.searchParams.getAll('select').join(','))
        .filter((value, index, all) => all.indexOf(value) === index),
    )
    .toEqual([Rb.physicsResearchers.id]);
});

test('synced: pull members, one line or several', async ({ page }) => {
  await page.goto(syncUrl(A, 'q=Researchers'));
  await line(page, 'Synced', 'Researchers').getByRole('button', { name: 'Pull members of Researchers' }).click();
  const { created, updated, total_remote } = DEMO.pullExpectations.researchers;
  await expect(page.getByRole('alert').filter({ hasText: 'Pulled members of “Researchers”' })).toContainText(
    `${created} new, ${updated} updated, ${total_remote} in Keycloak`,
  );

  await filter(page, 'Project Member');
  const synced = section(page, 'Synced');
  await expect(page.getByRole('heading', { name: 'Synced (3 of 9)' })).toBeVisible();
  await synced.getByRole('checkbox', { name: `Select ${G.genomics.name}` }).check();
  await synced.getByRole('checkbox', { name: `Select ${G.climate.name}` }).check();
  await synced.getByRole('button', { name: 'Pull members of selected (2)' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'Pulled members of 2 groups' })).toContainText(
    /\d+ new, \d+ updated, \d+ in Keycloak/,
  );
  await expect(synced.getByRole('button', { name: 'Pull members of selected (0)' })).toBeDisabled();
});

test('a line clicked before its Waldur group is read: the click waits, then pulls once', async ({ page }) => {
  // Hold the list of local groups: the lines show from the sync status alone, still looking up.
  let release: () => void = () => {};
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route(
    (url) => url.pathname === '/api/offering-keycloak-groups/',
    async (route) => {
      await held;
      await route.continue();
    },
  );
  const pulls: string[] = [];
  page.on('request', (request) => {
    if (request.method() === 'POST' && request.url().includes('/pull_members/')) pulls.push(request.url());
  });
  await page.goto(syncUrl(A, 'q=Researchers'));
  const researchers = line(page, 'Synced', 'Researchers');
  await expect(researchers).toContainText('Looking up the local group…');
  const pull = researchers.getByRole('button', { name: 'Pull members of Researchers' });
  await pull.click();
  await expect(pull).toHaveAttribute('aria-busy', 'true');
  expect(pulls).toHaveLength(0);

  release();
  const { created, updated, total_remote } = DEMO.pullExpectations.researchers;
  await expect(page.getByRole('alert').filter({ hasText: 'Pulled members of “Researchers”' })).toContainText(
    `${created} new, ${updated} updated, ${total_remote} in Keycloak`,
  );
  expect(pulls).toEqual([expect.stringContaining(`/api/offering-keycloak-groups/${G.researchers.uuid}/pull_members/`)]);
});

test('only in Waldur: link to a remote group moves the line to Synced', async ({ page, sim }) => {
  await page.goto(syncUrl(A, 'q=_Operator'));
  // A remote group of the same name exists, so the line offers that one (the dialog still lists every group).
  await line(page, 'Only in Waldur', G.unlinked.name)
    .getByRole('button', { name: `Link ${G.unlinked.name} to the same-named group` })
    .click();
  const dialog = page.getByRole('dialog', { name: /Link .* to a remote group/ });
  await dialog.getByRole('combobox', { name: 'Remote group' }).fill('_Operator');
  await page.getByRole('option', { name: new RegExp(`${A}_Operator`) }).click();
  await dialog.getByRole('button', { name: 'Link', exact: true }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('heading', { name: 'Synced (1 of 10)' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Only in Waldur (0 of 3)' })).toBeVisible();
  await expect(line(page, 'Synced', G.unlinked.name)).toContainText(R.operator.id);
  const group = await sim.api<{ backend_id: string }>('staff', 'GET', `/api/offering-keycloak-groups/${G.unlinked.uuid}/`);
  expect(group.body.backend_id).toBe(R.operator.id);
});

test('only in Waldur: delete several after one confirmation', async ({ page }) => {
  await page.goto(syncUrl(A));
  const local = section(page, 'Only in Waldur');
  await local.getByRole('checkbox', { name: 'Select Legacy HPC users' }).check();
  await local.getByRole('checkbox', { name: `Select ${G.unlinkedSql.name}` }).check();
  await local.getByRole('button', { name: 'Delete selected (2)' }).click();
  const confirm = page.getByRole('dialog', { name: 'Delete 2 groups?' });
  await expect(confirm).toContainText(
    'Their remote Keycloak groups (1 linked) are deleted too, and all memberships of these groups go with them.',
  );
  await expect(confirm.getByRole('listitem')).toHaveText([G.unlinkedSql.name, 'Legacy HPC users']);
  await confirm.getByRole('button', { name: 'Delete 2 groups' }).click();
  await expect(page.getByRole('heading', { name: 'Only in Waldur (2)' })).toBeVisible();
  await expect(page.getByRole('alert').filter({ hasText: '2 groups deleted' })).toBeVisible();
});

test('only in Keycloak: import one or several in the import wizard', async ({ page }) => {
  // The wizard reads ?select= and may tidy its URL at once: record every URL the page visits.
  const visited: string[] = [];
  page.on('framenavigated', (frame) => {
    if (frame === page.mainFrame()) visited.push(frame.url());
  });
  const selected = async () => {
    let found: string[] = [];
    await expect
      .poll(() => {
        const url = visited
          .map((item) => new URL(item))
          .find((item) => item.pathname === `/offerings/${A}/import` && item.searchParams.has('select'));
        found = url ? url.searchParams.getAll('select') : [];
        return found.length;
      })
      .toBeGreaterThan(0);
    return found;
  };

  await page.goto(syncUrl(A));
  await line(page, 'Only in Keycloak', 'Visitors').getByRole('button', { name: 'Import Visitors' }).click();
  expect(await selected()).toEqual([R.visitors.id]);

  await page.goto(syncUrl(A));
  const remote = section(page, 'Only in Keycloak');
  await remote.getByRole('checkbox', { name: 'Select Data Stewards' }).check();
  await remote.getByRole('checkbox', { name: 'Select gpu-users' }).check();
  // Only what this click opens counts: the first wizard may still tidy its URL while being left.
  visited.length = 0;
  await remote.getByRole('button', { name: 'Import selected (2)' }).click();
  expect((await selected()).sort()).toEqual([R.stewards.id, R.nested.id].sort());
});

test('exports the whole diff as CSV', async ({ page }) => {
  await page.goto(syncUrl(A, 'q=Researchers'));
  await expect(page.getByRole('heading', { name: 'Synced (1 of 9)' })).toBeVisible();
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export CSV' }).click()]);
  expect(download.suggestedFilename()).toMatch(/^sync-status-alpha-hpc-platform-\d{4}-\d{2}-\d{2}\.csv$/);
  const text = (await readFile(await download.path(), 'utf8')).replace(/^\uFEFF/, '');
  const rows = text.trim().split('\r\n');
  expect(rows[0]).toBe('Status,Local name,Remote name,Remote group ID,Remote path,Local group UUID,Role,Resource,Scope ID,Note');
  expect(rows).toHaveLength(1 + 9 + 4 + R.remoteOnlyNames.length);
  expect(rows.filter((row) => row.startsWith('Synced,')).length).toBe(9);
  expect(text).toContain(`Only in Waldur,Researchers,,,,${G.orphanedResearchers.uuid}`);
});

test('refresh picks up a change made in Keycloak', async ({ page, sim }) => {
  await page.goto(syncUrl(A));
  const total = R.remoteOnlyNames.length;
  await expect(page.getByRole('heading', { name: `Only in Keycloak (${total})` })).toBeVisible();
  await sim.call('POST', '/__sim/remote/groups', { offering_uuid: A, name: 'Brand new team', parent_id: R.offeringGroupId });
  await page.getByRole('button', { name: 'Refresh' }).click();
  await expect(page.getByRole('heading', { name: `Only in Keycloak (${total + 1})` })).toBeVisible();
  await filter(page, 'brand new');
  await expect(line(page, 'Only in Keycloak', 'Brand new team')).toContainText(`${R.offeringGroupPath}/Brand new team`);
});

test('an unreachable Keycloak is explained in place', async ({ page }) => {
  await page.goto(syncUrl(DEMO.offerings.unreachable.uuid));
  const alert = page.getByRole('alert').filter({ hasText: 'Could not compare with Keycloak' });
  await expect(alert).toContainText('Unable to retrieve sync status from Keycloak.');
  await expect(alert).toContainText('Check the Keycloak URL, realm and admin username and password');
  await expect(alert.getByRole('button', { name: 'Retry' })).toBeVisible();
  await expectAccessible(page, 'sync status with Keycloak down');
});

test('Keycloak going down after the first check keeps the last diff on screen', async ({ page, sim }) => {
  await page.goto(syncUrl(A));
  await expect(page.getByRole('heading', { name: 'Synced (9)' })).toBeVisible();
  await sim.faults({ keycloakDown: true });
  await page.getByRole('button', { name: 'Refresh' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'Could not refresh' }).first()).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Synced (9)' })).toBeVisible();
});

test.describe('as the viewer', () => {
  test.use({ account: 'viewer' });
  test('is told the sync status is not theirs to see', async ({ page }) => {
    await page.goto(syncUrl(A));
    const alert = page.getByRole('alert').filter({ hasText: 'You cannot see the sync status' });
    await expect(alert).toContainText('You do not have permission to perform this action.');
    await expect(alert).toContainText('Only staff and the owners of the offering’s organization can compare its groups with Keycloak.');
    await expectAccessible(page, 'sync status for the viewer');
  });
});

test('base group limit: with remote_groups empty, Sync status and the import wizard say why and what to do', async ({ page }) => {
  const Z = DEMO.offerings.baseGroupLimit.uuid;
  const note = page.getByRole('note').filter({ hasText: 'Waldur cannot see this offering’s role groups' });
  for (const url of [syncUrl(Z), `/offerings/${Z}/import`]) {
    await page.goto(url);
    await expect(note).toContainText('base group “waldur”');
    await expect(note).toContainText('Waldur 8.0.x fetches only one level of sub-groups');
    await expect(note).toContainText('waldur/zeta-viz/');
    await expect(note).toContainText('Move the offering’s group “zeta-viz” to the top level');
    await expect(note).toContainText('clear it in Waldur’s admin');
    await expect(note).toContainText('upgrade Waldur');
    await expect(page.getByText('No remote groups', { exact: true })).toHaveCount(0);
    await expectAccessible(page, `base group limit at ${url}`);
  }
});
