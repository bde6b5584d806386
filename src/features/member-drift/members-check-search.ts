import { param, searchSchema } from '../../lib/search-params';

/** The members check's part of the URL: the kinds of difference shown (none = all). */
export const membersCheckSearchSchema = searchSchema({ drift: param.list() });
