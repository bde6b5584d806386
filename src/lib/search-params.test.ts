import { describe, expect, it } from 'vitest';
import { pagingShape, param, parseSearchParams, writeSearchParams, searchSchema } from './search-params';

const schema = searchSchema({ q: param.string(), state: param.list(), ...pagingShape });

describe('url state', () => {
  it('parses with defaults and tolerates junk', () => {
    expect(parseSearchParams(schema, new URLSearchParams('page=abc&page_size=9999'))).toEqual({
      q: '',
      state: [],
      page: 1,
      page_size: 10,
    });
  });

  it('reads repeated params as lists', () => {
    expect(parseSearchParams(schema, new URLSearchParams('state=pending&state=active&page=3')).state).toEqual(['pending', 'active']);
    expect(parseSearchParams(schema, new URLSearchParams('state=pending')).state).toEqual(['pending']);
  });

  it('writes only what differs from defaults and keeps foreign keys', () => {
    const next = writeSearchParams(schema, { q: 'alpha', state: ['active'], page: 1, page_size: 25 }, new URLSearchParams('tab=x&page=4'));
    expect(next.toString()).toBe('tab=x&q=alpha&state=active&page_size=25');
  });

  it('round-trips', () => {
    const state = { q: 'ü ß', state: ['pending', 'active'], page: 2, page_size: 50 };
    expect(parseSearchParams(schema, writeSearchParams(schema, state))).toEqual(state);
  });
});

describe('url params that do not fit fall back to their default', () => {
  const picky = searchSchema({ kind: param.oneOf(['a', 'b'], 'a'), n: param.int(5, 0, 9), name: param.string('x') });
  it('keeps what fits', () => {
    expect(parseSearchParams(picky, new URLSearchParams('kind=b&n=0&name=y'))).toEqual({ kind: 'b', n: 0, name: 'y' });
  });
  it('replaces what does not', () => {
    expect(parseSearchParams(picky, new URLSearchParams('kind=c&n=1.5&name=y&name=z'))).toEqual({ kind: 'a', n: 5, name: 'x' });
    expect(parseSearchParams(picky, new URLSearchParams('n=10'))).toEqual({ kind: 'a', n: 5, name: 'x' });
  });
});
