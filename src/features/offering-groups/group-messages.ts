import { isolate } from '../../lib/bidi';

export const NOT_LINKED_REASON = 'Not linked to a Keycloak group: link it first.';

/** A group someone else deleted meanwhile (404). */
export function goneMessage(name: string): string {
  return `The group “${isolate(name)}” no longer exists: someone else may have deleted it. The list has been refreshed.`;
}
