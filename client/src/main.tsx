import { StrictMode, startTransition } from 'react';
import { createRoot } from 'react-dom/client';
import { RouterProvider } from 'react-router-dom';
import { Providers } from './app/providers.tsx';
import { createRouter } from './app/router.tsx';

const router = createRouter();

/** Resolves once the router has loaded the code of the screen the page opens with. */
function routerReady(): Promise<void> {
  return new Promise((resolve) => {
    if (router.state.initialized) return resolve();
    const unsubscribe = router.subscribe((state) => {
      if (!state.initialized) return;
      unsubscribe();
      resolve();
    });
  });
}

// The server may have sent the first screen inside the root (server/src/http/first-screen.ts): it stays until the
// screen's own code is here, because rendering earlier would replace it with an empty frame. With the first screen
// painted, nothing is urgent: as a transition, React renders in slices and leaves the main thread free in between.
void routerReady().then(() =>
  startTransition(() =>
    createRoot(document.getElementById('root')!).render(
      <StrictMode>
        <Providers>
          <RouterProvider router={router} />
        </Providers>
      </StrictMode>,
    ),
  ),
);
