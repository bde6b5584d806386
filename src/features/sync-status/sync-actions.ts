import type { OfferingGroup } from '../../api/types';

/**
 * What the sync status diff can do to its lines, given by the tab that fetches: pure views take
 * these and never call the API themselves.
 */
export type SyncActions = {
  canManage: boolean;
  /** Why actions are disabled; shown once, referenced by every disabled button. */
  reason: string | null;
  isBusy: (groupUuid: string) => boolean;
  pullMembers: (groups: OfferingGroup[]) => void | Promise<void>;
  /** Opens the link dialog for the group, with `remoteId` chosen when given (a same-named remote group). */
  link: (group: OfferingGroup, remoteId?: string) => void;
  remove: (groups: OfferingGroup[]) => void;
  /** Opens the import wizard with these remote groups selected. */
  importRemote: (remoteGroupIds: string[]) => void;
};

/**
 * Where each group list the lines are matched against stands: still being fetched, failed, or
 * fetched. A line is "not found" only in a list that was fetched: until then it says it is being
 * looked up (the sync status comes first and its lines show at once).
 */
export type ListState = 'pending' | 'failed' | 'fetched';
export type Lookups = { local: ListState; remote: ListState };

/** The id of the note that says why actions are disabled; every disabled button points at it. */
export const REASON_ID = 'sync-actions-reason';
