import { param, searchSchema } from '../../lib/search-params';

/**
 * The Sync status tab's URL: the filter text. A module of its own, without the API client, so the
 * boot script reads the URL as the tab does (src/boot/landing-requests.ts).
 */
export const syncSearchSchema = searchSchema({ q: param.string() });
