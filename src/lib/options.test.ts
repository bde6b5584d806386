import { describe, expect, it } from 'vitest';
import { matchOptions, withSelected } from './options';

const groups = Array.from({ length: 20_000 }, (_, index) => ({
  value: `uuid-${index}`,
  label: `omega_${String(index).padStart(5, '0')}_Operator`,
}));

describe('matchOptions', () => {
  it('gives the first `limit` options when nothing is typed', () => {
    expect(matchOptions(groups, '', 100).map((option) => option.value)).toEqual(groups.slice(0, 100).map((option) => option.value));
  });

  it('finds an option far past the limit, case-insensitively and ignoring surrounding spaces', () => {
    expect(matchOptions(groups, '  OMEGA_19999 ', 100)).toEqual([{ value: 'uuid-19999', label: 'omega_19999_Operator' }]);
  });

  it('stops at the limit', () => {
    expect(matchOptions(groups, 'operator', 7)).toHaveLength(7);
    expect(matchOptions(groups, 'nothing like it', 7)).toEqual([]);
  });
});

describe('withSelected', () => {
  it('keeps a chosen value that the options do not hold, with its label', () => {
    expect(withSelected([{ value: 'a', label: 'A' }], 'b', 'Loading…')).toEqual([
      { value: 'a', label: 'A' },
      { value: 'b', label: 'Loading…' },
    ]);
    expect(withSelected([{ value: 'a', label: 'A' }], 'a', 'x')).toHaveLength(1);
    expect(withSelected([], '', 'x')).toEqual([]);
  });
});
