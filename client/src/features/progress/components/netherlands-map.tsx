import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { geoMercator, geoPath } from 'd3-geo';
import { feature } from 'topojson-client';
import type { Feature, FeatureCollection, Geometry } from 'geojson';
import type { GeometryCollection, Topology } from 'topojson-specification';
import { useFormat } from '../../../lib/format.ts';
import { MAP_CLASSES, NO_DATA_COLOR, mapClass } from '../hooks/shape.ts';

const WIDTH = 560;
const HEIGHT = 660;

type Props = {
  topology: Topology;
  shares: ReadonlyMap<string, number | null>;
  label: string;
};

type Shape = { code: string; name: string; d: string };

export function mapShapes(topology: Topology): Shape[] {
  const object = topology.objects.gemeente_2025 as GeometryCollection<{ name: string }>;
  const collection = feature(topology, object) as FeatureCollection<Geometry, { name: string }>;
  const projection = geoMercator().fitSize([WIDTH, HEIGHT], collection);
  const path = geoPath(projection);
  return collection.features.map((f: Feature<Geometry, { name: string }>) => ({ code: String(f.id), name: f.properties.name, d: path(f) ?? '' }));
}

/** Every municipality coloured by share in five classes; the list alternative sits beside it in the panel. */
export function NetherlandsMap({ topology, shares, label }: Props) {
  const { t } = useTranslation();
  const f = useFormat();
  const navigate = useNavigate();
  const shapes = useMemo(() => mapShapes(topology), [topology]);
  return (
    <div>
      <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} className="tm-map" role="img" aria-label={label}>
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
