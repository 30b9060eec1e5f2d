import { useSearchParam } from '../../../lib/use-search-param.ts';
import { parseLayerChoice, type LayerChoice } from './recommendation-layers.ts';

/** The recommendations' layer filter in the address (?laag=data), as the peer group is: a view worth sharing. */
export function useRecommendationLayer(): [LayerChoice, (choice: LayerChoice) => void] {
  const [value, set] = useSearchParam('laag', 'all');
  return [parseLayerChoice(value), set];
}
