import { memo, useDeferredValue, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, Heading2, Paragraph } from '@utrecht/component-library-react';
import type { NationalProgress } from '@tm/shared/schemas/progress';
import { ChartPanel } from '../../../components/charts/chart-panel.tsx';
import { DataTable } from '../../../components/charts/data-table.tsx';
import { InTurn } from '../../../components/ui/in-turn.tsx';
import { Kpi } from '../../../components/ui/kpi.tsx';
import { SelectField } from '../../../components/ui/select-field.tsx';
import { WhenVisible } from '../../../components/ui/when-visible.tsx';
import { useFormat } from '../../../lib/format.ts';
import { MAP_HEIGHT, MAP_WIDTH, type MapShapes } from '../api/get-map-shapes.ts';
import { compliantAt, verdictKind } from '../../catalogue/components/verdict-badge.tsx';
import { useSettings } from '../../settings/api/get-settings.ts';
import { registerShapes, shareRows } from '../hooks/shape.ts';
import { MAP_LAYERS, useMapLayer } from '../hooks/use-map-layer.ts';
import { useProgressParams } from '../hooks/use-progress-params.ts';
import { shareBaseLine, useBaseLine } from '../hooks/use-base-line.ts';
import { useGroupParams } from '../hooks/use-group-params.ts';
import { useStandWords } from '../hooks/use-stand-words.ts';
import { DistributionChart } from './charts.tsx';
import { MunicipalityShareTable } from './municipality-share-table.tsx';
import { NetherlandsMap } from './netherlands-map.tsx';
import { ShareTrendPanel } from './share-trend-panel.tsx';
import { DeadlineNote, TargetExplanation } from './target-explanation.tsx';
import { VerifiedFigures } from './verified-figures.tsx';

/**
 * `title` names what the figures are of: the nation, or a province or size class (see useGroupParams). Without
 * `mapShapes` the map is a list of every municipality, unless they are still on their way (`mapPending`): the map's
 * place is held for them then: drawing 342 rows only to throw them away when the boundaries arrive is work a
 * phone's first seconds do not need.
 */
type Props = { data: NationalProgress; mapShapes: MapShapes | undefined; mapPending?: boolean; targetLabel: string; title: string };

const mapPlaceholder = (ref?: React.RefObject<HTMLDivElement | null>) => (
  <div ref={ref} className="tm-map tm-map--placeholder" style={{ aspectRatio: `${MAP_WIDTH} / ${MAP_HEIGHT}` }} />
);

/**
 * The page renders this whenever one of its queries answers, synchronously (a query's answer is an external store's
 * change to React); the figures are drawn only when their own props change, from deferred copies, in slices.
 */
export function NationalDashboard(props: Props) {
  const staleAfterMonths = useDeferredValue(useSettings().data?.staleAfterMonths);
  return <Figures {...props} staleAfterMonths={staleAfterMonths} />;
}

const Figures = memo(function Figures({ data, mapShapes, mapPending = false, targetLabel, title, staleAfterMonths }: Props & { staleAfterMonths: number | undefined }) {
  const { t } = useTranslation();
  const f = useFormat();
  const [mapAsList, setMapAsList] = useState(false);
  const { summary, distribution } = data;
  const stand = useStandWords(summary.date);
  const base = useBaseLine(summary);
  const { group, provinceHref, sizeClassHref } = useGroupParams();
  const rows = useMemo(() => shareRows(data.series, summary), [data.series, summary]);
  const { mapLayer, setMapLayer } = useProgressParams();
  const layer = useMapLayer(mapLayer, distribution.municipalities);
  const drawn = useMemo(() => mapShapes && registerShapes(mapShapes, distribution.municipalities), [mapShapes, distribution.municipalities]);
  const bins = distribution.bins.map((b) => ({ ...b, label: `${f.wholePercent(b.from)}–${f.wholePercent(b.to)}` }));
  const targetBin = bins.find((b) => summary.target >= b.from && (summary.target < b.to || b.to >= 1));
  const completeness = summary.completeness.score === null ? null : t('progress.completeness', { score: f.wholePercent(summary.completeness.score) });
  const pctOrNone = (v: number | null) => (v === null ? t('states.noData') : f.percent(v));
  // Each row opens the same dashboard for its group; the group shown already leads nowhere.
  const groupColumns = (nameOf: (key: string) => string, hrefOf: (key: string) => string | undefined) => [
    { header: t('progress.group'), value: (r: NationalProgress['byProvince'][number]) => nameOf(r.key), link: (r: NationalProgress['byProvince'][number]) => hrefOf(r.key) },
    { header: t('progress.municipalities'), value: (r: NationalProgress['byProvince'][number]) => r.municipalityCount, display: (r: NationalProgress['byProvince'][number]) => f.integer(r.municipalityCount), numeric: true },
    { header: t('charts.share'), value: (r: NationalProgress['byProvince'][number]) => r.share, display: (r: NationalProgress['byProvince'][number]) => (r.share === null ? t('states.noData') : `${f.percent(r.share)} (${shareBaseLine({ ...r, measure: summary.measure }, t, f)})`), numeric: true },
    { header: t('progress.median'), value: (r: NationalProgress['byProvince'][number]) => r.median, display: (r: NationalProgress['byProvince'][number]) => pctOrNone(r.median), numeric: true },
    { header: t('progress.statusCounts'), value: (r: NationalProgress['byProvince'][number]) => `${r.counts.ahead}/${r.counts.onTrack}/${r.counts.behind}`, numeric: true },
  ];

  return (
    <>
      <ul className="tm-kpis" aria-label={title}>
        <Kpi
          label={t('progress.share')}
          value={pctOrNone(summary.share)}
          base={
            <>
              {base}
              {completeness && <><br />{completeness}</>}
            </>
          }
        />
        <Kpi label={stand.target} value={f.percent(summary.target)} base={t('progress.deadline', { date: f.date(summary.deadline) })} />
        <Kpi
          label={t('progress.statusCounts')}
          value={t('progress.statusCountsValue', { ahead: distribution.counts.ahead, onTrack: distribution.counts.onTrack, behind: distribution.counts.behind })}
          base={t('progress.noDataCount', { count: distribution.counts.noData })}
        />
        <Kpi
          label={t('progress.projectedYear')}
          value={summary.projectedCompletionYear ?? t('progress.noProjection')}
          base={summary.pace === null ? undefined : t('progress.paceValue', { pace: f.points(summary.pace) })}
        />
        <Kpi
          label={t('freshness.kpi')}
          value={t('freshness.kpiValue', { fresh: f.integer(summary.freshCount), total: f.integer(distribution.municipalities.length) })}
          base={staleAfterMonths === undefined ? undefined : t('freshness.kpiBase', { count: staleAfterMonths })}
        />
      </ul>
      <DeadlineNote summary={summary} />
      <TargetExplanation summary={summary} />
      <VerifiedFigures summary={summary} />

      {/* Below the first view: a panel per turn, where drawn at once they were the longest tasks of the page's load. */}
      <InTurn>
        <ShareTrendPanel rows={rows} today={summary.date} targetLabel={targetLabel} description={completeness ?? undefined} filename="landelijk-aandeel" />
      </InTurn>

      <InTurn>
        <div className="tm-grid-2">
          <section className="tm-panel tm-panel--lazy" aria-labelledby="map-title">
            <Heading2 id="map-title">{layer.title}</Heading2>
            <Paragraph className="tm-muted">{t('progress.mapDescription')}</Paragraph>
            <div className="tm-print-hidden">
              <SelectField
                id="map-layer"
                label={t('progress.mapLayer')}
                value={mapLayer}
                options={MAP_LAYERS.map((value) => ({ value, label: t(`progress.mapLayers.${value}`) }))}
                onChange={setMapLayer}
              />
            </div>
            {mapAsList || (!drawn && !mapPending) ? (
              <MunicipalityShareTable items={distribution.municipalities} caption={layer.title} />
            ) : drawn ? (
              <WhenVisible placeholder={mapPlaceholder}>
                <NetherlandsMap shapes={drawn} layer={layer} />
              </WhenVisible>
            ) : (
              mapPlaceholder()
            )}
            <div className="tm-actions">
              <Button appearance="secondary-action-button" aria-pressed={mapAsList} onClick={() => setMapAsList((v) => !v)}>
                {mapAsList ? t('progress.mapShow') : t('progress.mapList')}
              </Button>
            </div>
          </section>
          <ChartPanel
            title={t('progress.distributionTitle')}
            description={t('progress.distributionDescription')}
            rows={bins}
            filename="verdeling-gemeenten"
            columns={[
              { header: t('progress.range'), value: (r) => r.label },
              { header: t('progress.municipalities'), value: (r) => r.count, numeric: true },
            ]}
          >
            <DistributionChart rows={bins} targetLabel={targetBin?.label ?? null} />
          </ChartPanel>
        </div>
      </InTurn>

      <InTurn>
        <div className="tm-grid-2">
          <section className="tm-panel tm-panel--lazy" aria-labelledby="by-province">
            <Heading2 id="by-province">{t('progress.byProvince')}</Heading2>
            <DataTable caption={t('progress.byProvince')} rows={data.byProvince} columns={groupColumns((k) => k, (k) => (k === group.province ? undefined : provinceHref(k)))} />
          </section>
          <section className="tm-panel tm-panel--lazy" aria-labelledby="by-size">
            <Heading2 id="by-size">{t('progress.bySizeClass')}</Heading2>
            <DataTable caption={t('progress.bySizeClass')} rows={data.bySizeClass} columns={groupColumns((k) => t(`sizeClasses.${k}`, { defaultValue: k }), (k) => (k === String(group.sizeClass) ? undefined : sizeClassHref(k)))} />
          </section>
        </div>
      </InTurn>

      <InTurn>
        <section className="tm-panel tm-panel--lazy" aria-labelledby="top-products">
          <Heading2 id="top-products">{t('progress.topProductsTitle')}</Heading2>
          <DataTable
            caption={t('progress.topProductsTitle')}
            rows={data.topCompliantProducts}
            columns={[
              { header: t('progress.product'), value: (r) => r.product, link: (r) => `/producten/${r.productId}` },
              { header: t('progress.vendor'), value: (r) => r.vendor ?? '' },
              {
                header: t('catalogue.columns.verdict'),
                value: (r) => r.assessmentLevel ?? '',
                display: (r) => t(`catalogue.verdicts.${verdictKind(compliantAt(r.assessmentLevel))}`),
              },
              { header: t('progress.municipalities'), value: (r) => r.municipalityCount, numeric: true },
              { header: t('progress.applications'), value: (r) => r.applicationCount, numeric: true },
            ]}
          />
          <Paragraph className="tm-muted">{t('progress.topProductsNote')}</Paragraph>
        </section>
      </InTurn>
    </>
  );
});
