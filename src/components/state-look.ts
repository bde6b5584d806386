import { msg } from '@lingui/core/macro';
import type { MessageDescriptor } from '@lingui/core';

/**
 * The one vocabulary of membership and grant states: the same state has the same words and the
 * same colour on every page (the members lists, a group's drift table, the members check, the
 * remote users' groups, notifications, 8.1 grants). Render the label with `i18n._(label)`.
 */
export type StateTone = 'active' | 'pending' | 'error';

export type StateLook = { label: MessageDescriptor; color: 'teal' | 'yellow' | 'red' };

export const STATE_LOOK: Record<StateTone, StateLook> = {
  active: { label: msg`Active`, color: 'teal' },
  pending: { label: msg`Pending`, color: 'yellow' },
  error: { label: msg`Error`, color: 'red' },
};

/** A membership's tone: Waldur's `error_message` wins over its state, whatever the state. */
export function membershipTone(membership: { state?: string | null; error_message?: string | null }): StateTone {
  if (membership.error_message) return 'error';
  return membership.state === 'pending' ? 'pending' : 'active';
}
