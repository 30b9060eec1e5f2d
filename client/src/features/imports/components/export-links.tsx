import { useTranslation } from 'react-i18next';
import type { ApplicationListQuery } from '@tm/shared/schemas/application';
import { UtrechtLink } from '../../../components/ui/router-link.tsx';
import { exportUrl, IMPORT_TEMPLATE_URL } from '../api/spreadsheet-urls.ts';

type Props = { code: string; query: Partial<ApplicationListQuery>; withTemplate: boolean };

/**
 * The inventory as the table shows it (filters and order, every page) as CSV, XLSX or an ArchiMate exchange file,
 * and the import template.
 */
export function ExportLinks({ code, query, withTemplate }: Props) {
  const { t } = useTranslation();
  return (
    <div className="tm-actions tm-exports" role="group" aria-labelledby="exports-title" aria-describedby="exports-intro">
      <strong id="exports-title">{t('exports.title')}:</strong>
      <UtrechtLink href={exportUrl(code, query, 'csv')} download>
        {t('exports.csv')}
      </UtrechtLink>
      <UtrechtLink href={exportUrl(code, query, 'xlsx')} download>
        {t('exports.xlsx')}
      </UtrechtLink>
      <UtrechtLink href={exportUrl(code, query, 'archimate')} download>
        {t('exports.archimate')}
      </UtrechtLink>
      {withTemplate && (
        <UtrechtLink href={IMPORT_TEMPLATE_URL} download>
          {t('exports.template')}
        </UtrechtLink>
      )}
      <span id="exports-intro" className="tm-muted">
        {t('exports.intro')}
      </span>
    </div>
  );
}
