import { param, searchSchema } from '../../lib/search-params';

/** The Sync status tab's URL: the filter text (as groups-search.ts is the groups tab's). */
export const syncSearchSchema = searchSchema({ q: param.string() });
