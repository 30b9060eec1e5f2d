import { useTranslation } from 'react-i18next';
import type { Peers } from '@tm/shared/schemas/peers';
import { PALETTE } from '../../../components/charts/palette.ts';
import { useFormat } from '../../../lib/format.ts';

const WIDTH = 640;
const HEIGHT = 90;
const PAD = 24;

/** Each peer's share as a dot on a 0–100% line; mine larger and outlined, the median a vertical mark. */
export function PeerStrip({ peers }: { peers: Peers }) {
  const { t } = useTranslation();
  const f = useFormat();
  const x = (share: number) => PAD + share * (WIDTH - 2 * PAD);
  const mine = peers.members.find((m) => m.code === peers.municipalityCode);
  return (
    <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} className="tm-strip" role="img" aria-label={t('peers.stripLabel', {
      share: peers.share === null ? t('states.noData') : f.percent(peers.share),
      median: peers.median === null ? t('states.noData') : f.percent(peers.median),
    })}>
      <line x1={PAD} x2={WIDTH - PAD} y1={45} y2={45} stroke="#767676" />
      {[0, 0.25, 0.5, 0.75, 1].map((v) => (
        <g key={v}>
          <line x1={x(v)} x2={x(v)} y1={40} y2={50} stroke="#767676" />
          <text x={x(v)} y={72} textAnchor="middle" fontSize={12} fill="#333">{f.wholePercent(v)}</text>
        </g>
      ))}
      {peers.members.filter((m) => m.share !== null && m.code !== peers.municipalityCode).map((m) => (
        <circle key={m.code} cx={x(m.share!)} cy={45} r={5} fill={PALETTE.actual} fillOpacity={0.45}>
          <title>{`${m.name}: ${f.percent(m.share!)}`}</title>
        </circle>
      ))}
      {peers.median !== null && (
        <g>
          <line x1={x(peers.median)} x2={x(peers.median)} y1={22} y2={58} stroke="#000" strokeWidth={2} strokeDasharray="4 3" />
          <text x={x(peers.median)} y={16} textAnchor="middle" fontSize={12} fill="#000">{t('peers.median')}</text>
        </g>
      )}
      {mine && mine.share !== null && (
        <circle cx={x(mine.share)} cy={45} r={9} fill={PALETTE.target} stroke="#000" strokeWidth={2}>
          <title>{`${mine.name}: ${f.percent(mine.share)}`}</title>
        </circle>
      )}
    </svg>
  );
}
