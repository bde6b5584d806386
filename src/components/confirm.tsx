import { Text } from '@mantine/core';
import { modals } from '@mantine/modals';
import { whenModalsReady } from './overlay-hosts';

type ConfirmModalProps = Parameters<typeof modals.openConfirmModal>[0];

/** Mantine's confirm dialog, once its host is loaded (see overlay-hosts): the app's only way to open one. */
export function openConfirmModal(props: ConfirmModalProps) {
  void whenModalsReady().then(() => modals.openConfirmModal(props));
}

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
  openConfirmModal({
    title,
    children: typeof children === 'string' ? <Text size="sm">{children}</Text> : children,
    labels: { confirm: confirmLabel, cancel: 'Cancel' },
    confirmProps: { color: 'red' },
    onConfirm,
    onCancel,
  });
}
