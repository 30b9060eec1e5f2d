import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { MunicipalityShare } from '@tm/shared/schemas/progress';
import { useFormat } from '../../../lib/format.ts';
import { MAP_CLASSES, NO_DATA_COLOR, mapClass } from './shape.ts';

/** What the map colours the municipalities by: their share, or how current their inventories are (PRODUCT §11). */
export const MAP_LAYERS = ['share', 'freshness'] as const;
export type MapLayerKind = (typeof MAP_LAYERS)[number];

export type MapLayer = {
  title: string;
  /** Fill and hover text of each municipality, by code; a code the figures lack gets the "no data" grey. */
  fillOf: (code: string) => string;
  describe: (code: string, name: string) => string;
  legend: readonly { color: string; label: string }[];
};

/** Three kinds of inventory, far apart in lightness as well as hue, so they differ without colour vision too. */
const FRESHNESS_COLORS = { fresh: '#08519c', stale: '#f4a582', never: NO_DATA_COLOR } as const;
const freshnessOf = (m: MunicipalityShare | undefined) => (!m || m.attestedAt === null ? 'never' : m.stale ? 'stale' : 'fresh');

export function useMapLayer(kind: MapLayerKind, municipalities: readonly MunicipalityShare[]): MapLayer {
  const { t } = useTranslation();
  const f = useFormat();
  return useMemo(() => {
    const byCode = new Map(municipalities.map((m) => [m.code, m]));
    if (kind === 'freshness')
      return {
        title: t('progress.mapFreshnessTitle'),
        fillOf: (code) => FRESHNESS_COLORS[freshnessOf(byCode.get(code))],
        describe: (code, name) => {
          const m = byCode.get(code);
          return m?.attestedAt ? `${name}: ${t(`freshness.${freshnessOf(m)}`)}, ${t('freshness.attestedOn', { date: f.date(m.attestedAt) })}` : `${name}: ${t('freshness.never')}`;
        },
        legend: (['fresh', 'stale', 'never'] as const).map((k) => ({ color: FRESHNESS_COLORS[k], label: t(`freshness.${k}`) })),
      };
    return {
      title: t('progress.mapTitle'),
      fillOf: (code) => {
        const cls = mapClass(byCode.get(code)?.share ?? null);
        return cls === null ? NO_DATA_COLOR : MAP_CLASSES[cls]!.color;
      },
      describe: (code, name) => {
        const share = byCode.get(code)?.share ?? null;
        return `${name}: ${share === null ? t('states.noData') : f.percent(share)}`;
      },
      legend: [
        ...MAP_CLASSES.map((c) => ({ color: c.color, label: c.to === Infinity ? `≥ ${f.wholePercent(c.from)}` : `${f.wholePercent(c.from)} – ${f.wholePercent(c.to)}` })),
        { color: NO_DATA_COLOR, label: t('states.noData') },
      ],
    };
  }, [kind, municipalities, t, f]);
}
