import type { i18n as I18n } from 'i18next';
import type { MunicipalityProgress, NationalProgress } from '@tm/shared/schemas/progress';
import type { BlockingProductList } from '@tm/shared/schemas/blocking-product';
import type { ReportBlock, ReportFigure, ReportModel, ReportRequest } from '@tm/shared/schemas/report';
import { formatters } from '../../../lib/format.ts';
import { compliantAt, verdictKind } from '../../catalogue/components/verdict-badge.tsx';
import { blockingColumns } from '../../collective/components/blocking-columns.ts';
import { DistributionChart } from '../components/distribution-chart.tsx';
import { LayerChart } from '../components/layer-chart.tsx';
import { PlanChart } from '../components/plan-chart.tsx';
import { ShareChart } from '../components/share-chart.tsx';
import { layerRows, planRows, shareRows } from '../hooks/shape.ts';
import { standWords } from '../hooks/use-stand-words.ts';
import { commonFigures, type Summary, type Words } from './headline-figures.ts';
import type { ChartSize, Drawing } from './draw-chart.tsx';

/** Draws one of the screens' charts at a size on paper. */
export type Draw = (chart: React.ReactElement, size: ChartSize) => Drawing;


const TREND_HEIGHT = 210;
const SMALL_HEIGHT = 170;

function chart(title: string, description: string | undefined, drawing: Drawing): ReportBlock {
  return { kind: 'chart', title, ...(description ? { description } : {}), ...drawing };
}

function forecastFigures(summary: Summary, { t, f }: Words): ReportFigure[] {
  return [
    {
      label: t('progress.projectedYear'),
      value: summary.projectedCompletionYear === null ? t('progress.noProjection') : String(summary.projectedCompletionYear),
      ...(summary.pace === null ? {} : { base: t('progress.paceValue', { pace: f.points(summary.pace) }) }),
    },
    {
      label: t('progress.requiredPace'),
      value: summary.requiredPace === null ? t('states.noData') : f.points(summary.requiredPace),
      ...(summary.requiredPace === null ? {} : { base: t('progress.requiredPaceBase', { date: f.date(summary.deadline) }) }),
    },
  ];
}

function trend(summary: Summary, series: NationalProgress['series'], targetLabel: string, width: number, draw: Draw, words: Words): ReportBlock {
  const { t, f } = words;
  const rows = shareRows(series, summary);
  const marker = standWords(summary.date, t, f).marker;
  const drawing = draw(<ShareChart rows={rows} today={summary.date} marker={marker} targetLabel={targetLabel} />, { width, height: TREND_HEIGHT });
  return chart(t('progress.trendTitle'), t('progress.trendDescription'), drawing);
}

function running(summary: Summary, freshness: string, { t, f }: Words): string[] {
  const measure = summary.measure === 'cost' ? t('progress.measureCost') : t('progress.measureCount');
  return [t('report.stand', { date: f.date(summary.date), measure }), freshness];
}

function heading(request: ReportRequest, { t, f }: Words) {
  return { product: t('app.name'), pageLabel: t('report.page'), generated: t('report.generated', { date: f.date(request.generatedAt) }) };
}

function national(request: Extract<ReportRequest, { kind: 'national' }>, targetLabel: string, draw: Draw, words: Words): ReportModel {
  const { progress } = request;
  const { t, f } = words;
  const { summary, distribution } = progress;
  const shareText = (share: number | null, compliant: number, landscape: number) =>
    share === null ? t('states.noData') : t('progress.shareWithBase', { share: f.percent(share), compliant: f.integer(compliant), landscape: f.integer(landscape) });
  const groupTable = (title: string, groups: NationalProgress['byProvince'], nameOf: (key: string) => string): ReportBlock => ({
    kind: 'table',
    title,
    columns: [
      { header: t('progress.group') },
      { header: t('progress.municipalities'), numeric: true },
      { header: t('charts.share'), numeric: true },
      { header: t('progress.median'), numeric: true },
      { header: t('progress.statusCounts'), numeric: true },
    ],
    rows: groups.map((g) => [
      nameOf(g.key),
      f.integer(g.municipalityCount),
      shareText(g.share, g.compliantCount, g.landscapeCount),
      g.median === null ? t('states.noData') : f.percent(g.median),
      t('progress.statusCountsValue', { ahead: g.counts.ahead, onTrack: g.counts.onTrack, behind: g.counts.behind }),
    ]),
  });
  const bins = distribution.bins.map((b) => ({ ...b, label: `${f.wholePercent(b.from)}–${f.wholePercent(b.to)}` }));
  const targetBin = bins.find((b) => summary.target >= b.from && (summary.target < b.to || b.to >= 1));
  const freshCount = t('freshness.kpiValue', { fresh: f.integer(summary.freshCount), total: f.integer(distribution.municipalities.length) });
  const freshBase = t('freshness.kpiBase', { count: request.settings.staleAfterMonths });
  const freshness = `${t('freshness.kpi')}: ${freshCount} ${freshBase}`;
  return {
    language: request.language,
    ...heading(request, words),
    title: t('app.nav.national'),
    running: running(summary, freshness, words),
    blocks: [
      {
        kind: 'figures',
        items: [
          ...commonFigures(summary, request.dated, words),
          {
            label: t('progress.statusCounts'),
            value: t('progress.statusCountsValue', { ahead: distribution.counts.ahead, onTrack: distribution.counts.onTrack, behind: distribution.counts.behind }),
            base: t('progress.noDataCount', { count: distribution.counts.noData }),
          },
          ...forecastFigures(summary, words),
          { label: t('freshness.kpi'), value: freshCount, base: freshBase },
        ],
      },
      trend(summary, progress.series, targetLabel, request.width, draw, words),
      chart(
        t('progress.distributionTitle'),
        t('progress.distributionDescription'),
        draw(<DistributionChart rows={bins} targetLabel={targetBin?.label ?? null} />, { width: request.width, height: SMALL_HEIGHT }),
      ),
      groupTable(t('progress.byProvince'), progress.byProvince, (k) => k),
      groupTable(t('progress.bySizeClass'), progress.bySizeClass, (k) => t(`sizeClasses.${k}`, { defaultValue: k })),
      ...(request.dated ? [{ kind: 'paragraph' as const, text: t('report.todayOnlyNational') }] : topLists(progress, request.blockingProducts, words)),
    ],
  };
}

/** The blockers and the top list, which the API gives for the inventories as they are now. */
function topLists(progress: NationalProgress, blockers: BlockingProductList | undefined, { t, f }: Words): ReportBlock[] {
  const columns = blockingColumns(t, f);
  return [
    ...(blockers
      ? [
          { kind: 'paragraph' as const, text: t('collective.blocking.description') },
          {
            kind: 'table' as const,
            title: t('collective.blocking.title'),
            columns: [{ header: t('collective.blocking.product') }, ...columns.figures.map((c) => ({ header: c.header, numeric: c.numeric }))],
            rows: blockers.items.map((item) => [columns.productName(item), ...columns.figures.map((c) => c.display(item))]),
          },
        ]
      : []),
    {
      kind: 'table',
      title: t('progress.topProductsTitle'),
      columns: [
        { header: t('progress.product') },
        { header: t('progress.vendor') },
        { header: t('catalogue.columns.verdict') },
        { header: t('progress.municipalities'), numeric: true },
        { header: t('progress.applications'), numeric: true },
      ],
      rows: progress.topCompliantProducts.map((p) => [
        p.product,
        p.vendor ?? '',
        t(`catalogue.verdicts.${verdictKind(compliantAt(p.assessmentLevel))}`),
        f.integer(p.municipalityCount),
        f.integer(p.applicationCount),
      ]),
    },
  ];
}

function municipalityFreshness(summary: MunicipalityProgress['summary'], { t, f }: Words): string {
  if (summary.attestedAt === null || summary.staleOn === null) return t('attestations.never');
  const words = { date: f.date(summary.attestedAt), until: f.date(summary.staleOn) };
  return summary.stale ? t('attestations.stale', words) : t('attestations.fresh', words);
}

function municipality(request: Extract<ReportRequest, { kind: 'municipality' }>, targetLabel: string, draw: Draw, words: Words): ReportModel {
  const { t, f } = words;
  const { progress, municipality: m } = request;
  const { summary } = progress;
  const layers = layerRows(progress.byLayer, (l) => t(`layers.${l ?? 'none'}`));
  const half = { width: request.width, height: SMALL_HEIGHT };
  return {
    language: request.language,
    ...heading(request, words),
    title: m.name,
    subtitle: `${m.province} · ${t('municipality.sizeClass', { label: t(`sizeClasses.${m.sizeClass}`) })} · ${t('municipality.inhabitants', { count: m.population, formatted: f.integer(m.population) })}`,
    running: running(summary, municipalityFreshness(summary, words), words),
    blocks: [
      {
        kind: 'figures',
        items: [
          ...commonFigures(summary, request.dated, words),
          {
            label: t('progress.gap'),
            value: summary.gap === null ? t('states.noData') : f.integer(summary.gap),
            ...(summary.gap === null ? {} : { base: summary.gap > 0 ? t('progress.gapValue', { count: summary.gap, formatted: f.integer(summary.gap) }) : t('progress.gapNone') }),
          },
          { label: t('progress.status'), value: summary.status === null ? t('states.noData') : t(`progressStatus.${summary.status}`) },
          ...forecastFigures(summary, words),
        ],
      },
      trend(summary, progress.series, targetLabel, request.width, draw, words),
      chart(t('progress.byLayerTitle'), t('progress.byLayerDescription'), draw(<LayerChart rows={layers} />, half)),
      ...(request.dated ? [{ kind: 'paragraph' as const, text: t('report.todayOnlyMunicipality') }] : planAndCompleteness(progress, request.width, draw, words)),
    ],
  };
}

/** The plan and the completeness, which the API gives for the inventory as it is now. */
function planAndCompleteness(progress: MunicipalityProgress, width: number, draw: Draw, { t, f }: Words): ReportBlock[] {
  const plan = planRows(progress.plan);
  const c = progress.summary.completeness;
  return [
    chart(t('progress.planTitle'), t('progress.planDescription'), draw(<PlanChart rows={plan} />, { width, height: SMALL_HEIGHT })),
    {
      kind: 'table',
      title: t('progress.planTitle'),
      columns: [{ header: t('progress.year') }, { header: t('progress.planned'), numeric: true }, { header: t('progress.needed'), numeric: true }, { header: t('progress.short') }],
      rows: plan.map((p) => [String(p.year), f.integer(p.planned), f.integer(p.needed), p.short ? t('progress.shortYes', { count: p.needed - p.planned }) : '']),
    },
    { kind: 'heading', text: t('progress.completenessTitle') },
    {
      kind: 'paragraph',
      text:
        c.score === null
          ? t('progress.emptyMunicipality')
          : [
              t('progress.completenessText', { score: f.wholePercent(c.score) }),
              `${f.integer(c.withReferenceComponent)} / ${f.integer(c.applicationCount)} ${t('progress.withReferenceComponent')}`,
              `${f.integer(c.withLayer)} / ${f.integer(c.applicationCount)} ${t('progress.withLayer')}`,
              `${f.integer(c.legacyWithPlannedYear)} / ${f.integer(c.legacyCount)} ${t('progress.legacyWithPlannedYear')}`,
            ].join('\n'),
    },
  ];
}

/**
 * A report's content in the screens' own words, figures and charts: what the national or the municipality page shows
 * for the same answers of the API, laid out for paper.
 */
export function describeReport(request: ReportRequest, i18n: I18n, draw: Draw): ReportModel {
  const t = i18n.getFixedT(request.language);
  const f = formatters(request.language);
  const words = { t, f };
  const targetLabel = t('charts.targetLabel', { rate: f.rate(request.settings.annualRate) });
  return request.kind === 'national' ? national(request, targetLabel, draw, words) : municipality(request, targetLabel, draw, words);
}
