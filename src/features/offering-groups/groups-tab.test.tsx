import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { offeringPermission } from '../../lib/offering-permission';
import { DEMO, renderApp, startSim } from '../../test/sim-render';
import { GroupsTab } from './groups-tab';

const A = DEMO.offerings.healthyA.uuid;
const G = DEMO.groups.a;
const allowed = offeringPermission(undefined, { is_staff: true });

function renderTab(route = `/offerings/${A}/groups?page_size=25`, permission = allowed) {
  return renderApp(<GroupsTab offeringUuid={A} permission={permission} />, { route });
}

async function openActions(name: string) {
  await userEvent.click(await screen.findByRole('button', { name: `Actions for ${name}` }));
  return screen.findByRole('menu');
}

describe('GroupsTab', () => {
  it('lists groups with their link state and pages through them', async () => {
    startSim('staff');
    const { router } = renderTab(`/offerings/${A}/groups`);
    const table = await screen.findByRole('table', { name: 'Groups' });
    expect(within(table).getAllByRole('row').length).toBe(11);
    expect(router.state.location.search).toBe('');
    expect(within(table).getAllByText('Not linked').length).toBeGreaterThan(0);
    expect(screen.getByText(/1–10 of 13 groups/)).toBeTruthy();
    await userEvent.click(screen.getByRole('button', { name: 'Page 2' }));
    await waitFor(() => expect(router.state.location.search).toContain('page=2'));
    await screen.findByText(/11–13 of 13 groups/);
  });

  it('moves an old bookmark past the last page to the last page that exists', async () => {
    startSim('staff');
    const { router } = renderTab(`/offerings/${A}/groups?page=50`);
    await screen.findByText(/11–13 of 13 groups/);
    expect(router.state.location.search).toBe('?page=2');
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('moves to the last page that exists when the last page is emptied', async () => {
    startSim('staff');
    const { router } = renderTab(`/offerings/${A}/groups?page_size=12&page=2`);
    await screen.findByText(/13–13 of 13 groups/);
    const table = screen.getByRole('table', { name: 'Groups' });
    const last = within(within(table).getAllByRole('row')[1] as HTMLElement).getAllByRole('button')[0] as HTMLElement;
    const name = last.textContent ?? '';
    const menu = await openActions(name);
    await userEvent.click(within(menu).getByRole('menuitem', { name: /Delete/ }));
    await userEvent.click(within(await screen.findByRole('dialog')).getByRole('button', { name: 'Delete group' }));
    await screen.findByText(/1–12 of 12 groups/);
    expect(router.state.location.search).toBe('?page_size=12');
    expect(within(screen.getByRole('table', { name: 'Groups' })).queryByRole('button', { name })).toBeNull();
  });

  it('offers to clear a filter the server refuses instead of a Retry that cannot work', async () => {
    startSim('staff');
    const { router } = renderTab(`/offerings/${A}/groups?role=xyz`);
    const alert = (await screen.findByText('This filter cannot be used')).closest<HTMLElement>('[role="alert"]');
    if (!alert) throw new Error('Not in an alert');
    expect(within(alert).queryByRole('button', { name: 'Retry' })).toBeNull();
    await userEvent.click(within(alert).getByRole('button', { name: 'Clear this filter' }));
    await screen.findByRole('table', { name: 'Groups' });
    expect(router.state.location.search).toBe('');
  });

  it('filters by role from the URL', async () => {
    startSim('staff');
    renderTab(`/offerings/${A}/groups?role=${DEMO.roles.a.projectMember.uuid}`);
    const table = await screen.findByRole('table', { name: 'Groups' });
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) expect(within(row).getByText('Project Member')).toBeTruthy();
  });

  it('disables pull members for a group that is not linked, with the reason', async () => {
    startSim('staff');
    renderTab();
    const menu = await openActions(G.unlinkedSql.name);
    const pull = within(menu).getByRole('menuitem', { name: /Pull members/ });
    expect(pull.hasAttribute('disabled') || pull.getAttribute('data-disabled') === 'true').toBe(true);
    expect(within(pull).getByText(/Not linked to a Keycloak group/)).toBeTruthy();
  });

  it('unlinks after confirmation and sends the scope back unchanged', async () => {
    const sim = startSim('staff');
    renderTab();
    const before = sim.store.groups.get(G.genomics.uuid);
    expect(before?.scopeId).toBe('p-7x2kq');
    const menu = await openActions(G.genomics.name);
    await userEvent.click(within(menu).getByRole('menuitem', { name: /Unlink/ }));
    const dialog = await screen.findByRole('dialog');
    expect(within(dialog).getByText(/Nothing is deleted in Keycloak/)).toBeTruthy();
    await userEvent.click(within(dialog).getByRole('button', { name: 'Unlink' }));
    await waitFor(() => expect(sim.store.groups.get(G.genomics.uuid)?.backendId).toBe(''));
    expect(sim.store.groups.get(G.genomics.uuid)?.scopeId).toBe('p-7x2kq');
    await screen.findByText('Group unlinked');
  });

  it('links a group to a remote group picked by name, marking groups linked elsewhere', async () => {
    const sim = startSim('staff');
    renderTab();
    const menu = await openActions(G.unlinked.name);
    await userEvent.click(within(menu).getByRole('menuitem', { name: /Link to remote group/ }));
    const dialog = await screen.findByRole('dialog');
    const picker = within(dialog).getByRole('combobox', { name: 'Remote group' });
    await waitFor(() => expect(picker.hasAttribute('disabled')).toBe(false));
    await userEvent.click(picker);
    await userEvent.type(picker, 'Researchers');
    const listbox = await screen.findByRole('listbox');
    // Researchers at /alpha-hpc/Researchers is linked to the local "Researchers" group.
    expect(within(listbox).getAllByText(/Already linked to/).length).toBeGreaterThan(0);
    await userEvent.clear(picker);
    await userEvent.type(picker, 'Operator');
    await userEvent.click(await screen.findByRole('option', { name: new RegExp(`${A}_Operator`) }));
    await userEvent.click(within(dialog).getByRole('button', { name: 'Link' }));
    await waitFor(() => expect(sim.store.groups.get(G.unlinked.uuid)?.backendId).toBe(DEMO.remoteGroups.a.operator.id));
    await screen.findByText('Group linked');
  });

  it('keeps the dialog open with the server error when the remote group vanished', async () => {
    const sim = startSim('staff');
    renderTab();
    const menu = await openActions(G.unlinked.name);
    await userEvent.click(within(menu).getByRole('menuitem', { name: /Link to remote group/ }));
    const dialog = await screen.findByRole('dialog');
    const picker = within(dialog).getByRole('combobox', { name: 'Remote group' });
    await waitFor(() => expect(picker.hasAttribute('disabled')).toBe(false));
    await userEvent.click(picker);
    await userEvent.type(picker, 'Visitors');
    await userEvent.click(await screen.findByRole('option', { name: /Visitors/ }));
    const realm = sim.store.realmOf(sim.store.offerings.get(A)!)!;
    realm.deleteGroup(DEMO.remoteGroups.a.visitors.id);
    await userEvent.click(within(dialog).getByRole('button', { name: 'Link' }));
    expect(await within(dialog).findByText('Unable to verify remote group in Keycloak.')).toBeTruthy();
    expect(sim.store.groups.get(G.unlinked.uuid)?.backendId).toBe('');
  });

  it('says the remote group and memberships go too before deleting', async () => {
    const sim = startSim('staff');
    renderTab();
    const menu = await openActions(G.viewer.name);
    await userEvent.click(within(menu).getByRole('menuitem', { name: /Delete/ }));
    const dialog = await screen.findByRole('dialog');
    expect(within(dialog).getByText(/remote Keycloak group/).textContent).toMatch(
      /is deleted too, and all \d+ memberships? of this group go with it/,
    );
    await userEvent.click(within(dialog).getByRole('button', { name: 'Delete group' }));
    await waitFor(() => expect(sim.store.groups.get(G.viewer.uuid)).toBeUndefined());
  });

  it('opens a group with its members in Waldur and in Keycloak side by side', async () => {
    startSim('staff');
    const { router } = renderTab();
    await userEvent.click(await screen.findByRole('button', { name: G.prodAdmin.name }));
    await waitFor(() => expect(router.state.location.search).toContain(`group=${G.prodAdmin.uuid}`));
    // The detail panel's code loads lazily, beside the rows' look-ups of their remote groups.
    const local = await screen.findByRole('region', { name: 'Members in Waldur' }, { timeout: 5_000 });
    const remote = screen.getByRole('region', { name: 'Members in Keycloak' });
    await waitFor(() => expect(within(remote).queryByLabelText('Loading members in Keycloak')).toBeNull());
    // ex.member was removed from the Keycloak group behind Waldur's back.
    const exMember = within(local).getByText('ex.member').closest('li') as HTMLElement;
    expect(within(exMember).getByText('Only in Waldur')).toBeTruthy();
    expect(within(local).getAllByText('In both').length).toBeGreaterThan(0);
    expect(screen.getByText(/\d+ in both, \d+ only in Waldur, \d+ only in Keycloak/)).toBeTruthy();
  });

  it('says so in place when the open group was deleted meanwhile', async () => {
    const sim = startSim('staff');
    sim.store.groups.delete(G.orphaned.uuid);
    renderTab(`/offerings/${A}/groups?group=${G.orphaned.uuid}`);
    expect(await screen.findByText('This group was deleted, or is not yours to see')).toBeTruthy();
  });

  it('tells a viewer that a group link may be deleted or not theirs: Waldur cannot tell', async () => {
    startSim('viewer');
    renderTab(`/offerings/${A}/groups?group=${G.prodAdmin.uuid}`, offeringPermission({ customer_name: 'Aurora' }, { is_staff: false }));
    expect(await screen.findByText('This group was deleted, or is not yours to see')).toBeTruthy();
    expect(screen.getByText(/someone may have deleted the group, or your account cannot see it/)).toBeTruthy();
  });

  it('shows the empty state with its next actions', async () => {
    startSim('staff');
    renderTab(`/offerings/${A}/groups?resource=${DEMO.resources.aArchive.uuid}&role=${DEMO.roles.a.namespaceEditor.uuid}`);
    expect(await screen.findByText('No groups match these filters')).toBeTruthy();
  });

  it('shows the viewer why actions are disabled', async () => {
    startSim('viewer');
    renderTab(undefined, offeringPermission({ customer_name: 'Aurora' }, { is_staff: false }));
    expect(await screen.findByText(/You cannot manage this offering/)).toBeTruthy();
  });

  it('says Keycloak was not checked, and why, when it cannot be read: no linked group looks healthy', async () => {
    const sim = startSim('staff');
    sim.setFaults({ keycloakDown: [A] });
    renderTab();
    const alert = (await screen.findByText('Could not read Keycloak: the remote groups were not checked')).closest<HTMLElement>(
      '[role="alert"]',
    );
    expect(alert).not.toBeNull();
    const table = screen.getByRole('table', { name: 'Groups' });
    // The group whose remote group is gone (Legacy HPC users) is not called "Linked" either.
    const row = within(table).getByRole('button', { name: G.orphaned.name }).closest('tr') as HTMLElement;
    expect(within(row).getByText('Linked · Keycloak not checked')).toBeTruthy();
    expect(within(table).queryByText('Linked')).toBeNull();
    expect(within(table).getAllByText('Linked · Keycloak not checked').length).toBeGreaterThan(3);
  });

  it('does not say the remote group is deleted too when Keycloak no longer has it', async () => {
    startSim('staff');
    renderTab();
    const menu = await openActions(G.orphaned.name);
    await userEvent.click(within(menu).getByRole('menuitem', { name: /Delete/ }));
    const dialog = await screen.findByRole('dialog');
    expect(await within(dialog).findByText(/Keycloak no longer has its remote group/)).toBeTruthy();
    expect(within(dialog).queryByText(/is deleted too/)).toBeNull();
  });
});
