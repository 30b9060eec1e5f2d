import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { useFormat } from '../../../lib/format.ts';
import { MAP_HEIGHT, MAP_WIDTH, type MapShapes } from '../api/get-map-shapes.ts';
import { MAP_CLASSES, NO_DATA_COLOR, mapClass } from '../hooks/shape.ts';

type Props = {
  shapes: MapShapes;
  shares: ReadonlyMap<string, number | null>;
  label: string;
};

/** Every municipality coloured by share in five classes; the list alternative sits beside it in the panel. */
export function NetherlandsMap({ shapes, shares, label }: Props) {
  const { t } = useTranslation();
  const f = useFormat();
  const navigate = useNavigate();
  return (
    <div>
      <svg viewBox={`0 0 ${MAP_WIDTH} ${MAP_HEIGHT}`} className="tm-map" role="img" aria-label={label}>
        {shapes.map((s) => {
          const share = shares.get(s.code) ?? null;
          const cls = mapClass(share);
          return (
            <path
              key={s.code}
              d={s.d}
              fill={cls === null ? NO_DATA_COLOR : MAP_CLASSES[cls]!.color}
              onClick={() => void navigate(`/gemeenten/${s.code}`)}
              style={{ cursor: 'pointer' }}
            >
              <title>{`${s.name}: ${share === null ? t('states.noData') : f.percent(share)}`}</title>
            </path>
          );
        })}
      </svg>
      <ul className="tm-legend" aria-label={t('progress.legend')}>
        {MAP_CLASSES.map((c, i) => (
          <li key={i}>
            <span className="tm-legend__swatch" style={{ background: c.color }} aria-hidden="true" />
            {c.to === Infinity ? `≥ ${f.wholePercent(c.from)}` : `${f.wholePercent(c.from)} – ${f.wholePercent(c.to)}`}
          </li>
        ))}
        <li>
          <span className="tm-legend__swatch" style={{ background: NO_DATA_COLOR }} aria-hidden="true" />
          {t('states.noData')}
        </li>
      </ul>
    </div>
  );
}
