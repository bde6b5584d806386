import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { DEMO, renderApp, startSim } from '../../test/sim-render';
import { MembersCheck } from './members-check';

const A = DEMO.offerings.healthyA.uuid;

function renderCheck(canManage: boolean) {
  return renderApp(<MembersCheck offeringUuid={A} userUuid="me" canManage={canManage} />, { route: `/offerings/${A}/sync` });
}

async function runCheck() {
  await userEvent.click(await screen.findByRole('button', { name: 'Check all members' }));
  return screen.findByText(/^Checked: /, undefined, { timeout: 5_000 });
}

describe('MembersCheck', () => {
  beforeEach(() => window.localStorage.clear());

  it('never calls zero groups checked an agreement, and tells a user who cannot see the groups why', async () => {
    startSim('viewer');
    renderCheck(false);
    await runCheck();
    const section = screen.getByRole('region', { name: 'Members check' });
    expect(within(section).queryByText(/agree on every member/)).toBeNull();
    expect(within(section).getByText(/Nothing was checked/)).toBeTruthy();
    expect(within(section).getByText(/cannot see this offering’s groups/)).toBeTruthy();
  });

  it('does not say Waldur and Keycloak agree when Keycloak could not be read', async () => {
    const sim = startSim('staff');
    sim.setFaults({ keycloakDown: [A] });
    renderCheck(true);
    await runCheck();
    const section = screen.getByRole('region', { name: 'Members check' });
    expect(within(section).queryByText(/agree on every member/)).toBeNull();
    expect(within(section).getByText(/Nothing was checked: no linked group could be read/)).toBeTruthy();
  });

  it('shows every difference it counts, in the table, once the check has ended', async () => {
    startSim('staff');
    renderCheck(true);
    const status = await runCheck();
    const counted = Number(/; (\d+) differences?\./.exec(status.textContent ?? '')?.[1]);
    expect(counted).toBeGreaterThan(1);
    const table = screen.getByRole('table', { name: 'Member differences across the offering' });
    // Every row but the header is a difference.
    expect(within(table).getAllByRole('row')).toHaveLength(counted + 1);
  });
});
