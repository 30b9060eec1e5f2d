import { useSearchParams } from 'react-router-dom';
import type { Measure } from '@tm/shared/schemas/progress';
import type { MapLayerKind } from './use-map-layer.ts';

/**
 * Measure, "stand per" date and map layer in the address (Dutch words, as users share these links):
 * ?maatstaf=kosten&stand=2025-06-30&kaart=actualiteit.
 */
export function useProgressParams() {
  const [params, setParams] = useSearchParams();
  const measure: Measure = params.get('maatstaf') === 'kosten' ? 'cost' : 'count';
  const stand = params.get('stand');
  const knownDate = stand && /^\d{4}-\d{2}-\d{2}$/.test(stand) ? stand : undefined;
  const set = (key: string, value: string | undefined) =>
    setParams((current) => {
      const next = new URLSearchParams(current);
      if (value) next.set(key, value);
      else next.delete(key);
      return next;
    });
  return {
    measure,
    knownDate,
    /** The chosen day: the API reads a date as known at its end, everything recorded on it included. */
    knownAt: knownDate,
    setMeasure: (m: Measure) => set('maatstaf', m === 'cost' ? 'kosten' : undefined),
    setKnownDate: (d: string | undefined) => set('stand', d),
    mapLayer: (params.get('kaart') === 'actualiteit' ? 'freshness' : 'share') as MapLayerKind,
    setMapLayer: (layer: MapLayerKind) => set('kaart', layer === 'freshness' ? 'actualiteit' : undefined),
  };
}
