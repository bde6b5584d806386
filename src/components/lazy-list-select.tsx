import { Select, type SelectProps } from '@mantine/core';
import { useState } from 'react';

/**
 * Mantine's Select for long lists of filters (every resource, every resource project, a page of
 * groups). Mantine keeps a Select's closed list in the page, so every render built those options
 * and every style recalculation went over them (bench figure 14, the Access tab: 1,900 elements
 * instead of 650, and the floating list positioned at mount; figure 8, the Members tab). Here
 * the list is put in the page when the field is first focused or pointed at: before any click or
 * key can open it, so the keyboard and the mouse work as with Mantine's own.
 */
export function LazyListSelect({ onFocus, onPointerEnter, comboboxProps, ...props }: SelectProps) {
  const [used, setUsed] = useState(false);
  return (
    <Select
      {...props}
      comboboxProps={used ? comboboxProps : { ...comboboxProps, keepMounted: false }}
      onFocus={(event) => {
        setUsed(true);
        onFocus?.(event);
      }}
      onPointerEnter={(event) => {
        setUsed(true);
        onPointerEnter?.(event);
      }}
    />
  );
}
