import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { BlockingProduct } from '@tm/shared/schemas/blocking-product';
import type { Column } from '../../../components/charts/data-table.tsx';
import type { CsvColumn } from '../../../lib/csv.ts';
import { type Formatters, useFormat } from '../../../lib/format.ts';

type Figure = Column<BlockingProduct> & { display: (item: BlockingProduct) => string; numeric: boolean };

/** The columns of a blocking product, said once for the table, the CSV and the board's report. */
export function blockingColumns(t: TFunction, f: Formatters) {
  const productName = (item: BlockingProduct) => (item.vendor ? `${item.name} (${item.vendor})` : item.name);
  const years = (item: BlockingProduct) => item.plannedReplacementYears.map((y) => t('collective.blocking.yearCount', { year: y.year, count: y.municipalityCount })).join(', ');
  const plannedYears = (item: BlockingProduct) => years(item) || t('collective.blocking.noPlans');
  const figures: Figure[] = [
    { header: t('collective.blocking.municipalities'), value: (i) => i.municipalityCount, display: (i) => f.integer(i.municipalityCount), numeric: true },
    { header: t('collective.blocking.share'), value: (i) => i.municipalityShare, display: (i) => f.percent(i.municipalityShare), numeric: true },
    { header: t('collective.blocking.applications'), value: (i) => i.applicationCount, display: (i) => f.integer(i.applicationCount), numeric: true },
    { header: t('collective.blocking.annualCost'), value: (i) => i.annualCost, display: (i) => f.euro(i.annualCost), numeric: true },
    { header: t('collective.blocking.plannedYears'), value: years, display: plannedYears, numeric: false },
  ];
  const csv: CsvColumn<BlockingProduct>[] = [
    { header: t('collective.blocking.product'), value: (i) => i.name },
    { header: t('collective.blocking.vendor'), value: (i) => i.vendor },
    ...figures,
  ];
  return { productName, plannedYears, figures, csv };
}

export function useBlockingColumns() {
  return blockingColumns(useTranslation().t, useFormat());
}
