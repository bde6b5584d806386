import { i18n, type MessageDescriptor } from '@lingui/core';
import { msg } from '@lingui/core/macro';
import { createTheme, darken, localStorageColorSchemeManager, type CSSVariablesResolver, type MantineThemeComponent } from '@mantine/core';
import { COLOR_SCHEME_KEY } from '../boot/color-scheme';
import progressClasses from './progress.module.css';

/**
 * Mantine's focus trap focuses a dropdown's first item, or tries to: a disabled one cannot take
 * focus, which leaves it on the trigger, with the arrow keys dead. The item it should focus is
 * marked as the dropdown mounts, before the trap looks (in a timeout).
 */
function markFirstEnabledItem(dropdown: HTMLDivElement | null) {
  dropdown?.querySelector('[data-menu-item]:not(:disabled)')?.setAttribute('data-autofocus', 'true');
}

/**
 * An item that opens a dialog is clicked while focus is in the menu, which then unmounts: the
 * dialog took <body> as the place to return focus to. Focus goes back to the menu's trigger as
 * the menu closes, before the dialog opens, so the dialog returns it there.
 */
function focusTriggerOfMenu() {
  const dropdown = document.activeElement?.closest('[data-menu-dropdown]');
  const triggerId = dropdown?.getAttribute('aria-labelledby');
  const trigger = triggerId ? document.getElementById(triggerId) : null;
  trigger?.focus({ preventScroll: true });
}

/**
 * Component defaults as plain objects, not `Modal.extend(...)`: `extend` returns its argument,
 * but importing Modal, Drawer, Menu and Notification here put them (and floating-ui, the focus
 * trap and the scroll lock) in the entry chunk, ahead of the first row.
 */
const closeButtonNamed = (label: MessageDescriptor, styles?: MantineThemeComponent['styles']): MantineThemeComponent => ({
  // A function, read as each one renders: the name in the language chosen by then.
  defaultProps: () => ({ closeButtonProps: { 'aria-label': i18n._(label) } }),
  styles,
});
const wrappingTitle = { title: { overflowWrap: 'anywhere', minWidth: 0 } };

export const theme = createTheme({
  primaryColor: 'indigo',
  // Shade 6 on white (links, "c=red" text) is below WCAG AA 4.5:1; shade 8 passes.
  primaryShade: { light: 8, dark: 8 },
  defaultRadius: 'sm',
  // index.html's first-paint skeleton names the same font.
  // eslint-disable-next-line lingui/no-unlocalized-strings -- a CSS font stack, not text
  fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", sans-serif',
  components: {
    // The close buttons of dialogs and side panels have no accessible name by default; titles
    // hold user input (255-character names) and must wrap.
    Modal: closeButtonNamed(msg`Close`, wrappingTitle),
    Drawer: closeButtonNamed(msg`Close`, wrappingTitle),
    // Menu items with a colour draw their text in shade 6 (red 6 is 3.3:1 on white, 4.1:1 on the
    // dark dropdown): inside menus, shade 6 of red means a readable red of the scheme.
    // A menu holds only menu items and separators (axe aria-required-children), so not Mantine's
    // hidden role="presentation" focus placeholder: opening a menu focuses its first enabled item
    // instead, as the WAI-ARIA menu button pattern has it.
    Menu: {
      defaultProps: { withInitialFocusPlaceholder: false, onClose: focusTriggerOfMenu },
      styles: { dropdown: { '--mantine-color-red-6': 'var(--app-menu-danger)' } },
    },
    MenuDropdown: { defaultProps: { ref: markFirstEnabledItem } },
    // Dividers are separators, not plain divs, inside a menu.
    MenuDivider: { defaultProps: { role: 'separator' } },
    // Notifications too; their description is drawn in gray-6 by default, below 4.5:1.
    Notification: closeButtonNamed(msg`Close notification`, { description: { color: 'var(--mantine-color-text)' } }),
    // Progress bars follow long work (imports, checks, exports) that updates them several times
    // a second. Stripes the compositor moves (see progress.module.css), and no width transition:
    // a 100 ms transition after each update kept the main thread drawing frames for the whole run.
    // Mantine names the show/hide button of a password field in English.
    PasswordInput: { defaultProps: () => ({ visibilityToggleButtonProps: { 'aria-label': i18n._(msg`Show or hide the password`) } }) },
    Progress: { defaultProps: { transitionDuration: 0 }, classNames: { section: progressClasses.section } },
  },
});

export const colorSchemeManager = localStorageColorSchemeManager({ key: COLOR_SCHEME_KEY });

/**
 * Contrast fixes (WCAG AA, checked by the axe scans): dimmed text one step further from the
 * background in both schemes, and in light mode the text of "light" variants (badges, alerts)
 * darker than shade 9 on its tint.
 */
export const cssVariablesResolver: CSSVariablesResolver = (current) => ({
  variables: {},
  light: {
    '--mantine-color-dimmed': 'var(--mantine-color-gray-7)',
    // Field errors (and the text of a field in error): red 6 on white is 3.3:1, red 9 is 5.4:1.
    '--mantine-color-error': 'var(--mantine-color-red-9)',
    '--app-menu-danger': 'var(--mantine-color-red-9)',
    ...Object.fromEntries(
      Object.entries(current.colors).map(([name, shades]) => [`--mantine-color-${name}-light-color`, darken(shades[9], 0.3)]),
    ),
  },
  dark: {
    '--mantine-color-dimmed': 'var(--mantine-color-dark-1)',
    // Red 8 on the dark body is 3.4:1; red 5 is 5.6:1.
    '--mantine-color-error': 'var(--mantine-color-red-5)',
    '--app-menu-danger': 'var(--mantine-color-red-4)',
    // Links (table cells with a group's name) are shade 4 in dark: 3.8:1 on a hovered row (dark 5);
    // shade 3 is 4.9:1 there.
    '--mantine-color-anchor': `var(--mantine-color-${current.primaryColor}-3)`,
  },
});
