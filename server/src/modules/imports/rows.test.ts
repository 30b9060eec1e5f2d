import { describe, expect, it } from 'vitest';
import { translate } from '@tm/shared/messages/messages';
import { mapHeaders } from './columns.ts';
import { readRows } from './rows.ts';

const ZAAK = { id: '11111111-1111-4111-8111-111111111111', name: 'Zaakregistratiecomponent' };
const context = { municipalityCode: 'GM0546', referenceComponents: [ZAAK] };

function read(header: string[], rows: (string | number | null)[][]) {
  return readRows({ header, rows: rows.map((cells, i) => ({ number: i + 2, cells })) }, mapHeaders(header), context);
}

describe('reading rows', () => {
  it('when a row is read, then only the columns the file has are in its values', () => {
    const { rows, errors } = read(['Naam', 'Laag', 'Referentiecomponenten'], [['Zaaksysteem', 'Proces', 'zaakregistratiecomponent']]);
    expect(errors).toEqual([]);
    expect(rows).toEqual([{ number: 2, values: { name: 'Zaaksysteem', layer: 'process', referenceComponents: [ZAAK.id] } }]);
  });

  it('when rows are blank, then they are skipped but the numbers of the others stay as the spreadsheet shows them', () => {
    const { rows } = read(['Naam'], [[null], ['  '], ['Derde']]);
    expect(rows.map((r) => r.number)).toEqual([4]);
  });

  it('when cells are wrong, then each gets its own error with row and column as the file names it', () => {
    const { errors } = read(['Name', 'Gemeente CBS', 'Layer', 'ID'], [['A', '363', 'Cloud', 'abc']]);
    expect(errors.map((e) => [e.row, e.column])).toEqual([
      [2, 'Layer'],
      [2, 'ID'],
      [2, 'Gemeente CBS'],
    ]);
    expect(translate('nl', errors[2]!.message)).toBe('Deze rij hoort bij gemeente GM0363, niet bij GM0546.');
  });

  it('when a reference component is given by its id, then it is accepted like its name', () => {
    const { rows } = read(['Naam', 'Referentiecomponent'], [['A', ZAAK.id.toUpperCase()]]);
    expect(rows[0]!.values.referenceComponents).toEqual([ZAAK.id]);
  });
});
