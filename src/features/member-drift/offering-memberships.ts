import { api, unwrapPage } from '../../api/client';
import type { OfferingMembership } from '../../api/types';
import { fetchAllPages, type ListPage } from '../../lib/fetch-all-pages';
import { uuidFromUrl } from '../../lib/format';

/**
 * Waldur's side of a members check, read for the whole offering at once (`offering_uuid`, all
 * pages) instead of once per group (`group_uuid`), when that takes fewer requests: a check of
 * 200 small groups then reads 4 pages rather than 200 lists (bench figure 10). The memberships
 * are all held until the walk ends, so an offering with more than `MAX_PAGES` pages of them is
 * read group by group.
 */
export const PAGE_SIZE = 300;
export const MAX_PAGES = 100;

/** Whether one read of the offering's `total` memberships costs fewer requests than `groups` reads. */
export function readsByOffering(total: number, groups: number): boolean {
  const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
  return pages < groups && pages <= MAX_PAGES;
}

/** The memberships by the uuid of their group. */
export function byGroup(memberships: readonly OfferingMembership[]): Map<string, OfferingMembership[]> {
  const groups = new Map<string, OfferingMembership[]>();
  for (const membership of memberships) {
    const uuid = uuidFromUrl(membership.group);
    const list = groups.get(uuid);
    if (list) list.push(membership);
    else groups.set(uuid, [membership]);
  }
  return groups;
}

/**
 * Every membership of the offering by group, or `null` when reading each group's own is
 * cheaper for `groups` groups (the first page, read to know the total, is then not used).
 */
export async function readOfferingMemberships(
  offeringUuid: string,
  groups: number,
  signal: AbortSignal,
): Promise<Map<string, OfferingMembership[]> | null> {
  const read = (page: number, pageSize: number): Promise<ListPage<OfferingMembership>> =>
    unwrapPage(
      api.GET('/api/offering-keycloak-memberships/', {
        signal,
        params: { query: { offering_uuid: offeringUuid, page, page_size: pageSize } },
      }),
    );
  const first = await read(1, PAGE_SIZE);
  if (!readsByOffering(first.total, groups)) return null;
  const all = await fetchAllPages((page, pageSize) => (page === 1 ? Promise.resolve(first) : read(page, pageSize)), {
    pageSize: PAGE_SIZE,
  });
  return byGroup(all.items);
}
