import { msg, t } from '@lingui/core/macro';
import { isolate } from '../../lib/bidi';

/** Rendered with `i18n._(NOT_LINKED_REASON)` (a descriptor: the locale is not known at module load). */
export const NOT_LINKED_REASON = msg`Not linked to a Keycloak group: link it first.`;

/** A group someone else deleted meanwhile (404). */
export function goneMessage(name: string): string {
  const shownName = isolate(name);
  return t`The group “${shownName}” no longer exists: someone else may have deleted it. The list has been refreshed.`;
}
