import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { MAP_HEIGHT, MAP_WIDTH, type MapShapes } from '../api/get-map-shapes.ts';
import type { MapLayer } from '../hooks/use-map-layer.ts';

type Props = { shapes: MapShapes; layer: MapLayer };

/** Every municipality coloured by the chosen layer; the list alternative sits beside it in the panel. */
export function NetherlandsMap({ shapes, layer }: Props) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  return (
    <div>
      <svg viewBox={`0 0 ${MAP_WIDTH} ${MAP_HEIGHT}`} className="tm-map" role="img" aria-label={layer.title}>
        {shapes.map((s) => (
          <path key={s.code} d={s.d} fill={layer.fillOf(s.code)} onClick={() => void navigate(`/gemeenten/${s.code}`)} style={{ cursor: 'pointer' }}>
            <title>{layer.describe(s.code, s.name)}</title>
          </path>
        ))}
      </svg>
      <ul className="tm-legend" aria-label={t('progress.legend')}>
        {layer.legend.map((entry) => (
          <li key={entry.label}>
            <span className="tm-legend__swatch" style={{ background: entry.color }} aria-hidden="true" />
            {entry.label}
          </li>
        ))}
      </ul>
    </div>
  );
}
