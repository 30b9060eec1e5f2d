import { describe, expect, it } from 'vitest';
import { translate } from '@tm/shared/messages/messages';
import { COLUMNS } from './columns.ts';
import { mergeRows } from './merge.ts';

const header = (field: keyof typeof COLUMNS) => COLUMNS[field].dutch;
const ZAAK = '11111111-1111-4111-8111-111111111111';
const DOC = '22222222-2222-4222-8222-222222222222';

describe('merging rows of one application', () => {
  it('when the Softwarecatalogus lists a package version once per reference component, then one application has them all', () => {
    const { applications, errors } = mergeRows(
      [
        { number: 2, key: 'new:suite', values: { name: 'Suite', vendor: 'Centric', version: '4.2', lifecycle: 'in_production', referenceComponents: [ZAAK] } },
        { number: 3, key: 'new:other', values: { name: 'Ander', referenceComponents: [] } },
        { number: 4, key: 'new:suite', values: { name: 'Suite', vendor: 'Centric', version: '4.2', lifecycle: 'in_production', referenceComponents: [DOC, ZAAK] } },
      ],
      header,
    );
    expect(errors).toEqual([]);
    expect(applications).toEqual([
      { key: 'new:suite', rows: [2, 4], values: { name: 'Suite', vendor: 'Centric', version: '4.2', lifecycle: 'in_production', referenceComponents: [ZAAK, DOC].sort() } },
      { key: 'new:other', rows: [3], values: { name: 'Ander', referenceComponents: [] } },
    ]);
  });

  it('when two rows give different values for a field, then the later row has an error naming the earlier one; a blank is no conflict', () => {
    const { applications, errors } = mergeRows(
      [
        { number: 5, key: 'k', values: { name: 'App', layer: 'data', annualCost: null, status: null } },
        { number: 9, key: 'k', values: { name: 'APP', layer: 'process', annualCost: 100, status: 'compliant' } },
        { number: 12, key: 'k', values: { name: 'App', layer: null, annualCost: 200 } },
      ],
      header,
    );
    expect(errors.map((e) => ({ ...e, message: translate('en', e.message) }))).toEqual([
      { row: 9, column: 'Laag', message: 'Row 5 describes the same application with "Data"; this row says "Proces".' },
      { row: 12, column: 'Jaarlijkse kosten', message: 'Row 9 describes the same application with "100"; this row says "200".' },
    ]);
    expect(translate('nl', errors[0]!.message)).toBe('Rij 5 beschrijft dezelfde applicatie met "Data"; deze rij zegt "Proces".');
    expect(applications[0]!.values).toMatchObject({ layer: 'data', annualCost: 100, status: 'compliant' });
  });
});
