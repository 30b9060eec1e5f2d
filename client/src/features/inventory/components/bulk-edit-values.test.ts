import { describe, expect, it } from 'vitest';
import { bulkChangesSchema } from '@tm/shared/schemas/application-bulk-update';
import { emptyBulkValues, toBulkChanges, type BulkFormValues } from './bulk-edit-values.ts';

const TODAY = '2026-03-15';
const values = (v: Partial<BulkFormValues>): BulkFormValues => ({ ...emptyBulkValues(TODAY), ...v });

describe('toBulkChanges', () => {
  it.each([
    ['a status, dated', { status: 'compliant' as const, effectiveDate: '2025-06-15' }, { status: 'compliant', effectiveDate: '2025-06-15' }],
    ['a layer, without the date that only a status or lifecycle carries', { layer: 'data' as const }, { layer: 'data' }],
    ['an emptied layer', { layer: 'none' as const }, { layer: null }],
    ['a lifecycle, dated today by default', { lifecycle: 'phased_out' as const }, { lifecycle: 'phased_out', effectiveDate: TODAY }],
    ['a Dutch planned year', { plannedReplacementYear: ' 2028 ' }, { plannedReplacementYear: 2028 }],
    ['Common Ground with the year cleared', { status: 'compliant' as const, clearYear: true, plannedReplacementYear: '2030' }, { status: 'compliant', plannedReplacementYear: null, effectiveDate: TODAY }],
    ['a year to clear without Common Ground, which is not offered', { status: 'legacy' as const, clearYear: true }, { status: 'legacy', effectiveDate: TODAY }],
    ['reference components to add', { referenceComponentIds: ['a', 'b'] }, { referenceComponents: { mode: 'add', ids: ['a', 'b'] } }],
    ['reference components to put in place', { referenceComponentIds: ['a'], referenceMode: 'replace' as const }, { referenceComponents: { mode: 'replace', ids: ['a'] } }],
    ['only a way of setting them, without components', { referenceMode: 'replace' as const }, {}],
    ['a Dutch annual cost', { annualCost: '12.500,50' }, { annualCost: 12500.5 }],
    ['nothing chosen', {}, {}],
  ])('when the reader chooses %s, then the body holds exactly that', (_name, input, expected) => {
    expect(toBulkChanges(values(input))).toEqual(expected);
  });

  it('when the year is not a number or nothing is chosen, then the shared schema names the field', () => {
    const year = bulkChangesSchema.safeParse(toBulkChanges(values({ plannedReplacementYear: '20x8' })));
    expect(year.success).toBe(false);
    expect(year.error?.issues.map((i) => i.path.join('.'))).toEqual(['plannedReplacementYear']);
    const nothing = bulkChangesSchema.safeParse(toBulkChanges(values({})));
    expect(nothing.error?.issues.map((i) => i.message)).toEqual(['validation.nothingToChange']);
  });
});
