import { describe, expect, it } from 'vitest';
import { beginOfferingRun, isOfferingRunning } from './offering-runs';

const A = '0b6c2c5e-6d1a-4a8e-9d3c-6f1e2a7b9c01';
const B = '1c7d3d6f7e2b4b9fae4d7a2f3b8cad12';

describe('offering runs', () => {
  it('an offering runs until every run of it has ended, each end counting once', () => {
    const first = beginOfferingRun(A);
    const second = beginOfferingRun(A);
    expect(isOfferingRunning(A)).toBe(true);
    expect(isOfferingRunning(B)).toBe(false);
    first();
    first();
    expect(isOfferingRunning(A)).toBe(true);
    second();
    expect(isOfferingRunning(A)).toBe(false);
  });

  it('knows an offering by its uuid with or without dashes', () => {
    const end = beginOfferingRun(A);
    expect(isOfferingRunning(A.replaceAll('-', '').toUpperCase())).toBe(true);
    end();
    expect(isOfferingRunning(A)).toBe(false);
  });
});
