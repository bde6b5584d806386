import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { configureApi } from '../../api/client';
import { DEMO, renderApp, startSim } from '../../test/sim-render';
import { RancherMembershipsPage } from './rancher-memberships-page';

const R = DEMO.rancher;

type Sim = ReturnType<typeof startSim>;

function membershipOf(sim: Sim, username: string) {
  const found = [...sim.store.rancherMemberships.all()].find((membership) => membership.username === username);
  if (!found) throw new Error(`no membership of ${username}`);
  return found;
}

/** Records the writes on their way to the simulator. */
function recordWrites(sim: Sim) {
  const writes: { method: string; url: string; body: unknown }[] = [];
  configureApi({ apiUrl: 'http://sim.test', timeoutMs: 10_000 }, async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      const text = await request.clone().text();
      writes.push({ method: request.method, url: request.url, body: text ? JSON.parse(text) : undefined });
    }
    return (await sim.handle(request)) ?? new Response('Not found', { status: 404 });
  });
  return writes;
}

async function rowOf(username: string) {
  const table = await screen.findByRole('table', { name: 'Rancher memberships' });
  const cell = await within(table).findByText(username);
  const row = cell.closest('tr');
  if (!row) throw new Error('no row');
  return row;
}

async function openEdit(username: string) {
  const row = await rowOf(username);
  await userEvent.click(within(row).getByRole('button', { name: /^Actions for / }));
  await userEvent.click(await screen.findByRole('menuitem', { name: 'Edit' }));
  return screen.findByRole('dialog');
}

async function openMove(username: string) {
  const row = await rowOf(username);
  await userEvent.click(within(row).getByRole('button', { name: /^Actions for / }));
  await userEvent.click(await screen.findByRole('menuitem', { name: 'Move to another scope or role' }));
  return screen.findByRole('dialog');
}

async function pick(dialog: HTMLElement, label: string, option: RegExp) {
  await userEvent.click(within(dialog).getByRole('combobox', { name: label }));
  await userEvent.click(await screen.findByRole('option', { name: option }));
}

describe('RancherMembershipsPage', { timeout: 30_000 }, () => {
  it('says why the page is unavailable instead of showing the table', () => {
    startSim('staff');
    renderApp(<RancherMembershipsPage unavailableReason="This server does not offer Rancher Keycloak memberships (HTTP 404)." />);
    expect(screen.getByRole('heading', { name: 'Rancher memberships' })).toBeTruthy();
    expect(screen.getByRole('note').textContent).toContain('This server does not offer Rancher Keycloak memberships (HTTP 404).');
    expect(screen.queryByRole('table')).toBeNull();
    expect(screen.queryByRole('button', { name: 'Add membership' })).toBeNull();
  });

  it('offers to clear a filter the server refuses instead of listing everything or a Retry that cannot work', async () => {
    startSim('staff');
    const { router } = renderApp(<RancherMembershipsPage unavailableReason={null} />, { route: '/rancher?role=xyz&state=active' });
    const alert = (await screen.findByText('This filter cannot be used')).closest<HTMLElement>('[role="alert"]');
    if (!alert) throw new Error('Not in an alert');
    expect(within(alert).queryByRole('button', { name: 'Retry' })).toBeNull();
    expect(screen.queryByRole('table')).toBeNull();
    await userEvent.click(within(alert).getByRole('button', { name: 'Clear this filter' }));
    await screen.findByRole('table', { name: 'Rancher memberships' });
    expect(router.state.location.search).toBe('?state=active');
  });

  it('moves an old bookmark past the last page to the last page that exists', async () => {
    startSim('staff');
    const { router } = renderApp(<RancherMembershipsPage unavailableReason={null} />, { route: '/rancher?page=50' });
    await screen.findByRole('table', { name: 'Rancher memberships' });
    await waitFor(() => expect(router.state.location.search).toBe(''));
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('error wins over the state, and staff can open the traceback', async () => {
    const sim = startSim('staff');
    membershipOf(sim, R.memberships.error).errorTraceback = 'Traceback (most recent call last):\n  KeycloakGetError: 404';
    renderApp(<RancherMembershipsPage unavailableReason={null} />);
    const row = await rowOf(R.memberships.error);
    expect(within(row).getByText('Error')).toBeTruthy();
    expect(within(row).getByText('(Active)')).toBeTruthy();
    const toggle = within(row).getByRole('button', { name: 'Show traceback' });
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    await userEvent.click(toggle);
    expect(within(row).getByRole('button', { name: 'Hide traceback' }).getAttribute('aria-expanded')).toBe('true');
    expect(within(row).getByLabelText('Traceback').textContent).toContain('KeycloakGetError');
  });

  it('edit sends PUT with username, email, scope and role (Waldur validates all four); scope and role are shown, not editable', async () => {
    const sim = startSim('staff');
    const writes = recordWrites(sim);
    const dave = membershipOf(sim, 'dave');
    renderApp(<RancherMembershipsPage unavailableReason={null} />);
    const dialog = await openEdit('dave');
    const username = await within(dialog).findByRole('textbox', { name: 'Username' });
    await waitFor(() => expect((within(dialog).getByRole('textbox', { name: 'Role' }) as HTMLInputElement).value).toBe('Cluster Member'));
    expect((within(dialog).getByRole('textbox', { name: 'Scope' }) as HTMLInputElement).readOnly).toBe(true);
    expect((within(dialog).getByRole('textbox', { name: 'Role' }) as HTMLInputElement).readOnly).toBe(true);
    expect(within(dialog).queryByRole('combobox')).toBeNull();
    expect(within(dialog).getByText(/to change them, use Move/)).toBeTruthy();
    await userEvent.clear(username);
    await userEvent.type(username, 'dave.b');
    const email = within(dialog).getByRole('textbox', { name: 'Email' });
    await userEvent.clear(email);
    await userEvent.type(email, 'dave.b@lab.example.com');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());

    expect(writes).toEqual([
      {
        method: 'PUT',
        url: expect.stringContaining(`/api/keycloak-user-group-memberships/${dave.uuid}/`),
        body: {
          username: 'dave.b',
          email: 'dave.b@lab.example.com',
          scope_uuid: R.clusters.auroraDev.uuid,
          role: expect.stringContaining(`/api/rancher-role-templates/${R.roleTemplates.clusterMember.uuid}/`),
        },
      },
    ]);
    expect(membershipOf(sim, 'dave.b').groupUuid).toBe(R.groups.devMembers.uuid);
    await screen.findByText('Membership of dave.b saved');
  });

  it('an email alone is not sent (Waldur refuses it): the dialog says so and removes and adds the membership again', async () => {
    const sim = startSim('staff');
    const writes = recordWrites(sim);
    const dave = membershipOf(sim, 'dave');
    renderApp(<RancherMembershipsPage unavailableReason={null} />);
    const dialog = await openEdit('dave');
    const email = await within(dialog).findByRole('textbox', { name: 'Email' });
    // Said before trying, next to the field.
    expect(within(dialog).getByText(/Waldur cannot change only the email/)).toBeTruthy();
    await userEvent.clear(email);
    await userEvent.type(email, 'dave@new.example.com');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Save' }));
    const alert = await within(dialog).findByRole('alert', { name: 'Waldur cannot change only the email' });
    expect(alert.textContent).toMatch(/no access through/);
    expect(writes).toHaveLength(0);
    await userEvent.dblClick(within(alert).getByRole('button', { name: 'Remove and add again' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(writes.map((write) => write.method)).toEqual(['DELETE', 'POST']);
    expect(writes[1]?.body).toMatchObject({ username: 'dave', email: 'dave@new.example.com', scope_uuid: R.clusters.auroraDev.uuid });
    const again = membershipOf(sim, 'dave');
    expect(again.uuid).not.toBe(dave.uuid);
    expect(again.email).toBe('dave@new.example.com');
    expect(again.groupUuid).toBe(R.groups.devMembers.uuid);
  });

  it('move to another role creates the new membership first, then deletes the old one', async () => {
    const sim = startSim('staff');
    const writes = recordWrites(sim);
    const dave = membershipOf(sim, 'dave');
    renderApp(<RancherMembershipsPage unavailableReason={null} />);
    const dialog = await openMove('dave');
    await waitFor(() =>
      expect((within(dialog).getByRole('combobox', { name: 'Role' }) as HTMLInputElement).value).toMatch(/^Cluster Member/),
    );
    // Nothing chosen yet: nothing is sent.
    await userEvent.click(within(dialog).getByRole('button', { name: 'Delete and re-create' }));
    await within(dialog).findByText('Nothing to move: choose another scope or role.');
    expect(writes).toHaveLength(0);

    await pick(dialog, 'Project', /^sandbox/);
    await pick(dialog, 'Role', /^Read-only/);
    within(dialog).getByText(/created first, then the current one is deleted/);
    await userEvent.click(within(dialog).getByRole('button', { name: 'Move' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());

    expect(writes.map((write) => write.method)).toEqual(['POST', 'DELETE']);
    expect(writes[0]?.body).toEqual({
      username: 'dave',
      email: dave.email,
      scope_uuid: R.projects.sandbox.uuid,
      role: expect.stringMatching(new RegExp(`/api/rancher-role-templates/${R.roleTemplates.readOnly.uuid}/$`)),
    });
    expect(writes[1]?.url).toContain(`/api/keycloak-user-group-memberships/${dave.uuid}/`);
    const moved = membershipOf(sim, 'dave');
    expect(moved.uuid).not.toBe(dave.uuid);
    expect(sim.store.rancherGroups.get(moved.groupUuid)?.scopeUuid).toBe(R.projects.sandbox.uuid);
    await screen.findByText('Moved dave to Project sandbox');
  });

  it('move with the same role to another scope deletes first (Waldur allows one per username and role)', async () => {
    const sim = startSim('staff');
    const writes = recordWrites(sim);
    renderApp(<RancherMembershipsPage unavailableReason={null} />);
    const dialog = await openMove('dave');
    await waitFor(() =>
      expect((within(dialog).getByRole('combobox', { name: 'Role' }) as HTMLInputElement).value).toMatch(/^Cluster Member/),
    );
    await pick(dialog, 'Cluster', /^aurora-prod/);
    expect((within(dialog).getByRole('combobox', { name: 'Role' }) as HTMLInputElement).value).toMatch(/^Cluster Member/);
    within(dialog).getByText(/the current membership is deleted first/);
    await userEvent.click(within(dialog).getByRole('button', { name: 'Delete and re-create' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(writes.map((write) => write.method)).toEqual(['DELETE', 'POST']);
    const moved = membershipOf(sim, 'dave');
    expect(sim.store.rancherGroups.get(moved.groupUuid)?.scopeUuid).toBe(R.clusters.auroraProd.uuid);
  });

  it('a move whose delete fails says the user has both, and deleting the old one again finishes it', async () => {
    const sim = startSim('staff');
    const dave = membershipOf(sim, 'dave');
    let refuseDelete = true;
    configureApi({ apiUrl: 'http://sim.test', timeoutMs: 10_000 }, async (request) => {
      if (request.method === 'DELETE' && refuseDelete) {
        refuseDelete = false;
        return new Response(JSON.stringify({ detail: 'Service unavailable.' }), {
          status: 503,
          headers: { 'Content-Type': 'application/json' },
        });
      }
      return (await sim.handle(request)) ?? new Response('Not found', { status: 404 });
    });
    renderApp(<RancherMembershipsPage unavailableReason={null} />);
    const dialog = await openMove('dave');
    await waitFor(() =>
      expect((within(dialog).getByRole('combobox', { name: 'Role' }) as HTMLInputElement).value).toMatch(/^Cluster Member/),
    );
    await pick(dialog, 'Project', /^sandbox/);
    await pick(dialog, 'Role', /^Read-only/);
    await userEvent.click(within(dialog).getByRole('button', { name: 'Move' }));
    const alert = await within(dialog).findByRole('alert');
    expect(alert.textContent).toContain('The new membership exists, but the old one is still there');
    expect(alert.textContent).toContain('Both memberships are listed now.');
    expect([...sim.store.rancherMemberships.all()].filter((membership) => membership.username === 'dave')).toHaveLength(2);

    await userEvent.click(within(dialog).getByRole('button', { name: 'Delete the old membership' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(sim.store.rancherMemberships.get(dave.uuid)).toBeUndefined();
    expect([...sim.store.rancherMemberships.all()].filter((membership) => membership.username === 'dave')).toHaveLength(1);
  });

  it('a same-role move whose create fails says the user has neither, and keeps the choice for a retry', async () => {
    const sim = startSim('staff');
    let refuseCreate = true;
    configureApi({ apiUrl: 'http://sim.test', timeoutMs: 10_000 }, async (request) => {
      if (request.method === 'POST' && refuseCreate) {
        refuseCreate = false;
        const body = ['Unable to add a user to the Keycloak group: Connection refused'];
        return new Response(JSON.stringify(body), { status: 400, headers: { 'Content-Type': 'application/json' } });
      }
      return (await sim.handle(request)) ?? new Response('Not found', { status: 404 });
    });
    renderApp(<RancherMembershipsPage unavailableReason={null} />);
    const dialog = await openMove('dave');
    await waitFor(() =>
      expect((within(dialog).getByRole('combobox', { name: 'Role' }) as HTMLInputElement).value).toMatch(/^Cluster Member/),
    );
    await pick(dialog, 'Cluster', /^aurora-prod/);
    await userEvent.click(within(dialog).getByRole('button', { name: 'Delete and re-create' }));
    const alert = await within(dialog).findByRole('alert');
    expect(alert.textContent).toContain('The old membership was deleted, but the new one was not created');
    expect(alert.textContent).toContain('Unable to add a user to the Keycloak group: Connection refused');
    expect(alert.textContent).toContain('dave has neither membership now.');
    expect([...sim.store.rancherMemberships.all()].filter((membership) => membership.username === 'dave')).toHaveLength(0);

    await userEvent.click(within(dialog).getByRole('button', { name: 'Create the new membership' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    const moved = membershipOf(sim, 'dave');
    expect(sim.store.rancherGroups.get(moved.groupUuid)?.scopeUuid).toBe(R.clusters.auroraProd.uuid);
    await screen.findByText('Moved dave to Cluster aurora-prod');
  });

  it('a membership deleted before its form opens says so, and offers to refresh', async () => {
    const sim = startSim('staff');
    renderApp(<RancherMembershipsPage unavailableReason={null} />);
    await rowOf('carol');
    sim.store.rancherMemberships.delete(membershipOf(sim, 'carol').uuid);
    const dialog = await openEdit('carol');
    await within(dialog).findByText('This membership no longer exists: it was deleted after the list was loaded.');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Close and refresh the list' }));
    const table = await screen.findByRole('table', { name: 'Rancher memberships' });
    await waitFor(() => expect(within(table).queryByText('carol')).toBeNull());
  });

  it('add: one click sends one request, and the new membership is listed', async () => {
    const sim = startSim('staff');
    const writes = recordWrites(sim);
    renderApp(<RancherMembershipsPage unavailableReason={null} />, { route: '/?add=1' });
    const dialog = await screen.findByRole('dialog');
    await userEvent.type(within(dialog).getByRole('textbox', { name: 'Username' }), 'new.person');
    await userEvent.type(within(dialog).getByRole('textbox', { name: 'Email' }), 'new.person@example.org');
    await pick(dialog, 'Cluster', /^boreal-k8s/);
    await pick(dialog, 'Role', /^Cluster Owner/);
    await userEvent.dblClick(within(dialog).getByRole('button', { name: 'Add membership' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(writes.map((write) => write.method)).toEqual(['POST']);
    expect(membershipOf(sim, 'new.person').state).toBe('pending');
    await screen.findByText('new.person added to cluster boreal-k8s');
    expect(await rowOf('new.person')).toBeTruthy();
  });
});
