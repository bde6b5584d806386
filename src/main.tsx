import '@mantine/core/styles.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { RouterProvider } from 'react-router';
import { configureApi } from './api/client';
import { loadRuntimeConfig } from './api/config';
import { Providers } from './app/providers';
import { queryClient } from './app/query-client';
import { createRouter } from './app/router';
import { activateLocale } from './i18n/i18n';
import { takeLanguageParam } from './i18n/language-param';
import { currentVisitLocale } from './i18n/locales';

// The language first (from ?language=, which is then remembered and taken out of the URL, the
// stored choice or the browser's): English is at hand, another locale's catalog loads beside the
// page's code. A catalog that cannot load leaves the page in English rather than blank.
const localeReady = activateLocale(takeLanguageParam() ?? currentVisitLocale()).catch(() => activateLocale('en'));

// /config.json and the first page's route modules load at once: the router runs the loaders
// (the data) once the API is configured.
const apiReady = loadRuntimeConfig().then(configureApi);
const router = createRouter(apiReady);
const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');

// Meanwhile index.html's skeleton of the frame is on screen, painted before any script ran.
// React renders once the router has the first page (its code, and its loaders done: an error
// or a redirect too) and puts that page in the skeleton's place at its first commit: rendering
// a skeleton of its own first cost the first groups row of a cold load 24 ms (A/B medians of 25
// runs; 45 ms in a first pair of 15).
function render(container: HTMLElement) {
  createRoot(container).render(
    <StrictMode>
      <Providers queryClient={queryClient}>
        <RouterProvider router={router} />
      </Providers>
    </StrictMode>,
  );
}
const routerReady = new Promise<void>((ready) => {
  if (router.state.initialized) return ready();
  const unsubscribe = router.subscribe((state) => {
    if (!state.initialized) return;
    unsubscribe();
    ready();
  });
});
void Promise.all([localeReady, routerReady]).then(() => render(root));
