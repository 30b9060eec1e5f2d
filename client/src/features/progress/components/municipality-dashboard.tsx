import { memo, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Heading2, Paragraph, UnorderedList, UnorderedListItem } from '@utrecht/component-library-react';
import type { TFunction } from 'i18next';
import type { MunicipalityProgress, ProgressSummary } from '@tm/shared/schemas/progress';
import { ChartPanel } from '../../../components/charts/chart-panel.tsx';
import { Kpi } from '../../../components/ui/kpi.tsx';
import { AppLink } from '../../../components/ui/router-link.tsx';
import { StatusLabel } from '../../../components/ui/status-label.tsx';
import { type Formatters, useFormat } from '../../../lib/format.ts';
import { layerRows, planRows, shareRows } from '../hooks/shape.ts';
import { useBaseLine } from '../hooks/use-base-line.ts';
import { LayerChart, PlanChart } from './charts.tsx';
import type { PlanMark } from './plan-chart.tsx';
import { useStandWords } from '../hooks/use-stand-words.ts';
import { LandscapeNote } from './landscape-note.tsx';
import { ShareTrendPanel } from './share-trend-panel.tsx';
import { TargetExplanation } from './target-explanation.tsx';
import { VerifiedFigures } from './verified-figures.tsx';

/** How far the share is from the target, in words; at 100% that the transition is done. */
function statusDistance(summary: ProgressSummary, t: TFunction, f: Formatters): string | undefined {
  if (summary.share === null) return undefined;
  if (summary.share >= 1) return t('progress.statusDone');
  const points = f.points(Math.abs(summary.share - summary.target) * 100);
  return summary.share >= summary.target ? t('progress.statusAbove', { points }) : t('progress.statusBelow', { points });
}

type Props = {
  data: MunicipalityProgress;
  targetLabel: string;
  name: string;
  /** Years to mark on the plan: the target years of the coalitions the municipality takes part in. */
  planMarks?: readonly PlanMark[] | undefined;
};

/** Drawn only when its own props change: the page renders at every answer of its queries (see NationalDashboard). */
export const MunicipalityDashboard = memo(function MunicipalityDashboard({ data, targetLabel, name, planMarks }: Props) {
  const { t } = useTranslation();
  const f = useFormat();
  const { summary } = data;
  const stand = useStandWords(summary.date);
  const rows = useMemo(() => shareRows(data.series, summary), [data.series, summary]);
  const layers = layerRows(data.byLayer, (l) => t(`layers.${l ?? 'none'}`));
  const plan = planRows(data.plan);
  const c = summary.completeness;
  const completeness = c.score === null ? null : t('progress.completeness', { score: f.wholePercent(c.score) });
  const base = useBaseLine(summary);
  // No pace can reach a deadline that has passed; what is left to do is said instead.
  const overdue = summary.requiredPace === null && summary.share !== null && summary.share < 1 && summary.deadline <= summary.date;
  const missing = [
    c.withReferenceComponent < c.applicationCount ? 'referenceComponent' : null,
    c.withLayer < c.applicationCount ? 'layer' : null,
    c.legacyWithPlannedYear < c.legacyCount ? 'plannedReplacementYear' : null,
  ].filter(Boolean);

  return (
    <>
      <ul className="tm-kpis" aria-label={t('progress.share')}>
        <Kpi
          label={t('progress.share')}
          value={summary.share === null ? t('states.noData') : f.percent(summary.share)}
          base={<>{base}{completeness && <><br />{completeness}</>}</>}
        />
        <Kpi label={stand.target} value={f.percent(summary.target)} base={t('progress.deadline', { date: f.date(summary.deadline) })} />
        <Kpi
          label={t('progress.gap')}
          value={summary.gap === null ? t('states.noData') : f.integer(summary.gap)}
          base={summary.gap === null ? undefined : summary.gap > 0 ? t('progress.gapValue', { count: summary.gap, formatted: f.integer(summary.gap) }) : t('progress.gapNone')}
        />
        <Kpi label={t('progress.status')} value={<StatusLabel status={summary.status} />} base={statusDistance(summary, t, f)} />
        <Kpi
          label={t('progress.projectedYear')}
          value={summary.projectedCompletionYear ?? t('progress.noProjection')}
          base={summary.pace === null ? undefined : t('progress.paceValue', { pace: f.points(summary.pace) })}
        />
        <Kpi
          label={t('progress.requiredPace')}
          value={summary.requiredPace !== null ? f.points(summary.requiredPace) : overdue ? t('progress.deadlinePassed') : t('states.noData')}
          base={
            summary.requiredPace !== null
              ? t('progress.requiredPaceBase', { date: f.date(summary.deadline) })
              : overdue
                ? t('progress.deadlinePassedBase', { date: f.date(summary.deadline), points: f.points((1 - summary.share!) * 100) })
                : undefined
          }
        />
      </ul>
      {summary.note && <Paragraph>{summary.note}</Paragraph>}
      <LandscapeNote counts={summary.lifecycleCounts} />
      <TargetExplanation summary={summary} name={name} />
      <VerifiedFigures summary={summary} />

      <ShareTrendPanel rows={rows} today={summary.date} targetLabel={targetLabel} description={completeness ?? undefined} filename={`${data.municipalityCode}-aandeel`} />

      <div className="tm-grid-2">
        <ChartPanel
          title={t('progress.byLayerTitle')}
          description={t('progress.byLayerDescription')}
          rows={layers}
          filename={`${data.municipalityCode}-lagen`}
          columns={[
            { header: t('progress.layer'), value: (r) => r.key },
            { header: t('statuses.compliant'), value: (r) => r.compliant, numeric: true },
            { header: t('progress.inTransition'), value: (r) => r.inTransition, numeric: true },
            { header: t('progress.legacy'), value: (r) => r.legacy, numeric: true },
            { header: t('charts.share'), value: (r) => r.share, display: (r) => (r.share === null ? t('states.noData') : f.percent(r.share)), numeric: true },
          ]}
        >
          <LayerChart rows={layers} />
        </ChartPanel>
        <ChartPanel
          title={t('progress.planTitle')}
          description={t('progress.planDescription')}
          rows={plan}
          filename={`${data.municipalityCode}-plan`}
          columns={[
            { header: t('progress.year'), value: (r) => r.year },
            { header: t('progress.planned'), value: (r) => r.planned, numeric: true },
            { header: t('progress.needed'), value: (r) => r.needed, numeric: true },
            { header: t('progress.short'), value: (r) => (r.short ? r.needed - r.planned : 0), display: (r) => (r.short ? t('progress.shortYes', { count: r.needed - r.planned }) : '') },
          ]}
        >
          <PlanChart rows={plan} marks={planMarks} />
        </ChartPanel>
      </div>

      <section className="tm-panel tm-panel--lazy" aria-labelledby="completeness">
        <Heading2 id="completeness">{t('progress.completenessTitle')}</Heading2>
        {c.score === null ? (
          <Paragraph>{t('progress.emptyMunicipality')}</Paragraph>
        ) : (
          <>
            <meter className="tm-meter" min={0} max={1} low={0.6} high={0.9} optimum={1} value={c.score} aria-labelledby="completeness">
              {f.wholePercent(c.score)}
            </meter>
            <Paragraph>{t('progress.completenessText', { score: f.wholePercent(c.score) })}</Paragraph>
            <UnorderedList>
              <UnorderedListItem>{f.integer(c.withReferenceComponent)} / {f.integer(c.applicationCount)} {t('progress.withReferenceComponent')}</UnorderedListItem>
              <UnorderedListItem>{f.integer(c.withLayer)} / {f.integer(c.applicationCount)} {t('progress.withLayer')}</UnorderedListItem>
              <UnorderedListItem>{f.integer(c.legacyWithPlannedYear)} / {f.integer(c.legacyCount)} {t('progress.legacyWithPlannedYear')}</UnorderedListItem>
              {summary.measure === 'cost' && <UnorderedListItem>{f.integer(c.withAnnualCost)} / {f.integer(c.applicationCount)} {t('progress.withAnnualCost')}</UnorderedListItem>}
            </UnorderedList>
            {missing.length > 0 && (
              <Paragraph>
                <AppLink href={`/gemeenten/${data.municipalityCode}/inventaris?missing=${missing.join(',')}`}>{t('progress.completenessMissing')}</AppLink>
              </Paragraph>
            )}
          </>
        )}
      </section>
    </>
  );
});
