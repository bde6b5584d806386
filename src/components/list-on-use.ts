import type { SelectProps } from '@mantine/core';
import { useState } from 'react';

type ListProps = Pick<SelectProps, 'onFocus' | 'onPointerEnter' | 'comboboxProps'>;

/**
 * A Select's props with its closed list left out of the page until the field is first focused or
 * pointed at. Mantine keeps a Select's closed list in the page (its Combobox's `keepMounted`), so
 * every render built those options, every style recalculation went over them, and the hidden list
 * was positioned at mount, a forced style and layout of the whole page (bench figure 14, the
 * Access tab: 1,900 elements instead of 650; figure 8, every tab's page-size select). Focus and
 * pointing come before any click or key can open the list, so the keyboard and the mouse work as
 * with Mantine's own.
 */
export function useListOnUse<P extends ListProps>({ onFocus, onPointerEnter, comboboxProps, ...props }: P) {
  const [used, setUsed] = useState(false);
  return {
    ...props,
    comboboxProps: used ? comboboxProps : { ...comboboxProps, keepMounted: false },
    onFocus: (event: React.FocusEvent<HTMLInputElement>) => {
      setUsed(true);
      onFocus?.(event);
    },
    onPointerEnter: (event: React.PointerEvent<HTMLInputElement>) => {
      setUsed(true);
      onPointerEnter?.(event);
    },
  };
}
