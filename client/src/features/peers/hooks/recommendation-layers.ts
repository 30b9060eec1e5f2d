import { LAYERS, type Layer } from '@tm/shared/schemas/application';
import type { Recommendation } from '@tm/shared/schemas/peers';

/** Every layer, `none` for applications without one, or `all`. */
export type LayerChoice = Layer | 'none' | 'all';

/** How many recommendations come first, before "Toon alle". */
export const TOP_RECOMMENDATIONS = 6;

export function parseLayerChoice(value: string | null): LayerChoice {
  return value === 'none' || (LAYERS as readonly string[]).includes(value ?? '') ? (value as LayerChoice) : 'all';
}

const layerOf = (choice: LayerChoice): Layer | null => (choice === 'none' ? null : (choice as Layer));

/** A recommendation is about a layer when one of my legacy applications for its component sits in that layer. */
function isIn(recommendation: Recommendation, choice: LayerChoice): boolean {
  return choice === 'all' || recommendation.myApplications.some((a) => a.layer === layerOf(choice));
}

/**
 * The recommendations in the chosen layer, in the API's order (the components most peers moved on first): those
 * with a product to recommend, and apart those no peer has moved on yet.
 */
export function recommendationsIn(items: readonly Recommendation[], choice: LayerChoice) {
  const chosen = items.filter((r) => isIn(r, choice));
  return { ranked: chosen.filter((r) => r.peerCount > 0), unmoved: chosen.filter((r) => r.peerCount === 0) };
}

/**
 * The filter's choices: all, and each layer some recommendation is about (and the current one, even if none is),
 * with how many ranked recommendations it shows.
 */
export function layerChoices(items: readonly Recommendation[], current: LayerChoice): { choice: LayerChoice; count: number }[] {
  const choices: LayerChoice[] = ['all', ...LAYERS, 'none'];
  return choices
    .map((choice) => ({ choice, found: recommendationsIn(items, choice) }))
    .filter(({ choice, found }) => choice === current || found.ranked.length + found.unmoved.length > 0)
    .map(({ choice, found }) => ({ choice, count: found.ranked.length }));
}
