import { describe, expect, it } from 'vitest';
import type { Application } from '@tm/shared/schemas/application';
import { toUpdateInput, valuesOf } from './application-form-values.ts';

const app: Application = {
  id: '00000000-0000-4000-8000-000000000001',
  municipalityCode: 'GM0546',
  name: 'Zaaksysteem',
  vendor: 'Leverancier',
  product: null,
  version: null,
  referenceComponentIds: [],
  layer: 'process',
  status: 'legacy',
  lifecycle: 'in_production',
  criteria: {},
  inUseSince: '2019-01-01',
  retiredAt: null,
  replacedBy: null,
  plannedReplacementYear: 2027,
  annualCost: 1234.5,
  notes: null,
  productVersionId: null,
  createdAt: '2025-01-01T00:00:00.000Z',
  updatedAt: '2025-01-01T00:00:00.000Z',
};

describe('toUpdateInput', () => {
  it('when nothing changed, then nothing is sent', () => {
    expect(toUpdateInput(valuesOf(app, '2026-01-01'), app)).toEqual({});
  });

  it('when only the vendor changed, then only the vendor is sent, without an effective date', () => {
    expect(toUpdateInput({ ...valuesOf(app, '2026-01-01'), vendor: ' Ander ' }, app)).toEqual({ vendor: 'Ander' });
  });

  it('when the status changed, then the effective date goes along', () => {
    expect(toUpdateInput({ ...valuesOf(app, '2025-06-15'), status: 'compliant' }, app)).toEqual({
      status: 'compliant',
      effectiveDate: '2025-06-15',
    });
  });

  it('when a field is emptied, then it is sent as null', () => {
    expect(toUpdateInput({ ...valuesOf(app, '2026-01-01'), plannedReplacementYear: '', layer: '' }, app)).toEqual({
      plannedReplacementYear: null,
      layer: null,
    });
  });
});
