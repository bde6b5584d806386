import '@mantine/core/styles.css';
import '@mantine/notifications/styles.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { RouterProvider } from 'react-router';
import { configureApi } from './api/client';
import { loadRuntimeConfig } from './api/config';
import { Providers } from './app/providers';
import { queryClient } from './app/query-client';
import { createRouter } from './app/router';

async function start() {
  configureApi(await loadRuntimeConfig());
  const router = createRouter();
  const root = document.getElementById('root');
  if (!root) throw new Error('index.html has no #root element');
  createRoot(root).render(
    <StrictMode>
      <Providers queryClient={queryClient}>
        <RouterProvider router={router} />
      </Providers>
    </StrictMode>,
  );
}

void start();
