import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';

/** Each screen names the browser tab, so history and tabs say where they lead. */
export function usePageTitle(title: string | undefined): void {
  const { t } = useTranslation();
  useEffect(() => {
    document.title = title ? `${title} · ${t('app.name')}` : t('app.name');
  }, [title, t]);
}
