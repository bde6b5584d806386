import { ScrollArea } from '@mantine/core';

/**
 * A list that may be longer than the space it gets scrolls here: a named region the keyboard can
 * reach and scroll with the arrow keys (axe scrollable-region-focusable).
 */
export function ScrollRegion({ label, maxHeight, children }: { label: string; maxHeight: number; children: React.ReactNode }) {
  return (
    <ScrollArea.Autosize mah={maxHeight} type="auto" viewportProps={{ tabIndex: 0, role: 'region', 'aria-label': label }}>
      {children}
    </ScrollArea.Autosize>
  );
}
