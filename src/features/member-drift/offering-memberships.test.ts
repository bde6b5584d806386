import { describe, expect, it } from 'vitest';
import type { OfferingMembership } from '../../api/types';
import { byGroup, MAX_PAGES, PAGE_SIZE, readsByOffering } from './offering-memberships';

const A = 'a'.repeat(32);
const B = 'b'.repeat(32);
const membership = (username: string, groupUuid: string) =>
  ({ uuid: `m-${username}`, username, group: `https://waldur.example/api/offering-keycloak-groups/${groupUuid}/` }) as OfferingMembership;

describe('readsByOffering', () => {
  it('reads the offering once when its pages are fewer than the groups', () => {
    expect(readsByOffering(1050, 200)).toBe(true); // 4 pages for 200 groups
    expect(readsByOffering(0, 2)).toBe(true);
  });

  it('reads group by group when that takes no more requests', () => {
    expect(readsByOffering(1050, 4)).toBe(false);
    expect(readsByOffering(10, 1)).toBe(false);
  });

  it('reads group by group past MAX_PAGES pages, which would all be held at once', () => {
    expect(readsByOffering(MAX_PAGES * PAGE_SIZE, 20_000)).toBe(true);
    expect(readsByOffering(MAX_PAGES * PAGE_SIZE + 1, 20_000)).toBe(false);
  });
});

describe('byGroup', () => {
  it('files each membership under the uuid of its group URL, in order', () => {
    const groups = byGroup([membership('alice', A), membership('bob', B), membership('carol', A)]);
    expect(groups.get(A)?.map((m) => m.username)).toEqual(['alice', 'carol']);
    expect(groups.get(B)?.map((m) => m.username)).toEqual(['bob']);
    expect(groups.size).toBe(2);
  });
});
