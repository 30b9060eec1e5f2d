import type { CreateProductDistinctionInput, CreateProductMergeInput, ProductDistinction, ProductMerge } from '@tm/shared/schemas/product';
import { useCreate } from '../../../lib/versioned-mutations.ts';
import { catalogueKeys } from './catalogue-keys.ts';
import { DASHBOARD_KEY } from '../../../lib/dashboard-key.ts';

/**
 * A steward's merge of two products: the applications of the one that goes follow to the one that stays, so every
 * dashboard that names products reads again; it is in the audit trail.
 */
export function useMergeProducts() {
  return useCreate<CreateProductMergeInput, ProductMerge>('/product-merges', [DASHBOARD_KEY, ['audit-events']]);
}

/** "These two are different products": the pair leaves the list of possible duplicates. */
export function useDistinguishProducts() {
  return useCreate<CreateProductDistinctionInput, ProductDistinction>('/product-distinctions', [catalogueKeys.all, ['audit-events']]);
}
