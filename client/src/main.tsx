import { StrictMode, startTransition } from 'react';
import { createRoot } from 'react-dom/client';
import { RouterProvider } from 'react-router-dom';
import { Providers } from './app/providers.tsx';
import { createRouter } from './app/router.tsx';
import { prepareFormatters } from './lib/format.ts';
import { initI18n, storedLanguage } from './lib/i18n.ts';
import { nextTask } from './lib/next-task.ts';

/** Resolves once the router has loaded the code of the screen the page opens with. */
function routerReady(router: ReturnType<typeof createRouter>): Promise<void> {
  return new Promise((resolve) => {
    if (router.state.initialized) return resolve();
    const unsubscribe = router.subscribe((state) => {
      if (!state.initialized) return;
      unsubscribe();
      resolve();
    });
  });
}

/**
 * The app starts in steps, each a task of its own after the one that evaluated its code: the router (which asks for
 * the screen's code), the interface's words, and the number and date formatters while the screen's code and figures
 * load. The server may have sent the first screen inside the root (server/src/http/first-screen.ts): it stays until
 * the screen's own code is here, because rendering earlier would replace it with an empty frame. With the first
 * screen painted, nothing is urgent: as a transition, React renders in slices and leaves the main thread free.
 */
async function start(): Promise<void> {
  await nextTask();
  const router = createRouter();
  await nextTask();
  const language = storedLanguage();
  const i18n = initI18n(language);
  await nextTask();
  // The first translation compiles i18next's lookup, which the first render would otherwise do inside one of its slices.
  i18n.t('app.name');
  // For the language the screen will be in: an English reader's words arrive a moment after the Dutch ones.
  void prepareFormatters(language);
  await routerReady(router);
  startTransition(() =>
    createRoot(document.getElementById('root')!).render(
      <StrictMode>
        <Providers i18n={i18n}>
          <RouterProvider router={router} />
        </Providers>
      </StrictMode>,
    ),
  );
}

void start();
