import { describe, expect, it } from 'vitest';
import { compareNames } from './name-order';

const english = new Intl.Collator('en', { sensitivity: 'base', numeric: true });

describe('compareNames', () => {
  it('orders as the collator, case and accents aside, numbers by value', () => {
    const names = ['g10', 'G2', 'alpha', 'Älpha', 'beta', 'g1', 'Beta', 'café', 'cafe'];
    expect([...names].sort(compareNames)).toEqual([...names].sort((a, b) => english.compare(a, b)));
    expect(compareNames('Alpha', 'alpha')).toBe(0);
  });
});
