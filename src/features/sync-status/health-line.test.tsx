import { act, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { configureApi } from '../../api/client';
import { beginOfferingRun } from '../../lib/offering-runs';
import { DEMO, renderApp, startSim } from '../../test/sim-render';
import { OfferingHealthLine } from './health-line';

const A = DEMO.offerings.healthyA.uuid;

/** Starts the simulator and counts the sync status reads that reach it. */
function startCountingSim() {
  const sim = startSim('staff');
  let reads = 0;
  configureApi({}, async (request) => {
    if (new URL(request.url).pathname.endsWith('/sync_status/')) reads += 1;
    return (await sim.handle(request)) ?? new Response('Not found', { status: 404 });
  });
  return { reads: () => reads };
}

describe('OfferingHealthLine', () => {
  afterEach(() => vi.useRealTimers());

  it('does not read the sync status while an import or a members check runs, and reads it once when it ends', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    const sim = startCountingSim();
    const endRun = beginOfferingRun(A);
    renderApp(<OfferingHealthLine offeringUuid={A} lastTest={null} />);
    // Past the latest moment the line starts its read on any page.
    await act(() => vi.advanceTimersByTimeAsync(6_000));
    expect(sim.reads()).toBe(0);
    // Waiting says nothing about Keycloak yet.
    expect(screen.getByText('Checking Keycloak…')).toBeTruthy();

    act(() => endRun());
    expect(await screen.findByText(/Keycloak reachable/)).toBeTruthy();
    expect(sim.reads()).toBe(1);
  });
});
