import {
  CRITERIA,
  type Application,
  type Criteria,
  type Layer,
  type Lifecycle,
  type Status,
} from '@tm/shared/schemas/application';
import { parseNumber } from '../../../lib/numbers.ts';

/** What the form's inputs hold: text as typed, so a half-typed number is never lost. */
export type FormValues = {
  name: string;
  vendor: string;
  product: string;
  version: string;
  referenceComponentIds: string[];
  layer: Layer | '';
  status: Status;
  lifecycle: Lifecycle;
  criteria: Criteria;
  plannedReplacementYear: string;
  annualCost: string;
  notes: string;
  /** The successor's id, or '' for none. */
  replacedBy: string;
  effectiveDate: string;
};

export function emptyValues(today: string): FormValues {
  return {
    name: '', vendor: '', product: '', version: '', referenceComponentIds: [], layer: '', status: 'legacy',
    lifecycle: 'in_production', criteria: {}, plannedReplacementYear: '', annualCost: '', notes: '', replacedBy: '', effectiveDate: today,
  };
}

export function valuesOf(app: Application, today: string): FormValues {
  return {
    name: app.name,
    vendor: app.vendor ?? '',
    product: app.product ?? '',
    version: app.version ?? '',
    referenceComponentIds: [...app.referenceComponentIds],
    layer: app.layer ?? '',
    status: app.status,
    lifecycle: app.lifecycle,
    criteria: { ...app.criteria },
    plannedReplacementYear: app.plannedReplacementYear === null ? '' : String(app.plannedReplacementYear),
    annualCost: app.annualCost === null ? '' : String(app.annualCost),
    notes: app.notes ?? '',
    replacedBy: app.replacedBy ?? '',
    effectiveDate: today,
  };
}

const orNull = (text: string) => (text.trim() ? text.trim() : null);

function fields(v: FormValues) {
  const criteria = Object.fromEntries(CRITERIA.filter((c) => v.criteria[c] !== undefined).map((c) => [c, v.criteria[c]])) as Criteria;
  return {
    name: v.name,
    vendor: orNull(v.vendor),
    product: orNull(v.product),
    version: orNull(v.version),
    referenceComponentIds: v.referenceComponentIds,
    layer: v.layer === '' ? null : v.layer,
    status: v.status,
    lifecycle: v.lifecycle,
    criteria,
    plannedReplacementYear: parseNumber(v.plannedReplacementYear),
    annualCost: parseNumber(v.annualCost),
    notes: orNull(v.notes),
    replacedBy: v.replacedBy || null,
  };
}

/** A create body for `createApplicationSchema`: the effective date is when the application came into use. */
export function toCreateInput(v: FormValues): Record<string, unknown> {
  return { ...fields(v), effectiveDate: v.effectiveDate || undefined };
}

/** Only what changed, for `updateApplicationSchema`; the effective date goes along with a status or lifecycle change. */
export function toUpdateInput(v: FormValues, original: Application): Record<string, unknown> {
  const next = fields(v);
  const before = fields(valuesOf(original, v.effectiveDate));
  const changed: Record<string, unknown> = {};
  for (const key of Object.keys(next) as (keyof typeof next)[]) {
    const a = JSON.stringify(next[key]);
    const b = JSON.stringify(before[key]);
    if (a !== b) changed[key] = next[key];
  }
  if ((changed.status !== undefined || changed.lifecycle !== undefined) && v.effectiveDate) changed.effectiveDate = v.effectiveDate;
  return changed;
}
