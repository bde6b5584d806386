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

  it('edit with every field changed sends PUT; the server keeping the group is said plainly', async () => {
    const sim = startSim('staff');
    const writes = recordWrites(sim);
    const dave = membershipOf(sim, 'dave');
    renderApp(<RancherMembershipsPage unavailableReason={null} />);
    const dialog = await openEdit('dave');
    const username = await within(dialog).findByRole('textbox', { name: 'Username' });
    await waitFor(() =>
      expect((within(dialog).getByRole('combobox', { name: 'Role' }) as HTMLInputElement).value).toMatch(/^Cluster Member/),
    );
    await userEvent.clear(username);
    await userEvent.type(username, 'dave.b');
    const email = within(dialog).getByRole('textbox', { name: 'Email' });
    await userEvent.clear(email);
    await userEvent.type(email, 'dave.b@lab.example.com');
    await pick(dialog, 'Project', /^sandbox/);
    // The cluster role does not fit a project: it is cleared, and the form says why.
    expect((within(dialog).getByRole('combobox', { name: 'Role' }) as HTMLInputElement).value).toBe('');
    expect(within(dialog).getByText(/is not a project role of aurora-dev/)).toBeTruthy();
    await pick(dialog, 'Role', /^Read-only/);
    await userEvent.click(within(dialog).getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());

    expect(writes).toHaveLength(1);
    expect(writes[0]?.method).toBe('PUT');
    expect(writes[0]?.url).toContain(`/api/keycloak-user-group-memberships/${dave.uuid}/`);
    expect(writes[0]?.body).toEqual({
      username: 'dave.b',
      email: 'dave.b@lab.example.com',
      scope_uuid: R.projects.sandbox.uuid,
      role: expect.stringMatching(new RegExp(`/api/rancher-role-templates/${R.roleTemplates.readOnly.uuid}/$`)),
    });
    expect(membershipOf(sim, 'dave.b').email).toBe('dave.b@lab.example.com');
    // Waldur stores only username and email: the membership stays in its group.
    expect(membershipOf(sim, 'dave.b').groupUuid).toBe(R.groups.devMembers.uuid);
    await screen.findByText('Saved dave.b, but the scope and role did not change');
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
