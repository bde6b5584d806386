import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { offeringPermission } from '../../lib/offering-permission';
import { DEMO, renderApp, startSim } from '../../test/sim-render';
import { ImportWizard } from './import-wizard';
import { emptyWizard, setSelected, type WizardState } from './wizard-state';
import { dropWizardStores, wizardStore } from './wizard-store';

const A = DEMO.offerings.healthyA.uuid;
const B = DEMO.offerings.healthyB.uuid;
const RG = DEMO.remoteGroups.a;
const R = DEMO.roles.a;
const allowed = offeringPermission(undefined, { is_staff: true });

function renderWizard(offering = A, route = `/offerings/${offering}/import`) {
  return renderApp(<ImportWizard offeringUuid={offering} permission={allowed} />, { route, path: '/offerings/:offeringUuid/import' });
}

/** A wizard saved in this tab earlier (as after a reload). */
function saved(patch: (state: WizardState) => WizardState) {
  const state = patch(
    setSelected(
      emptyWizard(),
      [
        { id: RG.visitors.id, name: 'Visitors', path: '/alpha-hpc/Visitors' },
        { id: RG.stewards.id, name: 'Data Stewards', path: '/alpha-hpc/Data Stewards' },
      ],
      true,
    ),
  );
  window.sessionStorage.setItem(`waldur-kc.draft.import-wizard.${A}`, JSON.stringify(state));
}

beforeEach(() => dropWizardStores());

// happy-dom lays nothing out: give boxes a size so the virtualised lists draw their rows.
beforeAll(() => {
  vi.spyOn(HTMLElement.prototype, 'clientHeight', 'get').mockReturnValue(480);
  vi.spyOn(HTMLElement.prototype, 'clientWidth', 'get').mockReturnValue(1000);
});
afterAll(() => vi.restoreAllMocks());

describe('ImportWizard', { timeout: 30_000 }, () => {
  it('lists the remote groups, locks linked ones and previews members', async () => {
    startSim('staff');
    renderWizard();
    const list = await screen.findByRole('list', { name: 'Remote groups' });
    const search = screen.getByRole('textbox', { name: 'Search remote groups' });
    // Only the rows in view are drawn: search narrows the list to what the test needs.
    await userEvent.type(search, 'data stew');
    await userEvent.click(await within(list).findByRole('checkbox', { name: 'Data Stewards' }));
    expect(await screen.findByText(/^4 members in Keycloak/)).toBeTruthy();
    expect(screen.getAllByText('1 group chosen').length).toBeGreaterThan(0);
    expect(within(list).queryByRole('checkbox', { name: 'Visitors' })).toBeNull();
    await userEvent.clear(search);
    await userEvent.type(search, 'researchers');
    await waitFor(() => expect(within(list).getByRole('checkbox', { name: 'Researchers' }).hasAttribute('disabled')).toBe(true));
  });

  it('says where a sub-group count is shown that the sub-groups cannot be reached', async () => {
    const sim = startSim('staff');
    // A realm laid out by uuid prefix (no group named after the offering): Waldur lists the
    // top-level groups whose names start with the offering uuid, and counts their direct
    // sub-groups without listing them.
    const remote = async (body: Record<string, string>): Promise<string> => {
      const answer = await sim.handle(
        new Request('http://sim.test/__sim/remote/groups', {
          method: 'POST',
          headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify({ offering_uuid: B, ...body }),
        }),
      );
      return ((await answer?.json()) as { id: string }).id;
    };
    const parent = await remote({ name: `${B}_gpu` });
    for (const name of ['a100', 'h100', 'l40s']) await remote({ name, parent_id: parent });
    renderWizard(B);
    const list = await screen.findByRole('list', { name: 'Remote groups' });
    const badge = await within(list).findByRole('button', { name: '3 sub-groups · not listed' });
    expect(document.getElementById(badge.getAttribute('aria-describedby') ?? '')?.textContent).toBe(
      'Waldur’s API lists one level of groups only: these 3 sub-groups cannot be shown, chosen or imported here. Manage them in Keycloak.',
    );
    await userEvent.click(within(list).getByRole('button', { name: `Members of ${B}_gpu` }));
    expect(await screen.findByText(/not counting its 3 sub-groups: Waldur’s API lists one level only/)).toBeTruthy();
  });

  it('counts no sub-groups for role groups below the offering group, as Waldur does', async () => {
    startSim('staff');
    renderWizard();
    const list = await screen.findByRole('list', { name: 'Remote groups' });
    await userEvent.type(screen.getByRole('textbox', { name: 'Search remote groups' }), 'gpu-users');
    await within(list).findByRole('checkbox', { name: 'gpu-users' });
    expect(within(list).queryByRole('button', { name: /sub-group/ })).toBeNull();
  });

  it('preselects groups from the URL and goes straight to Assign roles', async () => {
    startSim('staff');
    const { router } = renderWizard(A, `/offerings/${A}/import?select=${RG.nested.id}&select=${DEMO.groups.a.viewer.backendId}`);
    const table = await screen.findByRole('table', { name: 'Roles for the chosen groups' });
    expect(within(table).getAllByRole('row')).toHaveLength(2);
    expect(within(table).getByText('gpu-users')).toBeTruthy();
    expect(screen.getByRole('status').textContent).toContain('Already linked to a local group, so not chosen');
    // The preselection is tidied away; the step stays in the URL.
    await waitFor(() => expect(router.state.location.search).toBe('?step=roles'));
    expect(wizardStore(A).get().selected).toEqual([RG.nested.id]);
  });

  it('stops at "Assign roles" while a group has no role', async () => {
    startSim('staff');
    saved((state) => ({ ...state, step: 1, visited: 1 }));
    renderWizard();
    await screen.findByRole('table', { name: 'Roles for the chosen groups' });
    await userEvent.click(screen.getByRole('button', { name: 'Next: Review' }));
    expect((await screen.findByRole('alert')).textContent).toContain('2 groups need a role');
    expect(screen.getAllByText('Choose a role.')).toHaveLength(2);
    expect(wizardStore(A).get().step).toBe(1);
  });

  it('flags a clash at review and imports nothing until it is fixed', async () => {
    const sim = startSim('staff');
    saved((state) => ({
      ...state,
      step: 2,
      visited: 2,
      choices: {
        [RG.visitors.id]: { role: R.operator.uuid, resource: DEMO.resources.aArchive.uuid, scope: '' },
        [RG.stewards.id]: { role: R.operator.uuid, resource: DEMO.resources.aArchive.uuid, scope: '' },
      },
    }));
    renderWizard();
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('2 groups cannot be imported as chosen');
    // The headline agrees with the alert: it does not promise an import that cannot start.
    expect(
      screen.getByText(/^0 of 2 groups ready\. Nothing is imported until the 2 groups with a problem are fixed or removed\./),
    ).toBeTruthy();
    expect(screen.queryByText(/will be imported/)).toBeNull();
    const importButton = screen.getByRole('button', { name: 'Import 2 groups' });
    expect(importButton.hasAttribute('disabled')).toBe(true);
    await userEvent.click(screen.getByRole('button', { name: 'Remove Visitors' }));
    await waitFor(() => expect(screen.queryByRole('alert')).toBeNull());
    await userEvent.click(screen.getByRole('button', { name: 'Import 1 group' }));
    const results = await screen.findByRole('table', { name: 'Import results' });
    await waitFor(() => expect(within(results).getByText('4 members pulled')).toBeTruthy());
    expect([...sim.store.groups.all()].filter((group) => group.backendId === RG.stewards.id)).toHaveLength(1);
    expect([...sim.store.groups.all()].filter((group) => group.backendId === RG.visitors.id)).toHaveLength(0);
  });

  it('refuses a name longer than Waldur keeps before anything is sent', async () => {
    startSim('staff');
    window.sessionStorage.setItem(
      `waldur-kc.draft.import-wizard.${A}`,
      JSON.stringify({
        ...setSelected(emptyWizard(), [{ id: RG.long255.id, name: DEMO.hostile.long255, path: '/waldur/alpha-hpc/long' }], true),
        step: 2,
        visited: 2,
        choices: { [RG.long255.id]: { role: R.operator.uuid, resource: '', scope: '' } },
      }),
    );
    renderWizard();
    // (Notifications of earlier runs are alerts too.)
    const alert = (await screen.findByText('1 group cannot be imported as chosen')).closest<HTMLElement>('[role="alert"]');
    if (!alert) throw new Error('The problem is not in an alert');
    // The alert names the group (clipped, the full name on hover); the problem is said once, in the table.
    expect(within(alert).getByTitle(DEMO.hostile.long255).textContent).toHaveLength(60);
    const problem = 'The name has 255 characters; Waldur refuses local group names longer than 150.';
    expect(alert.textContent).not.toContain(problem);
    expect(screen.queryAllByText(problem).length).toBeLessThanOrEqual(1);
    expect(screen.getByRole('button', { name: 'Import 1 group' }).hasAttribute('disabled')).toBe(true);
  });

  it('shows a run stopped by an expired session and resumes only what is left', async () => {
    const sim = startSim('staff');
    saved((state) => ({
      ...state,
      step: 3,
      visited: 3,
      pullMembers: false,
      choices: {
        [RG.visitors.id]: { role: R.namespaceEditor.uuid, resource: '', scope: '' },
        [RG.stewards.id]: { role: R.operator.uuid, resource: DEMO.resources.aArchive.uuid, scope: '' },
      },
      results: {
        [RG.visitors.id]: { status: 'not-started', reason: 'Your session expired before this group was sent.' },
        [RG.stewards.id]: { status: 'not-started', reason: 'Your session expired before this group was sent.' },
      },
      run: { phase: 'finished', stopped: 'session-expired', finishedAt: 1 },
    }));
    renderWizard();
    expect(await screen.findByText(/No group was imported before it stopped\./)).toBeTruthy();
    await userEvent.click(screen.getByRole('button', { name: 'Resume import (2)' }));
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe('2 groups imported · 0 skipped · 0 failed'));
    expect(screen.getByRole('button', { name: 'Done' })).toBeTruthy();
    expect([...sim.store.groups.all()].filter((group) => group.backendId === RG.visitors.id)).toHaveLength(1);
  });

  it('says the whole run from its first frame to its end, and ends with every group’s result', async () => {
    const sim = startSim('staff');
    saved((state) => ({
      ...state,
      step: 2,
      visited: 2,
      pullMembers: false,
      choices: {
        [RG.visitors.id]: { role: R.namespaceEditor.uuid, resource: '', scope: '' },
        [RG.stewards.id]: { role: R.operator.uuid, resource: DEMO.resources.aArchive.uuid, scope: '' },
      },
    }));
    renderWizard();
    const button = await screen.findByRole('button', { name: 'Import 2 groups' });
    await waitFor(() => expect(button.hasAttribute('disabled')).toBe(false));
    // Slow answers: the run is on screen for a while.
    sim.setFaults({ latencyMs: 150 });
    const said: string[] = [];
    const observer = new MutationObserver(() => {
      const status = document.querySelector('[role="status"]')?.textContent;
      if (status && status !== said.at(-1)) said.push(status);
    });
    observer.observe(document.body, { subtree: true, childList: true, characterData: true });
    await userEvent.click(button);
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe('2 groups imported · 0 skipped · 0 failed'));
    observer.disconnect();
    // Never "0 of 0", nor a count of a run not started: every status while it ran counts both groups.
    expect(said[0]).toBe('Importing: 0 of 2 groups sent');
    expect(said.slice(0, -1).every((text) => /^Importing: \d of 2 groups sent$/.test(text))).toBe(true);
    const results = screen.getByRole('table', { name: 'Import results' });
    expect(within(results).getAllByText('Imported')).toHaveLength(2);
  });

  it('tells a user who may not manage the offering why', () => {
    startSim('viewer');
    renderApp(<ImportWizard offeringUuid={A} permission={{ canManage: false, reason: 'You cannot manage this offering.' }} />);
    expect(screen.getByText('You cannot manage this offering.')).toBeTruthy();
    expect(screen.queryByRole('list', { name: 'Remote groups' })).toBeNull();
  });
});
