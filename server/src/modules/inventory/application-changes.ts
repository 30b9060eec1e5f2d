import type { Application } from '@tm/shared/schemas/application';

/** The fields whose changes the history records, before and after. */
export const TRACKED_FIELDS = [
  'name', 'vendor', 'product', 'version', 'referenceComponentIds', 'layer', 'status', 'lifecycle', 'criteria',
  'replacedBy', 'plannedReplacementYear', 'annualCost', 'notes',
] as const satisfies readonly (keyof Application)[];
export type TrackedField = (typeof TRACKED_FIELDS)[number];

export function pick(application: Pick<Application, TrackedField>, fields: readonly TrackedField[]): Record<string, unknown> {
  return Object.fromEntries(fields.map((f) => [f, application[f]]));
}

/** The fields `input` gives a value that differs from `current`'s; reference components compare as a set. */
export function changedFields(current: Pick<Application, TrackedField>, input: Partial<Record<TrackedField, unknown>>): TrackedField[] {
  return TRACKED_FIELDS.filter((field) => {
    const next = input[field];
    if (next === undefined) return false;
    const now = current[field];
    if (field === 'referenceComponentIds') return JSON.stringify([...(next as string[])].sort()) !== JSON.stringify(now);
    return JSON.stringify(next) !== JSON.stringify(now);
  });
}
