import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation } from 'react-router-dom';
import { Button } from '@utrecht/component-library-react';
import { AppLink } from '../../components/ui/router-link.tsx';
import { useMunicipalities } from '../../features/municipalities/api/get-municipalities.ts';

/** `/gemeenten/GM0546/inventaris` → the municipality and the screen of it the user is on. */
function municipalityAt(pathname: string): { code: string | undefined; screen: string } {
  const match = /^\/gemeenten\/([^/]+)(\/[^/]+)?/.exec(pathname);
  return { code: match?.[1], screen: match?.[2] ?? '' };
}

/**
 * For an editor of several municipalities (a shared-service organisation): a disclosure listing them, each link to
 * the same screen (dashboard, inventory, comparison) of the other municipality, so switching keeps the task.
 */
export function MunicipalitySwitcher({ codes }: { codes: readonly string[] }) {
  const { t } = useTranslation();
  const { pathname } = useLocation();
  const municipalities = useMunicipalities();
  const [open, setOpen] = useState(false);
  const button = useRef<HTMLButtonElement>(null);
  const root = useRef<HTMLDivElement>(null);
  const listId = useId();
  const { code: currentCode, screen } = municipalityAt(pathname);
  const nameOf = (code: string) => municipalities.data?.items.find((m) => m.code === code)?.name ?? code;
  const current = currentCode && codes.includes(currentCode) ? currentCode : undefined;

  useEffect(() => setOpen(false), [pathname]);
  useEffect(() => {
    if (!open) return;
    const closeOutside = (event: FocusEvent | MouseEvent) => {
      if (!root.current?.contains(event.target as Node)) setOpen(false);
    };
    document.addEventListener('mousedown', closeOutside);
    document.addEventListener('focusin', closeOutside);
    return () => {
      document.removeEventListener('mousedown', closeOutside);
      document.removeEventListener('focusin', closeOutside);
    };
  }, [open]);

  return (
    <div
      ref={root}
      className="tm-switcher"
      onKeyDown={(event) => {
        if (event.key !== 'Escape' || !open) return;
        setOpen(false);
        button.current?.focus();
      }}
    >
      <Button ref={button} appearance="subtle-button" aria-expanded={open} aria-controls={listId} onClick={() => setOpen(!open)}>
        {current ? t('app.switcher.current', { name: nameOf(current) }) : t('app.switcher.label')}
        <span aria-hidden="true"> ▾</span>
      </Button>
      <ul id={listId} className="tm-switcher__list" hidden={!open}>
        {codes.map((code) => (
          <li key={code}>
            <AppLink href={`/gemeenten/${code}${screen}`} className="tm-switcher__link" aria-current={code === current ? 'page' : undefined}>
              {nameOf(code)}
            </AppLink>
          </li>
        ))}
      </ul>
    </div>
  );
}
