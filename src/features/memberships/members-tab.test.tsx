import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { configureApi } from '../../api/client';
import { offeringPermission } from '../../lib/offering-permission';
import { DEMO, renderApp, startSim } from '../../test/sim-render';
import { MembersTab } from './members-tab';

const A = DEMO.offerings.healthyA.uuid;
const staff = offeringPermission(undefined, { is_staff: true });

function renderTab(route = `/offerings/${A}/members?page_size=50`) {
  return renderApp(<MembersTab offeringUuid={A} permission={staff} />, { route });
}

async function rowOf(text: string | RegExp) {
  const table = await screen.findByRole('table', { name: 'Members' });
  const cell = await within(table).findByText(text);
  const row = cell.closest('tr');
  if (!row) throw new Error('no row');
  return row;
}

/** A row by its group: the cell shows the name without the offering's uuid, the title has it whole. */
async function rowOfGroup(name: string) {
  const table = await screen.findByRole('table', { name: 'Members' });
  const row = (await within(table).findByTitle(name)).closest('tr');
  if (!row) throw new Error('no row');
  return row;
}

async function pickOption(label: string, option: string | RegExp, container: HTMLElement) {
  await userEvent.click(within(container).getByRole('combobox', { name: label }));
  await userEvent.click(await screen.findByRole('option', { name: option }));
}

describe('MembersTab', { timeout: 30_000 }, () => {
  it('shows every state: pending, active and error (message, and the traceback for staff on demand)', async () => {
    startSim('staff');
    renderTab();
    const errorRow = await rowOf(DEMO.memberships.pendingError.username);
    expect(within(errorRow).getByText('Error')).toBeTruthy();
    expect(within(errorRow).getByText(DEMO.memberships.pendingError.message)).toBeTruthy();
    const toggle = within(errorRow).getByRole('button', { name: 'Show traceback' });
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    await userEvent.click(toggle);
    expect(within(errorRow).getByRole('button', { name: 'Hide traceback' }).getAttribute('aria-expanded')).toBe('true');
    const pendingRow = await rowOf('new.postdoc');
    expect(within(pendingRow).getByRole('button', { name: 'Pending' })).toBeTruthy();
    expect(within(pendingRow).getByText(/does not exist in Keycloak yet/)).toBeTruthy();
  });

  it('filters by state from the URL, several at once', async () => {
    startSim('staff');
    renderTab(`/offerings/${A}/members?state=pending&page_size=50`);
    const table = await screen.findByRole('table', { name: 'Members' });
    await waitFor(() => expect(within(table).queryAllByText('Active')).toHaveLength(0));
    expect(within(table).getAllByRole('button', { name: 'Pending' }).length).toBeGreaterThan(0);
    expect((screen.getByRole('checkbox', { name: 'Pending' }) as HTMLInputElement).checked).toBe(true);
  });

  it('offers to clear a filter the server refuses instead of a Retry that cannot work, keeping the others', async () => {
    startSim('staff');
    const { router } = renderTab(`/offerings/${A}/members?role=xyz&state=pending`);
    const alert = (await screen.findByText('This filter cannot be used')).closest<HTMLElement>('[role="alert"]');
    if (!alert) throw new Error('Not in an alert');
    expect(within(alert).queryByRole('button', { name: 'Retry' })).toBeNull();
    await userEvent.click(within(alert).getByRole('button', { name: 'Clear this filter' }));
    await screen.findByRole('table', { name: 'Members' });
    expect(router.state.location.search).toBe('?state=pending');
  });

  it('moves an old bookmark past the last page to the last page that exists', async () => {
    startSim('staff');
    const { router } = renderTab(`/offerings/${A}/members?page=50`);
    await screen.findByRole('table', { name: 'Members' });
    await waitFor(() => expect(router.state.location.search).not.toContain('page=50'));
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('add member: a server field error lands under the field, values are kept, one click sends one request', async () => {
    const sim = startSim('staff');
    // Count the create requests on their way to the simulator.
    let posts = 0;
    configureApi({ apiUrl: 'http://sim.test', timeoutMs: 10_000 }, async (request) => {
      if (request.method === 'POST' && request.url.includes('/offering-keycloak-memberships/')) posts += 1;
      return (await sim.handle(request)) ?? new Response('Not found', { status: 404 });
    });
    const before = [...sim.store.memberships.all()].length;
    renderTab(`/offerings/${A}/members?add=1`);
    const dialog = await screen.findByRole('dialog');
    await userEvent.type(await within(dialog).findByRole('combobox', { name: 'LDAP username' }), 'new.person');
    await userEvent.type(within(dialog).getByRole('textbox', { name: 'Email' }), 'new.person@example');
    await pickOption('Role', 'Operator', dialog);
    await userEvent.click(within(dialog).getByRole('button', { name: 'Add member' }));
    await within(dialog).findByText('Enter a valid email address.');
    expect((within(dialog).getByRole('textbox', { name: 'Email' }) as HTMLInputElement).value).toBe('new.person@example');
    expect((within(dialog).getByRole('combobox', { name: 'LDAP username' }) as HTMLInputElement).value).toBe('new.person');
    expect([...sim.store.memberships.all()].length).toBe(before);
    expect(posts).toBe(1);

    const email = within(dialog).getByRole('textbox', { name: 'Email' });
    await userEvent.clear(email);
    await userEvent.type(email, 'new.person@example.org');
    await userEvent.dblClick(within(dialog).getByRole('button', { name: 'Add member' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect([...sim.store.memberships.all()].length).toBe(before + 1);
    expect(posts).toBe(2);
    await screen.findByText(/new.person added to/);
  });

  it('remove: the confirmation says when the group goes with its last member', async () => {
    const sim = startSim('staff');
    renderTab();
    const last = DEMO.memberships.lastOfGroup;
    const m = sim.store.memberships.get(last.uuid);
    const lastRow = await rowOf(m?.username ?? '');
    await userEvent.click(within(lastRow).getByRole('button', { name: /Actions for/ }));
    await userEvent.click(await screen.findByRole('menuitem', { name: 'Remove' }));
    const dialog = await screen.findByRole('dialog');
    expect(within(dialog).getByText(/deletes the group in Waldur and in Keycloak/)).toBeTruthy();
    await userEvent.click(within(dialog).getByRole('button', { name: 'Remove and delete group' }));
    await waitFor(() => expect(sim.store.memberships.get(last.uuid)).toBeUndefined());
    // Waldur deletes the group only once the remote removal went through; this group's remote
    // group is gone (orphaned), so it stays.
    expect(sim.store.memberships.count('group', DEMO.groups.a.orphanedResearchers.uuid)).toBe(0);
  });

  it('bulk remove: one confirmation listing who, per-row results, failures stay selected', async () => {
    const sim = startSim('staff');
    renderTab(`/offerings/${A}/members?state=pending&page_size=50`);
    const table = await screen.findByRole('table', { name: 'Members' });
    const pending = DEMO.memberships.pending.slice(0, 3);
    for (const username of pending) {
      const row = (await within(table).findByText(username)).closest('tr') as HTMLElement;
      await userEvent.click(within(row).getByRole('checkbox'));
    }
    expect(screen.getByText('3 members selected')).toBeTruthy();
    sim.setFaults({ fail: [{ method: 'DELETE', path: '/offering-keycloak-memberships/', skip: 1, times: 1, status: 500 }] });
    await userEvent.click(screen.getByRole('button', { name: 'Remove selected' }));
    const dialog = await screen.findByRole('dialog');
    const list = within(dialog).getByRole('list', { name: 'Members to remove' });
    for (const username of pending) expect(within(list).getByText(new RegExp(username))).toBeTruthy();
    await userEvent.click(within(dialog).getByRole('button', { name: 'Remove 3 members' }));
    await screen.findByText('Removed 2 of 3 members; 1 failed');
    const results = screen.getByRole('list', { name: 'Removal results' });
    expect(within(results).getAllByText(/not removed/)).toHaveLength(1);
    expect(screen.getByText('1 member selected')).toBeTruthy();
  });

  it('remove with Keycloak down: never "removed" there, says Keycloak could not be checked', async () => {
    const sim = startSim('staff');
    renderTab(`/offerings/${A}/members?username=alice`);
    const row = await rowOfGroup(DEMO.groups.a.viewer.name);
    sim.setFaults({ keycloakDown: [A] });
    await userEvent.click(within(row).getByRole('button', { name: /Actions for alice/ }));
    await userEvent.click(await screen.findByRole('menuitem', { name: 'Remove' }));
    await userEvent.click(within(await screen.findByRole('dialog')).getByRole('button', { name: 'Remove' }));
    const note = await screen.findByText('alice removed in Waldur only; Keycloak could not be checked');
    const alert = note.closest('[role="alert"]') as HTMLElement;
    expect(alert.textContent).toContain('so it was probably not updated: alice may still be in the group there');
    expect(alert.textContent).not.toContain('in Waldur and Keycloak');
    expect(sim.store.memberships.get(DEMO.memberships.aliceViewer.uuid)).toBeUndefined();
  });

  it('remove that Keycloak rejects: says the user still has access there, with the fix', async () => {
    const sim = startSim('staff');
    renderTab(`/offerings/${A}/members?username=alice`);
    const row = await rowOfGroup(DEMO.groups.a.viewer.name);
    sim.setFaults({ keycloakRejects: [{ username: 'alice' }] });
    await userEvent.click(within(row).getByRole('button', { name: /Actions for alice/ }));
    await userEvent.click(await screen.findByRole('menuitem', { name: 'Remove' }));
    await userEvent.click(within(await screen.findByRole('dialog')).getByRole('button', { name: 'Remove' }));
    const note = await screen.findByText('alice still has access in Keycloak');
    expect((note.closest('[role="alert"]') as HTMLElement).textContent).toContain('Remove them from the group in Keycloak');
  });

  it('emptying the last page by bulk remove moves to the last page that exists, with no error', async () => {
    startSim('staff');
    const { router } = renderTab(`/offerings/${A}/members?page=5&page_size=10`);
    await screen.findByText('41–47 of 47 members');
    await userEvent.click(screen.getByRole('checkbox', { name: 'Select all members on this page' }));
    await userEvent.click(screen.getByRole('button', { name: 'Remove selected' }));
    await userEvent.click(within(await screen.findByRole('dialog')).getByRole('button', { name: 'Remove 7 members' }));
    await screen.findByText('31–40 of 40 members');
    expect(router.state.location.search).toContain('page=4');
    expect(screen.queryByText(/Could not refresh|Invalid page/)).toBeNull();
  });

  it('a pending save keeps the dialog open (Esc, backdrop, close button), and its failure is shown there', async () => {
    const sim = startSim('staff');
    let release: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => (release = resolve));
    let held = false;
    configureApi({ apiUrl: 'http://sim.test', timeoutMs: 10_000 }, async (request) => {
      if (request.method === 'POST' && request.url.includes('/offering-keycloak-memberships/')) {
        held = true;
        await gate;
      }
      return (await sim.handle(request)) ?? new Response('Not found', { status: 404 });
    });
    sim.setFaults({ fail: [{ method: 'POST', path: '/offering-keycloak-memberships/', status: 400 }] });
    renderTab(`/offerings/${A}/members?add=1`);
    const dialog = await screen.findByRole('dialog');
    await userEvent.type(await within(dialog).findByRole('combobox', { name: 'LDAP username' }), 'slow.person');
    await userEvent.type(within(dialog).getByRole('textbox', { name: 'Email' }), 'slow.person@example.org');
    await pickOption('Role', 'Operator', dialog);
    await userEvent.click(within(dialog).getByRole('button', { name: 'Add member' }));
    await waitFor(() => expect(held).toBe(true));
    await userEvent.keyboard('{Escape}');
    expect((within(dialog).getByRole('button', { name: 'Close' }) as HTMLButtonElement).disabled).toBe(true);
    expect(screen.getByRole('dialog')).toBe(dialog);
    release();
    await within(dialog).findByText('Simulated failure.');
    expect((within(dialog).getByRole('textbox', { name: 'Email' }) as HTMLInputElement).value).toBe('slow.person@example.org');
    // Answered: the dialog closes again as usual.
    await userEvent.keyboard('{Escape}');
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
  });

  it('re-add of a flagged membership: a failed second step keeps the data and offers to create it again', async () => {
    const sim = startSim('staff');
    const flagged = DEMO.memberships.error;
    renderTab(`/offerings/${A}/members?username=${flagged.username}`);
    const row = await rowOf(flagged.message);
    await userEvent.click(within(row).getByRole('button', { name: /Actions for/ }));
    await userEvent.click(await screen.findByRole('menuitem', { name: 'Re-add' }));
    const dialog = await screen.findByRole('dialog', { name: `Re-add ${flagged.username}` });
    const email = within(dialog).getByRole('textbox', { name: 'Email' }) as HTMLInputElement;
    await userEvent.clear(email);
    await userEvent.type(email, 'ex.member@new.example.org');
    sim.setFaults({ fail: [{ method: 'POST', path: '/offering-keycloak-memberships/', times: 1, status: 500 }] });
    await userEvent.click(within(dialog).getByRole('button', { name: 'Re-add' }));
    await within(dialog).findByText('Deleted, but not created again');
    expect(sim.store.memberships.get(flagged.uuid)).toBeUndefined();
    expect(email.value).toBe('ex.member@new.example.org');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Create the membership again' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    const again = [...sim.store.memberships.all()].find((m) => m.username === flagged.username);
    expect(again?.email).toBe('ex.member@new.example.org');
    await screen.findByText(`${flagged.username} re-added`);
  });

  it('?add=1 for a user who cannot add shows the reason, not the form', async () => {
    startSim('viewer');
    const viewer = offeringPermission({ customer_name: 'Aurora Research Computing', secret_options: undefined }, { is_staff: false });
    const { router } = renderApp(<MembersTab offeringUuid={A} permission={viewer} />, { route: `/offerings/${A}/members?add=1` });
    const dialog = await screen.findByRole('dialog', { name: 'Add member' });
    expect(within(dialog).getByRole('note').textContent).toContain('You cannot manage this offering');
    expect(within(dialog).queryByRole('textbox', { name: 'Email' })).toBeNull();
    await userEvent.click(within(dialog).getByRole('button', { name: 'OK' }));
    await waitFor(() => expect(router.state.location.search).not.toContain('add=1'));
  });
});
