import { useTranslation } from 'react-i18next';
import { Button, Heading4, Paragraph } from '@utrecht/component-library-react';
import type { ImportError } from '@tm/shared/schemas/import';
import { DataTable, type Column } from '../../../components/charts/data-table.tsx';
import { downloadCsv, toCsv } from '../../../lib/csv.ts';
import { namesElements, rowsWithErrors, shownErrors } from '../hooks/report-shape.ts';

const WORDS = {
  rows: {
    place: 'imports.report.row',
    places: 'imports.report.errorRows',
    column: 'imports.report.column',
    whole: 'imports.report.wholeRow',
    caption: 'imports.report.errorsCaption',
  },
  elements: {
    place: 'imports.report.element',
    places: 'imports.report.errorElements',
    column: 'imports.report.property',
    whole: 'imports.report.wholeElement',
    caption: 'imports.report.elementErrorsCaption',
  },
} as const;

/**
 * The file's errors by row and column, as the spreadsheet numbers them, or by element and property, as an
 * ArchiMate tool names them, so the user can find each one.
 */
export function ReportErrors({ errors, filename }: { errors: readonly ImportError[]; filename: string }) {
  const { t } = useTranslation();
  const { shown, hidden } = shownErrors(errors);
  const words = namesElements(errors) ? WORDS.elements : WORDS.rows;
  const columns: Column<ImportError>[] = [
    { header: t(words.place), value: (e) => e.element ?? e.row ?? '' },
    { header: t(words.column), value: (e) => e.column ?? t(words.whole) },
    // The server writes the messages in the interface's language (Accept-Language).
    { header: t('imports.report.message'), value: (e) => e.message },
  ];
  return (
    <section aria-labelledby="import-errors-title">
      <Heading4 id="import-errors-title">{t('imports.report.errorsTitle')}</Heading4>
      <Paragraph>
        {t('imports.report.errorsIntro', {
          errors: t('imports.report.errors', { count: errors.length }),
          rows: t(words.places, { count: rowsWithErrors(errors) }),
        })}
      </Paragraph>
      <DataTable caption={t(words.caption)} rows={shown} columns={columns} />
      {hidden > 0 && <Paragraph>{t('imports.report.moreErrors', { count: hidden })}</Paragraph>}
      <div className="tm-actions">
        <Button appearance="subtle-button" onClick={() => downloadCsv(`${filename}-fouten.csv`, toCsv(errors, columns))}>
          {t('imports.report.downloadErrors')}
        </Button>
      </div>
    </section>
  );
}
