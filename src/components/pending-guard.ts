import type { MutationKey, QueryClient } from '@tanstack/react-query';

/**
 * Modal props that keep a dialog open while its save is pending: Esc, a click on the backdrop
 * and the close button do nothing until the server has answered, so the outcome (or the error,
 * with everything typed) is shown in the dialog instead of nowhere.
 */
export function pendingGuard(pending: boolean, onClose: () => void) {
  return {
    onClose: () => {
      if (!pending) onClose();
    },
    closeOnEscape: !pending,
    closeOnClickOutside: !pending,
    closeButtonProps: { 'aria-label': 'Close', disabled: pending },
  };
}

/**
 * Whether a write with this key is pending for `matches` of its variables, read from the
 * mutation cache at the moment of the click: a button's busy state (useMutationState) lands a
 * render later, so a double click must be refused here, or it sends twice.
 */
export function isPending<Variables>(
  queryClient: QueryClient,
  mutationKey: MutationKey,
  matches: (variables: Variables) => boolean,
): boolean {
  return queryClient
    .getMutationCache()
    .findAll({ mutationKey, status: 'pending' })
    .some((mutation) => mutation.state.variables !== undefined && matches(mutation.state.variables as Variables));
}
