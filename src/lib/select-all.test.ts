import { describe, expect, it } from 'vitest';
import { selectAllLabel } from './select-all';

describe('selectAllLabel (issue 29, item 18)', () => {
  it('says what it selects: all shown, or the others once some are chosen', () => {
    expect(selectAllLabel(5, { filtered: false, someChosen: false })).toBe('Select all 5 groups');
    // 3 of 5 chosen: it adds the other 2, and says so.
    expect(selectAllLabel(2, { filtered: false, someChosen: true })).toBe('Select the other 2 groups');
    expect(selectAllLabel(1, { filtered: false, someChosen: true })).toBe('Select the other 1 group');
    expect(selectAllLabel(4, { filtered: true, someChosen: false })).toBe('Select all 4 matches');
    expect(selectAllLabel(1, { filtered: true, someChosen: false })).toBe('Select the 1 match');
    expect(selectAllLabel(8, { filtered: true, someChosen: true })).toBe('Select the other 8 matches');
  });
});
