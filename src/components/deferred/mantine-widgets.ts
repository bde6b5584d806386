/**
 * The widgets that the first screen shows a stand-in for (see widgets.tsx): Mantine's
 * Tooltip, Menu and Select with floating-ui, the focus trap and the combobox, about 45 KB gzip.
 */
export { Menu, Select, Tooltip } from '@mantine/core';
