/** Where Mantine's colour scheme manager keeps the user's choice (theme.ts). */
export const COLOR_SCHEME_KEY = 'waldur-kc.color-scheme';

/**
 * The colour scheme Mantine will compute at its first render (defaultColorScheme "auto"): the
 * stored choice, else the system's. Mantine's own ColorSchemeScript does the same for pages it
 * renders on a server.
 */
export function initialColorScheme(stored: string | null, systemPrefersDark: boolean): 'light' | 'dark' {
  if (stored === 'light' || stored === 'dark') return stored;
  return systemPrefersDark ? 'dark' : 'light';
}

/**
 * Marks the document with that scheme before its first paint, so that the first frame (the
 * skeleton in index.html) is already in the user's colours rather than light until the app runs.
 */
export function applyInitialColorScheme(): void {
  let stored: string | null = null;
  try {
    stored = localStorage.getItem(COLOR_SCHEME_KEY);
  } catch {
    // Storage blocked: the system's scheme, as Mantine falls back to.
  }
  const dark = window.matchMedia?.('(prefers-color-scheme: dark)').matches ?? false;
  document.documentElement.setAttribute('data-mantine-color-scheme', initialColorScheme(stored, dark));
}
