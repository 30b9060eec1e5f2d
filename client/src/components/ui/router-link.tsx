import { forwardRef, type AnchorHTMLAttributes } from 'react';
import { Link as RouterLink } from 'react-router-dom';
import { Link as UtrechtLink } from '@utrecht/component-library-react';

type Props = AnchorHTMLAttributes<HTMLAnchorElement> & { href: string };

/** An NL Design System link that navigates inside the app without reloading. */
export const AppLink = forwardRef<HTMLAnchorElement, Props>(function AppLink({ href, children, className, ...rest }, ref) {
  return (
    <RouterLink ref={ref} to={href} className={['utrecht-link', 'utrecht-link--html-a', className].filter(Boolean).join(' ')} {...rest}>
      {children}
    </RouterLink>
  );
});

/** For components (breadcrumbs, nav lists) that take a `Link` component with an `href`. */
export const HrefRouterLink = forwardRef<HTMLAnchorElement, Props>(function HrefRouterLink({ href, ...rest }, ref) {
  return <RouterLink ref={ref} to={href} {...rest} />;
});

export { UtrechtLink };
