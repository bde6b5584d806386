import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { OfferingGroup, RemoteGroup } from '../../api/types';
import { renderApp } from '../../test/sim-render';
import { joinSyncStatus } from './join';
import type { SyncActions } from './sync-actions';
import type { WhenRead } from './waiting-acts';
import { SyncStatusView } from './sync-status-view';

// happy-dom lays nothing out: give scroll containers a size so the virtualiser renders rows.
const sizes = { clientHeight: 480, clientWidth: 1000, offsetHeight: 62, offsetWidth: 1000 };
const saved: Record<string, PropertyDescriptor | undefined> = {};
beforeAll(() => {
  for (const [key, value] of Object.entries(sizes)) {
    saved[key] = Object.getOwnPropertyDescriptor(HTMLElement.prototype, key);
    Object.defineProperty(HTMLElement.prototype, key, { configurable: true, get: () => value });
  }
});
afterAll(() => {
  for (const [key, descriptor] of Object.entries(saved)) if (descriptor) Object.defineProperty(HTMLElement.prototype, key, descriptor);
});

let n = 0;
function local(name: string, backendId = ''): OfferingGroup {
  n += 1;
  const uuid = n.toString(16).padStart(32, '0');
  return {
    uuid,
    name,
    backend_id: backendId,
    role_name: 'Viewer',
    resource_name: null,
    scope_id: '',
    created: `2024-01-01T00:00:00.${String(n).padStart(6, '0')}Z`,
  } as OfferingGroup;
}
const remote = (id: string, name: string, path = `/base/${name}`): RemoteGroup => ({ id, name, path, sub_group_count: 0 });

function actions(overrides: Partial<SyncActions> = {}): SyncActions {
  return {
    canManage: true,
    reason: null,
    isBusy: () => false,
    pullMembers: vi.fn(),
    link: vi.fn(),
    remove: vi.fn(),
    importRemote: vi.fn(),
    ...overrides,
  };
}

function section(name: RegExp) {
  return screen.getByRole('region', { name });
}

describe('SyncStatusView', () => {
  const synced = local('synced-one', 'r1');
  const unlinked = local('lonely');
  const join = joinSyncStatus(
    {
      synced: [{ local_name: 'synced-one', remote_name: 'synced-one', backend_id: 'r1' }],
      local_only: ['lonely'],
      remote_only: ['twin', 'solo'],
    },
    [synced, unlinked],
    [remote('r1', 'synced-one'), remote('t1', 'twin', '/a/twin'), remote('t2', 'twin', '/b/twin'), remote('s1', 'solo')],
  );

  it('shows counts in the headings and one action per line', async () => {
    const acts = actions();
    renderApp(<SyncStatusView join={join} filter="" actions={acts} />);
    expect(screen.getByRole('heading', { name: 'Synced (1)' })).toBeTruthy();
    expect(screen.getByRole('heading', { name: 'Only in Waldur (1)' })).toBeTruthy();
    expect(screen.getByRole('heading', { name: 'Only in Keycloak (2)' })).toBeTruthy();

    await userEvent.click(within(section(/Synced/)).getByRole('button', { name: 'Pull members of synced-one' }));
    expect(acts.pullMembers).toHaveBeenCalledWith([synced]);
    await userEvent.click(within(section(/Only in Waldur/)).getByRole('button', { name: /Link to remote group/ }));
    expect(acts.link).toHaveBeenCalledWith(unlinked);
    await userEvent.click(within(section(/Only in Waldur/)).getByRole('button', { name: 'Delete lonely' }));
    expect(acts.remove).toHaveBeenCalledWith([unlinked]);
    await userEvent.click(within(section(/Only in Keycloak/)).getByRole('button', { name: 'Import solo' }));
    expect(acts.importRemote).toHaveBeenCalledWith(['s1']);
  });

  it('offers the same-named remote group of a Waldur line, and only the one section asked for', async () => {
    const team = local('Team');
    const pair = joinSyncStatus({ synced: [], local_only: ['Team'], remote_only: ['Team'] }, [team], [remote('k-team', 'Team')]);
    const acts = actions();
    const showAll = vi.fn();
    renderApp(<SyncStatusView join={pair} filter="" actions={acts} show={{ section: 'local', showAll }} />);
    expect(screen.queryByRole('heading', { name: /Only in Keycloak/ })).toBeNull();
    await userEvent.click(within(section(/Only in Waldur/)).getByRole('button', { name: 'Link Team to the same-named group' }));
    expect(acts.link).toHaveBeenCalledWith(team, 'k-team');
    await userEvent.click(screen.getByRole('button', { name: 'Show all sections' }));
    expect(showAll).toHaveBeenCalled();
  });

  it('asks which group an ambiguous name means before acting', async () => {
    const acts = actions();
    renderApp(<SyncStatusView join={join} filter="" actions={acts} />);
    const remoteSection = section(/Only in Keycloak/);
    const importTwin = within(remoteSection).getByRole('button', { name: 'Import twin' });
    expect(importTwin.hasAttribute('disabled')).toBe(true);
    await userEvent.selectOptions(within(remoteSection).getByRole('combobox', { name: /Which Keycloak group/ }), 't2');
    await userEvent.click(importTwin);
    expect(acts.importRemote).toHaveBeenCalledWith(['t2']);
  });

  it('acts on several selected lines together', async () => {
    const acts = actions();
    renderApp(<SyncStatusView join={join} filter="" actions={acts} />);
    const remoteSection = section(/Only in Keycloak/);
    // Issue 29, item 18: after one of the two is chosen, "Select all" says it adds the other one.
    await userEvent.click(within(remoteSection).getAllByRole('checkbox', { name: /^Select / })[1]!);
    await userEvent.click(within(remoteSection).getByRole('checkbox', { name: 'Select the other 1 group' }));
    expect(within(remoteSection).getByRole('checkbox', { name: 'Select all 2 groups' })).toHaveProperty('checked', true);
    expect(within(remoteSection).getByText(/needs a choice/)).toBeTruthy();
    await userEvent.click(within(remoteSection).getByRole('button', { name: 'Import selected (1)' }));
    expect(acts.importRemote).toHaveBeenCalledWith(['s1']);
  });

  it('filters lines and says so in the heading', () => {
    renderApp(<SyncStatusView join={join} filter="TWIN" actions={actions()} />);
    expect(screen.getByRole('heading', { name: 'Only in Keycloak (1 of 2)' })).toBeTruthy();
    expect(screen.getByRole('heading', { name: 'Synced (0 of 1)' })).toBeTruthy();
  });

  it('disables actions with the reason for users who cannot manage', () => {
    renderApp(<SyncStatusView join={join} filter="" actions={actions({ canManage: false, reason: 'Only owners can.' })} />);
    const button = screen.getByRole('button', { name: 'Import solo' });
    expect(button.hasAttribute('disabled')).toBe(true);
    const reason = document.getElementById(button.getAttribute('aria-describedby') ?? '');
    expect(reason?.textContent).toContain('Only owners can.');
  });

  it('says a line is not found only once the list it is looked up in was fetched', () => {
    const statusOnly = joinSyncStatus(
      {
        synced: [{ local_name: 'synced-one', remote_name: 'synced-one', backend_id: 'r1' }],
        local_only: ['lonely'],
        remote_only: ['solo'],
      },
      [],
      [],
    );
    const { unmount } = renderApp(
      <SyncStatusView join={statusOnly} filter="" actions={actions()} lookups={{ local: 'pending', remote: 'failed' }} />,
    );
    expect(within(section(/Synced/)).getByText('Looking up the local group…')).toBeTruthy();
    expect(within(section(/Only in Waldur/)).getByText('Looking up the local group…')).toBeTruthy();
    expect(within(section(/Only in Keycloak/)).getByText('Not known: the Keycloak groups could not be listed.')).toBeTruthy();
    expect(screen.queryByText(/lists just fetched/)).toBeNull();
    unmount();

    renderApp(<SyncStatusView join={statusOnly} filter="" actions={actions()} lookups={{ local: 'fetched', remote: 'fetched' }} />);
    expect(screen.getAllByText(/No .* with this name in the lists just fetched/)).toHaveLength(3);
    expect(screen.queryByText(/Looking up/)).toBeNull();
  });

  it('takes a click on a line still looking up its group, and carries it out once the group is found', async () => {
    const twins = [local('twin'), local('twin')];
    const status = {
      synced: [{ local_name: 'synced-one', remote_name: 'synced-one', backend_id: 'r1' }],
      // One "twin" in the status, two in the list read after it (one made meanwhile): a choice.
      local_only: ['twin', 'gone'],
      remote_only: [],
    };
    const statusOnly = joinSyncStatus(status, [], []);
    // One read of the local groups, in flight: every waiting click waits on it.
    let read: (value: Awaited<ReturnType<WhenRead>>) => void = () => {};
    const reading = new Promise<Awaited<ReturnType<WhenRead>>>((resolve) => (read = resolve));
    const whenRead = vi.fn<WhenRead>(() => reading);
    const acts = actions();
    renderApp(
      <SyncStatusView join={statusOnly} filter="" actions={acts} lookups={{ local: 'pending', remote: 'pending' }} whenRead={whenRead} />,
    );
    const pull = within(section(/Synced/)).getByRole('button', { name: 'Pull members of synced-one' });
    await userEvent.click(pull);
    await userEvent.click(within(section(/Only in Waldur/)).getByRole('button', { name: 'Delete twin' }));
    await userEvent.click(within(section(/Only in Waldur/)).getByRole('button', { name: 'Delete gone' }));
    // Taken, busy, and nothing sent before the group is known; a second click sends nothing more.
    expect(pull.getAttribute('aria-busy')).toBe('true');
    await userEvent.click(pull);
    expect(whenRead).toHaveBeenCalledTimes(3);
    expect(whenRead).toHaveBeenCalledWith('local');
    expect(acts.pullMembers).not.toHaveBeenCalled();

    read({ join: joinSyncStatus(status, [synced, ...twins], []), lookups: { local: 'fetched', remote: 'pending' } });
    await screen.findByText('Not done for “twin”: several groups have this name. Choose one on its line, then click again.');
    expect(acts.pullMembers).toHaveBeenCalledTimes(1);
    expect(acts.pullMembers).toHaveBeenCalledWith([synced]);
    expect(acts.remove).not.toHaveBeenCalled();
    expect(screen.getByText('Not done for “gone”: no group with this name was found in the lists just read.')).toBeTruthy();
  });

  it('renders a bounded number of rows for 10,000 lines per section', () => {
    const size = 10_000;
    const locals: OfferingGroup[] = [];
    const remotes: RemoteGroup[] = [];
    const syncedLines = [];
    for (let index = 0; index < size; index += 1) {
      locals.push(local(`s${index}`, `id${index}`), local(`l${index}`));
      remotes.push(remote(`id${index}`, `s${index}`), remote(`ro${index}`, `r${index}`));
      syncedLines.push({ local_name: `s${index}`, remote_name: `s${index}`, backend_id: `id${index}` });
    }
    const big = joinSyncStatus(
      {
        synced: syncedLines,
        local_only: locals.filter((g) => !g.backend_id).map((g) => g.name),
        remote_only: remotes.filter((g) => g.id.startsWith('ro')).map((g) => g.name),
      },
      locals,
      remotes,
    );
    renderApp(<SyncStatusView join={big} filter="" actions={actions()} />);
    expect(screen.getByRole('heading', { name: 'Synced (10,000)' })).toBeTruthy();
    expect(screen.getAllByRole('listitem').length).toBeLessThan(3 * 30);
    expect(screen.getByRole('list', { name: 'Only in Keycloak groups' }).children.length).toBeGreaterThan(0);
  });
});
