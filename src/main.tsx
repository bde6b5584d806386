import '@mantine/core/styles.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { RouterProvider } from 'react-router';
import { configureApi } from './api/client';
import { loadRuntimeConfig } from './api/config';
import { Providers } from './app/providers';
import { queryClient } from './app/query-client';
import { createRouter } from './app/router';

// /config.json, the first page's route modules and the first paint all start at once: the
// router runs the loaders (the data) once the API is configured.
const apiReady = loadRuntimeConfig().then(configureApi);
const router = createRouter(apiReady);
const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');
createRoot(root).render(
  <StrictMode>
    <Providers queryClient={queryClient}>
      <RouterProvider router={router} />
    </Providers>
  </StrictMode>,
);
