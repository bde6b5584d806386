import type { MantineColor } from '@mantine/core';
import classes from './plain-badge.module.css';

/**
 * A badge that looks like Mantine's `<Badge variant="light">` (size md), for badges repeated in
 * the rows of the first screen: each Mantine Badge runs its props, styles and variant resolver
 * as it renders, which ten rows of them paid for before the first paint. Plain elements carry
 * the same look in a stylesheet; the colour is one of the theme's, by name.
 */
export function PlainBadge({ color, className, children }: { color: MantineColor; className?: string; children: React.ReactNode }) {
  const style = {
    '--badge-bg': `var(--mantine-color-${color}-light)`,
    '--badge-color': `var(--mantine-color-${color}-light-color)`,
  } as React.CSSProperties;
  return (
    <span className={className ? `${classes.badge} ${className}` : classes.badge} style={style}>
      <span className={classes.label}>{children}</span>
    </span>
  );
}
