import { t } from '@lingui/core/macro';
import { Text } from '@mantine/core';
import { modals } from '@mantine/modals';
import { whenModalsReady } from './overlay-hosts';

type ConfirmModalProps = Parameters<typeof modals.openConfirmModal>[0];

/**
 * Mantine's confirm dialog, once its host is loaded (see overlay-hosts): the app's only way to
 * open one. The dialog answers once: it stays on screen for its closing transition after the
 * first click, and a double click would otherwise confirm (send the request) twice.
 */
export function openConfirmModal(props: ConfirmModalProps) {
  let answered = false;
  const once =
    <Args extends unknown[]>(handler: ((...args: Args) => void) | undefined) =>
    (...args: Args) => {
      if (answered) return;
      answered = true;
      handler?.(...args);
    };
  void whenModalsReady().then(() =>
    modals.openConfirmModal({ ...props, onConfirm: once(props.onConfirm), onCancel: once(props.onCancel) }),
  );
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
    labels: { confirm: confirmLabel, cancel: t`Cancel` },
    confirmProps: { color: 'red' },
    onConfirm,
    onCancel,
  });
}
