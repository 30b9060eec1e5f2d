import type { Layer, Lifecycle, Status } from '@tm/shared/schemas/application';
import type { ReferenceComponentMode } from '@tm/shared/schemas/application-bulk-update';
import { parseNumber } from '../../../lib/numbers.ts';

/** Empty means "leave as it is"; `none` empties the layer. */
export type BulkFormValues = {
  status: Status | '';
  layer: Layer | 'none' | '';
  lifecycle: Lifecycle | '';
  plannedReplacementYear: string;
  /** Empties the planned replacement year: offered with a change to Common Ground, which leaves nothing to replace. */
  clearYear: boolean;
  /** None chosen leaves each application's reference components as they are. */
  referenceComponentIds: string[];
  referenceMode: ReferenceComponentMode;
  annualCost: string;
  effectiveDate: string;
};

export function emptyBulkValues(today: string): BulkFormValues {
  return {
    status: '',
    layer: '',
    lifecycle: '',
    plannedReplacementYear: '',
    clearYear: false,
    referenceComponentIds: [],
    referenceMode: 'add',
    annualCost: '',
    effectiveDate: today,
  };
}

export function datesAChange(v: BulkFormValues): boolean {
  return v.status !== '' || v.lifecycle !== '';
}

export function offersToClearYear(v: BulkFormValues): boolean {
  return v.status === 'compliant';
}

/** A `changes` body for `bulkChangesSchema`: only what the reader chose; the date goes with a status or lifecycle. */
export function toBulkChanges(v: BulkFormValues): Record<string, unknown> {
  const changes: Record<string, unknown> = {};
  if (v.status) changes.status = v.status;
  if (v.layer) changes.layer = v.layer === 'none' ? null : v.layer;
  if (v.lifecycle) changes.lifecycle = v.lifecycle;
  if (offersToClearYear(v) && v.clearYear) changes.plannedReplacementYear = null;
  else if (v.plannedReplacementYear.trim()) changes.plannedReplacementYear = parseNumber(v.plannedReplacementYear);
  if (v.referenceComponentIds.length > 0) changes.referenceComponents = { mode: v.referenceMode, ids: v.referenceComponentIds };
  if (v.annualCost.trim()) changes.annualCost = parseNumber(v.annualCost);
  if (datesAChange(v) && v.effectiveDate) changes.effectiveDate = v.effectiveDate;
  return changes;
}
