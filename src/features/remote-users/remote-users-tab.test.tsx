import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { configureApi } from '../../api/client';
import type { RemoteUser } from '../../api/types';
import { offeringPermission } from '../../lib/offering-permission';
import { DEMO, renderApp, startSim } from '../../test/sim-render';
import { RemoteUsersTab } from './remote-users-tab';

const A = DEMO.offerings.healthyA.uuid;
const staff = offeringPermission(undefined, { is_staff: true });

/** The simulator, with every search request (and when its answer came back) recorded. */
function startRecording() {
  const sim = startSim('staff');
  const sent: string[] = [];
  const answered: string[] = [];
  configureApi({ apiUrl: 'http://sim.test', timeoutMs: 10_000 }, async (request) => {
    const url = new URL(request.url);
    const search = url.pathname.includes('search_remote_users') ? (url.searchParams.get('q') ?? '') : null;
    if (search !== null) sent.push(search);
    const response = (await sim.handle(request)) ?? new Response('Not found', { status: 404 });
    if (search !== null) answered.push(search);
    return response;
  });
  return { sim, sent, answered };
}

function renderTab(onAddToGroup: (user: RemoteUser) => void = () => {}, route = `/offerings/${A}/remote-users`) {
  return renderApp(<RemoteUsersTab offeringUuid={A} permission={staff} onAddToGroup={onAddToGroup} />, { route });
}

/**
 * Fake timers for a test that must see what happens once the search's debounce (300 ms) is past:
 * the clock is moved on instead of slept through. They still advance with real time, so that
 * findBy and waitFor (which poll on timers) keep working.
 */
function fakeTimers() {
  vi.useFakeTimers({ shouldAdvanceTime: true });
  return userEvent.setup({ advanceTimers: vi.advanceTimersByTime });
}

afterEach(() => {
  vi.useRealTimers();
});

describe('RemoteUsersTab', { timeout: 30_000 }, () => {
  it('never sends a search shorter than the minimum, and says why', async () => {
    const user = fakeTimers();
    const { sent } = startRecording();
    const { router } = renderTab();
    const input = screen.getByRole('searchbox', { name: 'Search remote users' });
    await user.type(input, 'a');
    await screen.findByText(/at least 2 characters: Waldur needs a search text/);
    // Past the debounce: the text reached the URL, and still no search went out.
    await vi.advanceTimersByTimeAsync(450);
    await waitFor(() => expect(router.state.location.search).toBe('?q=a'));
    expect(sent).toEqual([]);
    await user.type(input, ' ');
    await vi.advanceTimersByTimeAsync(450);
    expect(sent).toEqual([]);
  });

  it('debounces typing into one search, and lists the groups each user is already in', async () => {
    const { sent } = startRecording();
    const { router } = renderTab();
    await userEvent.type(screen.getByRole('searchbox', { name: 'Search remote users' }), 'alice');
    const table = await screen.findByRole('table', { name: 'Remote users matching “alice”' });
    expect(sent).toEqual(['alice']);
    expect(router.state.location.search).toBe('?q=alice');
    const row = within(table).getByText('alice', { exact: true }).closest('tr') as HTMLElement;
    await within(row).findByText('Viewer');
  });

  it('an older answer arriving late never replaces the newer results', async () => {
    const user = fakeTimers();
    const { sim, sent, answered } = startRecording();
    sim.setFaults({ slow: [{ path: 'search_remote_users', query: { q: 'al' }, ms: 600 }] });
    const { queryClient } = renderTab();
    const input = screen.getByRole('searchbox', { name: 'Search remote users' });
    await user.type(input, 'al');
    await waitFor(() => expect(sent).toContain('al'));
    await user.type(input, 'ice');
    await screen.findByRole('table', { name: 'Remote users matching “alice”' });
    await vi.advanceTimersByTimeAsync(600);
    await waitFor(() => expect(answered).toContain('al'));
    // The late answer has landed in the cache, and whatever it would render has rendered.
    await waitFor(() => expect(queryClient.isFetching()).toBe(0));
    await vi.advanceTimersByTimeAsync(50);
    expect(screen.queryByRole('table', { name: /matching “al”/ })).toBeNull();
    expect(screen.getByRole('table', { name: 'Remote users matching “alice”' })).toBeTruthy();
  });

  it('arrow keys move through the results and Enter opens the row action', async () => {
    startRecording();
    const onAdd = vi.fn();
    renderTab(onAdd, `/offerings/${A}/remote-users?q=alice`);
    const table = await screen.findByRole('table', { name: 'Remote users matching “alice”' });
    const input = screen.getByRole('searchbox', { name: 'Search remote users' });
    input.focus();
    await userEvent.keyboard('{ArrowDown}');
    const rows = within(table).getAllByRole('row').slice(1);
    expect(document.activeElement).toBe(rows[0]);
    await userEvent.keyboard('{ArrowDown}');
    expect(document.activeElement).toBe(rows[1]);
    await userEvent.keyboard('{Enter}');
    expect(onAdd).toHaveBeenCalledTimes(1);
    const username = within(rows[1] as HTMLElement).getAllByRole('cell')[0]?.textContent;
    expect(onAdd.mock.calls[0]?.[0]).toMatchObject({ username });
    await userEvent.keyboard('{ArrowUp}{ArrowUp}');
    expect(document.activeElement).toBe(input);
  });

  it('unreachable Keycloak: a clear message, and the last results stay, marked stale', async () => {
    const { sim } = startRecording();
    renderTab(undefined, `/offerings/${A}/remote-users?q=alice`);
    await screen.findByRole('table', { name: 'Remote users matching “alice”' });
    sim.setFaults({ keycloakDown: true });
    await userEvent.type(screen.getByRole('searchbox', { name: 'Search remote users' }), '.x');
    await screen.findByText('Could not reach Keycloak');
    expect(screen.getByText('Unable to search remote users.')).toBeTruthy();
    expect(screen.getByRole('table', { name: 'Remote users matching “alice” (stale)' })).toBeTruthy();
    expect(screen.getByText(/^Stale: from/)).toBeTruthy();
  });

  it('disables the search for a user who may not search, with the reason, and sends nothing', async () => {
    const { sent } = startRecording();
    window.sessionStorage.setItem('waldur-kc.token', DEMO.tokens.viewer);
    const viewer = offeringPermission({ customer_name: 'Aurora' }, { is_staff: false });
    renderApp(<RemoteUsersTab offeringUuid={A} permission={viewer} onAddToGroup={() => {}} />, {
      route: `/offerings/${A}/remote-users?q=alice`,
    });
    const input = screen.getByRole('searchbox', { name: 'Search remote users' });
    expect(input.hasAttribute('disabled')).toBe(true);
    expect(input.getAttribute('aria-describedby')).toBeTruthy();
    expect(screen.getByText(/You cannot manage this offering.*Searching its Keycloak users needs the same rights\./)).toBeTruthy();
    expect(screen.queryByRole('status', { name: 'Searching' })).toBeNull();
    expect(screen.queryByRole('alert')).toBeNull();
    expect(sent).toEqual([]);
  });
});
