import { Select, type SelectProps } from '@mantine/core';
import { useState } from 'react';

/**
 * Mantine's Select for the Access tab's filters, whose lists are long (every resource, every
 * resource project: 600 options for 200 resources). Mantine keeps a Select's closed list in the
 * page, so every render of the tab built those options and every style recalculation went over
 * them (bench figure 14: 1,900 elements instead of 650, and the floating list positioned at
 * mount). Here the list is put in the page when the field is first focused or pointed at: before
 * any click or key can open it, so the keyboard and the mouse work as with Mantine's own.
 */
export function FilterSelect({ onFocus, onPointerEnter, comboboxProps, ...props }: SelectProps) {
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
