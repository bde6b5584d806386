import { describe, expect, it } from 'vitest';
import { assign, findByName, nameIndex } from './name-match';

const byName = (name: string) => name;

describe('assign', () => {
  it('pairs entries and candidates of one name one to one when their numbers match', () => {
    expect(assign(['a', 'a'], ['a', 'a'], byName, byName).map((found) => found.length)).toEqual([1, 1]);
  });

  it('gives every entry of a name every candidate of that name when the numbers differ', () => {
    const found = assign(['a', 'a', 'a'], ['a', 'a'], byName, byName);
    expect(found.map((candidates) => candidates.length)).toEqual([2, 2, 2]);
  });

  it('gives entries whose name no candidate has the candidates left unpaired', () => {
    expect(assign(['a', 'b'], ['a', 'c'], byName, byName)).toEqual([['a'], ['c']]);
    expect(assign(['x'], [], byName, byName)).toEqual([[]]);
  });
});

describe('findByName', () => {
  it('matches exactly first, then in NFC, and keeps only what `keep` allows', () => {
    const composed = 'caf\u00e9';
    const decomposed = 'cafe\u0301';
    const index = nameIndex([decomposed, 'other', 'other'], byName);
    expect(findByName(index, composed, () => true)).toEqual([decomposed]);
    expect(findByName(index, 'other', () => true)).toHaveLength(2);
    expect(findByName(index, 'other', () => false)).toEqual([]);
  });
});
