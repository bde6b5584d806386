import { pagingShape, param, searchSchema, type SearchState } from '../../lib/search-params';
import { SYNC_FILTERS } from './sync-state';

/** The Access tab's URL: its filters, search text, page, and the grant form (`add=1`). */
export const accessSearchSchema = searchSchema({
  resource: param.string(),
  project: param.string(),
  role: param.string(),
  sync: param.oneOf(['', ...SYNC_FILTERS], ''),
  q: param.string(),
  add: param.string(),
  ...pagingShape,
});

export type AccessSearch = SearchState<typeof accessSearchSchema>;

export const NO_ACCESS_FILTERS = { resource: '', project: '', role: '', sync: '', q: '' } as const;
