import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { useLocation } from 'react-router-dom';
import type { Session } from '@tm/shared/schemas/account';
import { HrefRouterLink } from '../../components/ui/router-link.tsx';
import { editedMunicipalities, isAdmin, isSteward, useSession } from '../../features/accounts/api/session.ts';
import { CATALOGUE_WORK_PATH, MY_MUNICIPALITIES_PATH, MY_SETTINGS_PATH, PRODUCTS_PATH, SUBSCRIPTIONS_PATH } from '../paths.ts';

type NavItem = {
  label: string;
  href: string;
  /** The paths under which the user is "at" this item; the most specific item that matches is the current one. */
  within: readonly string[];
};

/**
 * What the navigation offers: each rule gives its item to the users whose role may use it (PRODUCT §6), or nothing.
 * A screen for one role adds its rule here.
 */
const NAV_RULES: ReadonlyArray<(session: Session | null | undefined, t: TFunction) => NavItem | null> = [
  (_, t) => ({ label: t('app.nav.national'), href: '/', within: ['/'] }),
  (_, t) => ({ label: t('app.nav.municipalities'), href: '/gemeenten', within: ['/gemeenten'] }),
  (_, t) => ({ label: t('app.nav.products'), href: PRODUCTS_PATH, within: [PRODUCTS_PATH] }),
  (session, t) => {
    const mine = editedMunicipalities(session);
    if (mine.length === 0) return null;
    return {
      label: t('app.nav.mine', { count: mine.length }),
      href: mine.length === 1 ? `/gemeenten/${mine[0]}` : MY_MUNICIPALITIES_PATH,
      within: [MY_MUNICIPALITIES_PATH, ...mine.map((code) => `/gemeenten/${code}`)],
    };
  },
  (session, t) =>
    isAdmin(session) || editedMunicipalities(session).length > 0
      ? { label: t('app.nav.subscriptions'), href: SUBSCRIPTIONS_PATH, within: [SUBSCRIPTIONS_PATH] }
      : null,
  (session, t) => (isSteward(session) ? { label: t('app.nav.catalogueWork'), href: CATALOGUE_WORK_PATH, within: [CATALOGUE_WORK_PATH] } : null),
  (session, t) => (isAdmin(session) ? { label: t('app.nav.admin'), href: '/beheer', within: ['/beheer'] } : null),
  (session, t) => (session ? { label: t('app.nav.mySettings'), href: MY_SETTINGS_PATH, within: [MY_SETTINGS_PATH] } : null),
];

/** The home page is only itself; any other path also covers the paths below it. */
const isUnder = (pathname: string, path: string) => pathname === path || (path !== '/' && pathname.startsWith(`${path}/`));

/** The item the user is at: the one whose matching path is longest ("Mijn gemeente" over "Gemeenten" on Leiden). */
function currentItem(items: readonly NavItem[], pathname: string): NavItem | undefined {
  let best: { item: NavItem; length: number } | undefined;
  for (const item of items)
    for (const path of item.within)
      if (isUnder(pathname, path) && path.length > (best?.length ?? -1)) best = { item, length: path.length };
  return best?.item;
}

export function SiteNav() {
  const { t } = useTranslation();
  const { pathname } = useLocation();
  const session = useSession();
  const items = NAV_RULES.map((rule) => rule(session.data, t)).filter((item): item is NavItem => item !== null);
  const current = currentItem(items, pathname);
  return (
    <nav aria-label={t('app.nav.label')} className="tm-nav">
      <ul className="tm-nav__list">
        {items.map((item) => (
          <li key={item.href}>
            <HrefRouterLink
              href={item.href}
              className={item === current ? 'tm-nav__link tm-nav__link--current' : 'tm-nav__link'}
              aria-current={item === current ? 'page' : undefined}
            >
              {item.label}
            </HrefRouterLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}
