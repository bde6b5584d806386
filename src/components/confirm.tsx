import { Text } from '@mantine/core';
import { modals } from '@mantine/modals';

type Options = {
  title: string;
  /** The consequence, spelled out. */
  children: React.ReactNode;
  confirmLabel: string;
  onConfirm: () => void;
  onCancel?: () => void;
};

/** Destructive actions ask first, with a red confirm button that names the action. */
export function confirmDestructive({ title, children, confirmLabel, onConfirm, onCancel }: Options) {
  modals.openConfirmModal({
    title,
    children: typeof children === 'string' ? <Text size="sm">{children}</Text> : children,
    labels: { confirm: confirmLabel, cancel: 'Cancel' },
    confirmProps: { color: 'red' },
    onConfirm,
    onCancel,
  });
}
