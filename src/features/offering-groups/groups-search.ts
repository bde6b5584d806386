import { pagingShape, param, searchSchema, type SearchState } from '../../lib/search-params';

/** The groups tab's URL: filters, search, page, page size and the group whose detail is open. */
export const GROUP_SHOWS = ['', 'linked', 'not-linked', 'missing'] as const;
export type GroupShow = (typeof GROUP_SHOWS)[number];

export const groupsSearchSchema = searchSchema({
  role: param.string(),
  resource: param.string(),
  group: param.string(),
  /** Name search: over every group of the offering (Waldur's list has no name filter). */
  q: param.string(),
  /** Quick filter: linked, not linked, missing in Keycloak (none = all). */
  show: param.oneOf(GROUP_SHOWS, ''),
  ...pagingShape,
});

export type GroupsSearch = SearchState<typeof groupsSearchSchema>;
