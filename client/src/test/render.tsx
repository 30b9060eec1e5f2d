import type { ReactElement } from 'react';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render } from '@testing-library/react';
import { I18nextProvider } from 'react-i18next';
import { MemoryRouter } from 'react-router-dom';
import { initI18n } from '../lib/i18n.ts';

/** Renders a component as the app does: Dutch, with a query client and a router, no retries. */
export function renderWithProviders(ui: ReactElement, { path = '/' }: { path?: string } = {}) {
  const i18n = initI18n('nl');
  void i18n.changeLanguage('nl');
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  return render(
    <I18nextProvider i18n={i18n}>
      <QueryClientProvider client={client}>
        <MemoryRouter initialEntries={[path]}>{ui}</MemoryRouter>
      </QueryClientProvider>
    </I18nextProvider>,
  );
}
