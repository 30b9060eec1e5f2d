import { useTranslation } from 'react-i18next';
import { Heading2 } from '@utrecht/component-library-react';
import type { Peers } from '@tm/shared/schemas/peers';
import { ChartPanel } from '../../../components/charts/chart-panel.tsx';
import { DataTable } from '../../../components/charts/data-table.tsx';
import { useFormat } from '../../../lib/format.ts';
import { PeerStrip } from './peer-strip.tsx';
import { RankingTable } from './ranking-table.tsx';
import { Recommendations } from './recommendations.tsx';

/** Strip of dots, ranking, per-layer comparison and recommendations for one municipality in one group. */
export function PeersOverview({ peers }: { peers: Peers }) {
  const { t } = useTranslation();
  const f = useFormat();
  const pct = (v: number | null) => (v === null ? t('states.noData') : f.percent(v));
  const members = [...peers.members].sort((a, b) => (a.rank ?? Infinity) - (b.rank ?? Infinity));
  return (
    <>
      <ChartPanel
        title={t('peers.stripTitle')}
        description={
          peers.rank === null
            ? undefined
            : t('peers.rankSummary', { rank: peers.rank, size: peers.group.size, group: peers.group.name, median: pct(peers.median), q1: pct(peers.q1), q3: pct(peers.q3) })
        }
        rows={members}
        filename={`${peers.municipalityCode}-vergelijking`}
        columns={[
          { header: t('progress.municipality'), value: (m) => m.name },
          { header: t('peers.rank'), value: (m) => m.rank, numeric: true },
          { header: t('charts.share'), value: (m) => m.share, display: (m) => pct(m.share), numeric: true },
          { header: t('charts.landscape'), value: (m) => m.landscapeCount, numeric: true },
          { header: t('charts.compliant'), value: (m) => m.compliantCount, numeric: true },
        ]}
      >
        <PeerStrip peers={peers} />
      </ChartPanel>

      <section className="tm-panel" aria-labelledby="ranking">
        <Heading2 id="ranking">{t('peers.rankTitle')}</Heading2>
        <RankingTable peers={peers} caption={`${t('peers.rankTitle')}: ${peers.group.name}`} />
      </section>

      <section className="tm-panel" aria-labelledby="layers">
        <Heading2 id="layers">{t('peers.layersTitle')}</Heading2>
        <DataTable
          caption={t('peers.layersTitle')}
          rows={peers.byLayer}
          columns={[
            { header: t('progress.layer'), value: (r) => t(`layers.${r.layer ?? 'none'}`) },
            { header: t('peers.ownShare'), value: (r) => r.share, display: (r) => pct(r.share), numeric: true },
            { header: t('peers.groupMedian'), value: (r) => r.median, display: (r) => pct(r.median), numeric: true },
            { header: t('peers.q1'), value: (r) => r.q1, display: (r) => pct(r.q1), numeric: true },
            { header: t('peers.q3'), value: (r) => r.q3, display: (r) => pct(r.q3), numeric: true },
          ]}
        />
      </section>

      <Recommendations peers={peers} />
    </>
  );
}
