import { useDeferredValue, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, Heading2, Paragraph } from '@utrecht/component-library-react';
import { PROVINCES, type Province } from '@tm/shared/vocabulary/municipality';
import type { MunicipalityGroup } from '@tm/shared/schemas/progress';
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
type SizeClassChoice = (typeof SIZE_CLASSES)[number] | '';

/**
 * PRODUCT §10: the legacy products that hold most municipalities of a province or size class back, as a share of
 * them, where joint procurement pays; as bars, as a table that opens each product, and as CSV. `group` (the page's
 * province or size class) is where the filters start.
 */
export function BlockingProductsPanel({ productHref, group = {} }: { productHref: (id: string) => string; group?: MunicipalityGroup }) {
  const { t } = useTranslation();
  const f = useFormat();
  const id = useId();
  const [province, setProvince] = useState<Province | ''>(group.province ?? '');
  const [sizeClass, setSizeClass] = useState<SizeClassChoice>(group.sizeClass ? (String(group.sizeClass) as SizeClassChoice) : '');
  const blockers = useBlockingProducts({ province: province || undefined, sizeClass: sizeClass ? Number(sizeClass) : undefined, pageSize: SHOWN });
  // Rendered from a deferred copy, in slices, as the dashboard above it is (see NationalPage).
  const data = useDeferredValue(blockers.data);
  const columns = useBlockingColumns();
  const title = t('collective.blocking.title');
  const groupName = [province, sizeClass && t(`sizeClasses.${sizeClass}`)].filter(Boolean).join(', ') || t('collective.blocking.allMunicipalities');
  return (
    <section className="tm-panel tm-panel--lazy" aria-labelledby={`${id}-title`}>
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
      {blockers.isError ? (
        <ErrorState error={blockers.error} onRetry={() => void blockers.refetch()} />
      ) : data === undefined ? (
        <Skeleton lines={8} />
      ) : data.items.length === 0 ? (
        <EmptyState>{t('collective.blocking.empty')}</EmptyState>
      ) : (
        <>
          <Paragraph aria-live="polite">
            {t('collective.blocking.base', { group: groupName, count: data.municipalityCount, formatted: f.integer(data.municipalityCount) })}
          </Paragraph>
          <figure role="img" aria-label={t('collective.blocking.chartLabel', { group: groupName })} className="tm-figure">
            <BlockingBars
              rows={data.items.map((i) => ({
                key: i.productId,
                label: columns.productName(i),
                share: i.municipalityShare,
                value: t('collective.blocking.barValue', { share: f.percent(i.municipalityShare), count: i.municipalityCount }),
              }))}
            />
          </figure>
          <BlockingProductsTable items={data.items} caption={t('collective.blocking.tableCaption', { group: groupName })} productHref={productHref} />
          <div className="tm-actions">
            <Button appearance="subtle-button" onClick={() => downloadCsv('blokkerende-producten.csv', toCsv(data.items, columns.csv))}>
              {t('charts.downloadCsv')}
            </Button>
          </div>
        </>
      )}
    </section>
  );
}
