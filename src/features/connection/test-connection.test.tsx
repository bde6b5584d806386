import { Stack } from '@mantine/core';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { DEMO, renderApp, startSim } from '../../test/sim-render';
import { ConnectionTestResult, TestConnectionButton, useConnectionTest } from './test-connection';

function Harness({ offeringUuid, reason }: { offeringUuid: string; reason?: string }) {
  const test = useConnectionTest(offeringUuid);
  return (
    <Stack>
      <TestConnectionButton test={test} disabledReason={reason} />
      <ConnectionTestResult test={test} disabledReason={reason} />
    </Stack>
  );
}

describe('test connection', () => {
  it('shows the top-level groups on success, with the time', async () => {
    startSim('staff');
    renderApp(<Harness offeringUuid={DEMO.offerings.healthyA.uuid} />);
    await userEvent.click(screen.getByRole('button', { name: 'Test connection' }));
    const result = await screen.findByRole('alert', { name: /^(Connected|Connection failed)$/ });
    expect(within(result).getByText('Connected')).toBeTruthy();
    expect(within(result).getByText(/top-level group/)).toBeTruthy();
    expect(within(result).getByRole('list', { name: 'Top-level groups' })).toBeTruthy();
    expect(within(result).getByText(/Tested at/)).toBeTruthy();
  });

  it('says what Waldur said and what to check on failure', async () => {
    startSim('staff');
    renderApp(<Harness offeringUuid={DEMO.offerings.unreachable.uuid} />);
    await userEvent.click(screen.getByRole('button', { name: 'Test connection' }));
    const result = await screen.findByRole('alert', { name: /^(Connected|Connection failed)$/ });
    expect(within(result).getByText('Connection failed')).toBeTruthy();
    expect(within(result).getByText('Unable to connect to Keycloak.')).toBeTruthy();
    expect(
      within(result).getByText(/Check Keycloak URL, Realm, Admin username and Admin password in the offering’s Settings/),
    ).toBeTruthy();
  });

  it('cannot be started twice while running', async () => {
    const sim = startSim('staff');
    sim.setFaults({ slow: [{ path: '/api/offering-keycloak-groups/test_connection/', ms: 300 }] });
    renderApp(<Harness offeringUuid={DEMO.offerings.healthyA.uuid} />);
    const button = screen.getByRole('button', { name: 'Test connection' });
    await userEvent.click(button);
    expect(await screen.findByText(/Testing the connection/)).toBeTruthy();
    await waitFor(() => expect(button.hasAttribute('disabled') || button.getAttribute('data-loading') !== null).toBe(true));
    await screen.findByRole('alert', { name: /^(Connected|Connection failed)$/ }, { timeout: 3000 });
    expect(screen.queryByText(/Testing the connection/)).toBeNull();
  });

  it('is disabled with the reason when the user cannot manage the offering', () => {
    startSim('viewer');
    renderApp(<Harness offeringUuid={DEMO.offerings.healthyA.uuid} reason="Only owners can." />);
    const button = screen.getByRole('button', { name: 'Test connection' });
    expect(button.hasAttribute('disabled')).toBe(true);
    expect(button.getAttribute('aria-describedby')).toBeTruthy();
    expect(screen.getByText(/Only owners can\./)).toBeTruthy();
  });
});
