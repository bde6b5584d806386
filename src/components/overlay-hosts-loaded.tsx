import { ModalsProvider } from '@mantine/modals';
import { Notifications } from '@mantine/notifications-host';
import '@mantine/notifications/styles.css';
import { useEffect } from 'react';

/**
 * The hosts themselves (lazy: see overlay-hosts). `onReady` runs after ModalsProvider's own
 * effects, so its event listeners are on by then.
 */
export default function OverlayHostsLoaded({ onReady }: { onReady: () => void }) {
  useEffect(() => onReady(), [onReady]);
  return (
    <ModalsProvider>
      {/* At the bottom: at the top they covered the header's buttons and dialogs' close buttons. */}
      <Notifications position="bottom-right" notificationMaxHeight={420} />
    </ModalsProvider>
  );
}
