import { describe, expect, it } from 'vitest';
import { withoutOfferingPrefix } from './member-columns';

const OFFERING = '901f0a33c952456ea1af5f09d4f28a1d';

describe('withoutOfferingPrefix', () => {
  it('drops the offering uuid Waldur puts in front of the groups it names', () => {
    expect(withoutOfferingPrefix(`${OFFERING}_73755e9d34ad4b708cd61e3b16c97146_Cluster Admin`, OFFERING)).toBe(
      '…_73755e9d34ad4b708cd61e3b16c97146_Cluster Admin',
    );
    expect(withoutOfferingPrefix(`901f0a33-c952-456e-a1af-5f09d4f28a1d_viewer`, OFFERING)).toBe('…_viewer');
  });

  it('keeps every other name whole', () => {
    expect(withoutOfferingPrefix('Researchers', OFFERING)).toBe('Researchers');
    expect(withoutOfferingPrefix(OFFERING, OFFERING)).toBe(OFFERING);
    expect(withoutOfferingPrefix(`${OFFERING}x_tail`, OFFERING)).toBe(`${OFFERING}x_tail`);
    expect(withoutOfferingPrefix(`${OFFERING}_tail`, undefined)).toBe(`${OFFERING}_tail`);
  });
});
