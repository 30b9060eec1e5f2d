import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * The frame of a table that may be wider than the screen: it scrolls sideways and takes keyboard focus so that it can
 * be scrolled without a mouse. Focusable, it needs a role that says what it is: a region, named after the table with
 * "Tabel:" before it, so that it is never a second landmark of the same name as the panel around it.
 */
export function TableScroll({ name, children, maxBlockSize }: { name: string; children: ReactNode; maxBlockSize?: string }) {
  const { t } = useTranslation();
  return (
    <div className="tm-table-scroll" tabIndex={0} role="region" aria-label={t('charts.tableRegion', { name })} style={maxBlockSize ? { maxBlockSize } : undefined}>
      {children}
    </div>
  );
}
