import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { DemoBanner } from './features/about/components/DemoBanner.tsx';

const queryClient = new QueryClient();

function App() {
  return (
    <>
      <DemoBanner />
      <main>
        <h1>Transitiemonitor Common Ground</h1>
        <p>
          De API staat op <a href="/api/v1/docs">/api/v1/docs</a>.
        </p>
      </main>
    </>
  );
}

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <QueryClientProvider client={queryClient}>
      <App />
    </QueryClientProvider>
  </StrictMode>,
);
