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

export type OfferingMemberships = {
  /** Whether they are read for the whole offering: known from the first page. */
  byOffering: Promise<boolean>;
  /** Every membership of the offering by group, or `null` when each group's own are cheaper to read. */
  all: Promise<Map<string, OfferingMembership[]> | null>;
};

/**
 * Waldur's side for `groups` groups: the first page says the total, and whether reading every
 * page for the whole offering takes fewer requests than reading each group's own (the first page
 * is then not used).
 */
export function readOfferingMemberships(offeringUuid: string, groups: number, signal: AbortSignal): OfferingMemberships {
  const read = (page: number, pageSize: number): Promise<ListPage<OfferingMembership>> =>
    unwrapPage(
      api.GET('/api/offering-keycloak-memberships/', {
        signal,
        params: { query: { offering_uuid: offeringUuid, page, page_size: pageSize } },
      }),
    );
  const first = read(1, PAGE_SIZE);
  const byOffering = first.then((page) => readsByOffering(page.total, groups));
  const all = byOffering.then(async (yes) => {
    if (!yes) return null;
    const firstPage = await first;
    const every = await fetchAllPages((page, pageSize) => (page === 1 ? Promise.resolve(firstPage) : read(page, pageSize)), {
      pageSize: PAGE_SIZE,
    });
    return byGroup(every.items);
  });
  return { byOffering, all };
}
