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
