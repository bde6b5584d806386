import { Children } from 'react';
import { showControls } from '../lib/bidi';

/**
 * A name from either server inside markup: isolated (`<bdi>`), so that it cannot flip the text
 * around it, and with its direction controls made visible, so that it cannot flip itself
 * (`\u202Egnp.exe` would read "exe.png"). Other children (quotes, elements) pass as they are.
 */
export function Bdi({ children, title }: { children: React.ReactNode; title?: string }) {
  return (
    <bdi title={title === undefined ? undefined : showControls(title)}>
      {Children.map(children, (child) => (typeof child === 'string' ? showControls(child) : child))}
    </bdi>
  );
}
