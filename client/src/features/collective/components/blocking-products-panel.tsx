import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, Heading2, Paragraph } from '@utrecht/component-library-react';
import { PROVINCES, type Province } from '@tm/shared/schemas/municipality';
import { EmptyState, ErrorState, Skeleton } from '../../../components/ui/query-state.tsx';
import { SelectField } from '../../../components/ui/select-field.tsx';
import { downloadCsv, toCsv } from '../../../lib/csv.ts';
import { useFormat } from '../../../lib/format.ts';
import { useBlockingProducts } from '../api/get-blocking-products.ts';
import { BlockingBars } from './blocking-bars.tsx';
import { useBlockingColumns } from './blocking-columns.ts';
import { BlockingProductsTable } from './blocking-products-table.tsx';

const SHOWN = 15;
const SIZE_CLASSES = ['1', '2', '3', '4', '5', '6', '7', '8'] as const;

/**
 * PRODUCT §10: the legacy products that hold most municipalities of a province or size class back, as a share of
 * them, where joint procurement pays; as bars, as a table that opens each product, and as CSV.
 */
export function BlockingProductsPanel({ productHref }: { productHref: (id: string) => string }) {
  const { t } = useTranslation();
  const f = useFormat();
  const id = useId();
  const [province, setProvince] = useState<Province | ''>('');
  const [sizeClass, setSizeClass] = useState<(typeof SIZE_CLASSES)[number] | ''>('');
  const blockers = useBlockingProducts({ province: province || undefined, sizeClass: sizeClass ? Number(sizeClass) : undefined, pageSize: SHOWN });
  const columns = useBlockingColumns();
  const title = t('collective.blocking.title');
  const group = [province, sizeClass && t(`sizeClasses.${sizeClass}`)].filter(Boolean).join(', ') || t('collective.blocking.allMunicipalities');
  return (
    <section className="tm-panel" aria-labelledby={`${id}-title`}>
      <Heading2 id={`${id}-title`}>{title}</Heading2>
      <Paragraph className="tm-muted">{t('collective.blocking.description')}</Paragraph>
      <div className="tm-blocking-filters">
        <SelectField
          id={`${id}-province`}
          label={t('collective.blocking.province')}
          value={province}
          options={[{ value: '' as const, label: t('collective.blocking.allProvinces') }, ...PROVINCES.map((p) => ({ value: p, label: p }))]}
          onChange={setProvince}
        />
        <SelectField
          id={`${id}-size`}
          label={t('collective.blocking.sizeClass')}
          value={sizeClass}
          options={[{ value: '' as const, label: t('collective.blocking.allSizes') }, ...SIZE_CLASSES.map((c) => ({ value: c, label: t(`sizeClasses.${c}`) }))]}
          onChange={setSizeClass}
        />
      </div>
      {blockers.isPending ? (
        <Skeleton lines={8} />
      ) : blockers.isError ? (
        <ErrorState error={blockers.error} onRetry={() => void blockers.refetch()} />
      ) : blockers.data.items.length === 0 ? (
        <EmptyState>{t('collective.blocking.empty')}</EmptyState>
      ) : (
        <>
          <Paragraph aria-live="polite">
            {t('collective.blocking.base', { group, count: blockers.data.municipalityCount, formatted: f.integer(blockers.data.municipalityCount) })}
          </Paragraph>
          <figure role="img" aria-label={t('collective.blocking.chartLabel', { group })} className="tm-figure">
            <BlockingBars
              rows={blockers.data.items.map((i) => ({
                key: i.productId,
                label: columns.productName(i),
                share: i.municipalityShare,
                value: t('collective.blocking.barValue', { share: f.percent(i.municipalityShare), count: i.municipalityCount }),
              }))}
            />
          </figure>
          <BlockingProductsTable items={blockers.data.items} caption={t('collective.blocking.tableCaption', { group })} productHref={productHref} />
          <div className="tm-actions">
            <Button appearance="subtle-button" onClick={() => downloadCsv('blokkerende-producten.csv', toCsv(blockers.data.items, columns.csv))}>
              {t('charts.downloadCsv')}
            </Button>
          </div>
        </>
      )}
    </section>
  );
}
