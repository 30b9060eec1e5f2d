import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useMatches, type UIMatch } from 'react-router-dom';
import { BreadcrumbNav, BreadcrumbNavLink } from '@utrecht/component-library-react';
import { HrefRouterLink } from '../../components/ui/router-link.tsx';

/** Routes name themselves in the trail through `handle.crumb`. */
export type CrumbHandle = { crumb: (params: Record<string, string | undefined>) => ReactNode };

function hasCrumb(match: UIMatch): match is UIMatch<unknown, CrumbHandle> {
  return typeof (match.handle as Partial<CrumbHandle> | undefined)?.crumb === 'function';
}

export function Breadcrumbs() {
  const { t } = useTranslation();
  const crumbs = useMatches().filter(hasCrumb);
  // The trail is only worth showing below the top level.
  if (crumbs.length < 2) return null;
  return (
    <BreadcrumbNav label={t('app.breadcrumbs')} className="tm-breadcrumbs">
      {crumbs.map((match, index) => {
        const current = index === crumbs.length - 1;
        return (
          <BreadcrumbNavLink
            key={match.id}
            href={match.pathname}
            Link={HrefRouterLink}
            current={current}
            aria-current={current ? 'page' : undefined}
            index={index}
          >
            {match.handle.crumb(match.params)}
          </BreadcrumbNavLink>
        );
      })}
    </BreadcrumbNav>
  );
}
