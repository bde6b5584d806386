import { param, searchSchema } from '../../lib/search-params';

/** The sections of the diff one can show alone (none = all). */
export const SYNC_SHOWS = ['', 'synced', 'local', 'remote'] as const;
export type SyncShow = Exclude<(typeof SYNC_SHOWS)[number], ''>;

/**
 * The Sync status tab's URL: the filter text (as groups-search.ts is the groups tab's), and the
 * one section shown (the health line's counts link to theirs).
 */
export const syncSearchSchema = searchSchema({ q: param.string(), show: param.oneOf(SYNC_SHOWS, '') });
