import { describe, expect, it } from 'vitest';
import { toggled } from './toggled';

describe('toggled', () => {
  it('adds or removes one item in a copy, leaving the set as it was', () => {
    const set = new Set(['a', 'b']);
    expect([...toggled(set, 'c', true)]).toEqual(['a', 'b', 'c']);
    expect([...toggled(set, 'a', false)]).toEqual(['b']);
    expect([...toggled(set, 'a', true)]).toEqual(['a', 'b']);
    expect([...set]).toEqual(['a', 'b']);
  });
});
