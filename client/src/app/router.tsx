import { createBrowserRouter, type RouteObject } from 'react-router-dom';
import i18n from 'i18next';
import { ProductName } from '../features/catalogue/components/product-name.tsx';
import { MunicipalityName } from '../features/municipalities/components/municipality-name.tsx';
import type { CrumbHandle } from './layout/breadcrumbs.tsx';
import { API_TOKENS_PATH, CATALOGUE_WORK_PATH, MY_MUNICIPALITIES_PATH, MY_SETTINGS_PATH, SUBSCRIPTIONS_PATH } from './paths.ts';
import { RootLayout } from './layout/root-layout.tsx';
import { RouteError } from './routes/route-error.tsx';

const crumb = (fn: CrumbHandle['crumb']): CrumbHandle => ({ crumb: fn });

/** Every screen is its own chunk, so the first visit loads only the frame and the screen it opens. */
export const routes: RouteObject[] = [
  {
    path: '/',
    element: <RootLayout />,
    errorElement: <RouteError />,
    handle: crumb(() => i18n.t('app.home')),
    children: [
      { index: true, lazy: () => import('./routes/national-page.tsx').then((m) => ({ Component: m.NationalPage })) },
      {
        path: 'gemeenten',
        handle: crumb(() => i18n.t('app.nav.municipalities')),
        children: [
          { index: true, lazy: () => import('./routes/municipalities-page.tsx').then((m) => ({ Component: m.MunicipalitiesPage })) },
          {
            path: ':code',
            handle: crumb((params) => <MunicipalityName code={params.code ?? ''} />),
            children: [
              { index: true, lazy: () => import('./routes/municipality-page.tsx').then((m) => ({ Component: m.MunicipalityPage })) },
              {
                path: 'inventaris',
                handle: crumb(() => i18n.t('municipality.inventoryLink')),
                lazy: () => import('./routes/inventory-page.tsx').then((m) => ({ Component: m.InventoryPage })),
              },
              {
                path: 'vergelijken',
                handle: crumb(() => i18n.t('municipality.peersLink')),
                lazy: () => import('./routes/compare-page.tsx').then((m) => ({ Component: m.ComparePage })),
              },
            ],
          },
        ],
      },
      {
        path: 'producten',
        handle: crumb(() => i18n.t('catalogue.title')),
        children: [
          { index: true, lazy: () => import('./routes/products-page.tsx').then((m) => ({ Component: m.ProductsPage })) },
          {
            path: ':id',
            handle: crumb((params) => <ProductName id={params.id ?? ''} />),
            lazy: () => import('./routes/product-page.tsx').then((m) => ({ Component: m.ProductPage })),
          },
        ],
      },
      {
        path: CATALOGUE_WORK_PATH.slice(1),
        handle: crumb(() => i18n.t('catalogueWork.title')),
        lazy: () => import('./routes/catalogue-work-page.tsx').then((m) => ({ Component: m.CatalogueWorkPage })),
      },
      {
        path: 'beheer',
        handle: crumb(() => i18n.t('app.nav.admin')),
        lazy: () => import('./routes/admin-page.tsx').then((m) => ({ Component: m.AdminPage })),
      },
      {
        path: MY_MUNICIPALITIES_PATH.slice(1),
        handle: crumb(() => i18n.t('myMunicipalities.title')),
        lazy: () => import('./routes/my-municipalities-page.tsx').then((m) => ({ Component: m.MyMunicipalitiesPage })),
      },
      {
        path: SUBSCRIPTIONS_PATH.slice(1),
        handle: crumb(() => i18n.t('subscriptions.title')),
        lazy: () => import('./routes/subscriptions-page.tsx').then((m) => ({ Component: m.SubscriptionsPage })),
      },
      {
        path: MY_SETTINGS_PATH.slice(1),
        handle: crumb(() => i18n.t('preferences.pageTitle')),
        lazy: () => import('./routes/my-settings-page.tsx').then((m) => ({ Component: m.MySettingsPage })),
      },
      {
        path: API_TOKENS_PATH.slice(1),
        handle: crumb(() => i18n.t('apiTokens.ownTitle')),
        lazy: () => import('./routes/api-tokens-page.tsx').then((m) => ({ Component: m.ApiTokensPage })),
      },
      {
        path: 'inloggen',
        handle: crumb(() => i18n.t('app.login')),
        lazy: () => import('./routes/login-page.tsx').then((m) => ({ Component: m.LoginPage })),
      },
      { path: '*', lazy: () => import('./routes/not-found-page.tsx').then((m) => ({ Component: m.NotFoundPage })) },
    ],
  },
];

export function createRouter() {
  return createBrowserRouter(routes);
}
