import { Input, type MenuProps, type SelectProps, type TooltipProps } from '@mantine/core';
import { cloneElement, useState } from 'react';
import { deferred } from './deferred';
// Not lazy-list-select.tsx: its Select import would bring Mantine's combobox into the first screen's chunk.
import { useListOnUse } from '../list-on-use';

/**
 * Tooltip, menu and select for the first screen: until their code is there (see deferred) a
 * plain stand-in takes their place, so they are not among the scripts before the first row.
 * A stand-in that is used (a click on a menu's trigger or on a select) loads the code at once
 * and opens the real widget. What it saves: Mantine's Tooltip, Menu and Select imported by the
 * groups tab are 41 KB gzip more before the first usable groups row (landing chunk 29 → 70 KB),
 * about 200 ms on the benchmark's slow link (200 KB/s), and would take figure 3 past 160 KB.
 */
const widgets = deferred(() => import('./mantine-widgets'));

/** Mantine's Tooltip once loaded; before that the element alone (its text is in the element too). */
export function DeferredTooltip({ children, ...props }: TooltipProps) {
  const loaded = widgets.useLoaded();
  if (!loaded) return children;
  return <loaded.Tooltip {...props}>{children}</loaded.Tooltip>;
}

type MenuComponent = typeof import('./mantine-widgets').Menu;

type DeferredMenuProps = {
  /** The trigger (an ActionIcon, a Button, a plain <button>): it takes the props and ref given to it. */
  target: React.ReactElement<{ onClick?: () => void; 'aria-haspopup'?: 'menu'; 'aria-expanded'?: boolean }>;
  /** The dropdown's items, made with the loaded Menu's parts. */
  children: (menu: MenuComponent) => React.ReactNode;
} & Omit<MenuProps, 'children' | 'defaultOpened'>;

/** Mantine's Menu once loaded; before that its trigger, which opens the menu as soon as it is. */
export function DeferredMenu({ target, children, ...props }: DeferredMenuProps) {
  const loaded = widgets.useLoaded();
  const [openOnLoad, setOpenOnLoad] = useState(false);
  if (!loaded) {
    return cloneElement(target, {
      'aria-haspopup': 'menu',
      'aria-expanded': false,
      onClick: () => {
        setOpenOnLoad(true);
        void widgets.load();
      },
    });
  }
  const { Menu } = loaded;
  return (
    <Menu {...props} defaultOpened={openOnLoad}>
      <Menu.Target>{target}</Menu.Target>
      <Menu.Dropdown>{children(Menu)}</Menu.Dropdown>
    </Menu>
  );
}

/** An up-down chevron like Mantine's Select has, without the Combobox module. */
function Chevron() {
  return (
    <svg width={14} height={14} viewBox="0 0 15 15" fill="none" aria-hidden="true" style={{ color: 'var(--mantine-color-dimmed)' }}>
      <path d="M4.5 5.5 7.5 2.5l3 3M4.5 9.5l3 3 3-3" stroke="currentColor" strokeWidth={1} strokeLinecap="round" strokeLinejoin="round" />
    </svg>
  );
}

type DeferredSelectProps = Omit<SelectProps, 'defaultDropdownOpened' | 'autoFocus'> & { data: string[]; value: string };

/**
 * Mantine's Select once loaded; before that a read-only input of the same look with its value,
 * which opens the select (focused, its list shown) as soon as it is.
 */
export function DeferredSelect(props: DeferredSelectProps) {
  const loaded = widgets.useLoaded();
  const [openOnLoad, setOpenOnLoad] = useState(false);
  const listed = useListOnUse(props);
  if (loaded) return <loaded.Select {...listed} defaultDropdownOpened={openOnLoad} autoFocus={openOnLoad} />;
  const open = () => {
    setOpenOnLoad(true);
    void widgets.load();
  };
  return (
    <Input
      component="input"
      readOnly
      role="combobox"
      aria-haspopup="listbox"
      aria-expanded={false}
      aria-label={props['aria-label']}
      size={props.size}
      w={props.w}
      value={props.value}
      pointer
      rightSection={<Chevron />}
      rightSectionPointerEvents="none"
      onClick={open}
      onKeyDown={(event) => {
        if (['Enter', ' ', 'ArrowDown', 'ArrowUp'].includes(event.key)) {
          event.preventDefault();
          open();
        }
      }}
    />
  );
}
