import { describe, expect, it } from 'vitest';
import { COLUMNS, EXPORT_FIELDS, IMPORT_FIELDS, mapHeaders, normaliseHeader } from './columns.ts';

describe('header mapping', () => {
  it.each([
    ['Naam', 'name'],
    ['name', 'name'],
    ['  LEVERANCIER ', 'vendor'],
    ['Gebruik Status', 'lifecycle'],
    ['Gebruik_Datum ingang status', 'effectiveDate'],
    ['Pakketversie Naam', 'version'],
    ['Referentiecomponenten naam', 'referenceComponents'],
    ['Gemeente CBS', 'municipality'],
    ['Gepland vervangjaar', 'plannedReplacementYear'],
    ['Jaarlijkse kosten (€)', 'annualCost'],
    ['Kleur', undefined],
    ['Jaarlijkse kosten', 'annualCost'],
    ['Annual cost', 'annualCost'],
  ])('when a header reads %j, then it maps to %s', (header, field) => {
    const { columns } = mapHeaders([header]);
    expect([...columns.keys()][0]).toBe(field);
  });

  it('when headers come in any order with unknown ones, then each field gets its own column and the rest is ignored', () => {
    const mapping = mapHeaders(['Laag', 'Kleur', 'Naam', '', 'Leverancier']);
    expect(mapping.columns.get('name')).toEqual({ index: 2, header: 'Naam' });
    expect(mapping.columns.get('layer')?.index).toBe(0);
    expect(mapping.columns.get('vendor')?.index).toBe(4);
    expect(mapping.ignored).toEqual(['Kleur']);
  });

  it('when two headers name the same field, then the second is a duplicate', () => {
    const mapping = mapHeaders(['Naam', 'Name']);
    expect(mapping.duplicates).toEqual([{ header: 'Name', field: 'name', first: 'Naam' }]);
  });

  it('when accents and punctuation differ, then the header still matches', () => {
    expect(normaliseHeader('Référentie-Componenten')).toBe('referentie componenten');
  });

  it('when every Dutch, English and other name is listed, then no name maps to two fields', () => {
    const names = IMPORT_FIELDS.flatMap((f) => [...new Set([COLUMNS[f].dutch, COLUMNS[f].english, ...COLUMNS[f].synonyms].map(normaliseHeader))]);
    expect(new Set(names).size).toBe(names.length);
  });

  it('when an export header is read back, then it maps to the field it came from', () => {
    const { columns } = mapHeaders(EXPORT_FIELDS.map((f) => COLUMNS[f].dutch));
    expect([...columns.keys()]).toEqual([...EXPORT_FIELDS]);
  });
});
