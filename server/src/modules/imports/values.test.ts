import { describe, expect, it } from 'vitest';
import { translate, type Message } from '@tm/shared/messages/messages';
import fc from 'fast-check';
import {
  excelSerialToIso,
  neutraliseFormula,
  parseDate,
  parseLayer,
  parseLifecycle,
  parseMunicipalityCode,
  parseNumber,
  parseStatus,
  parseText,
  parseYear,
  splitList,
} from './values.ts';

describe('numbers', () => {
  it.each([
    ['1.234,56', 1234.56],
    ['1234,5', 1234.5],
    ['1,234.56', 1234.56],
    ['12.500', 12500],
    ['1.234.567', 1234567],
    ['1,234,567', 1234567],
    ['12.50', 12.5],
    ['€ 12.500,00', 12500],
    ['12 500', 12500],
    ['0', 0],
    [' ', null],
    [42.5, 42.5],
    [null, null],
  ])('when a cell reads %j, then it is %s', (cell, value) => {
    expect(parseNumber(cell)).toEqual({ ok: true, value });
  });

  it.each(['twaalf', '1,2,3.4.5', '12a', '--1'])('when a cell reads %j, then it is an error', (cell) => {
    expect(parseNumber(cell).ok).toBe(false);
  });

  it('when any amount with cents is written the Dutch way, then it reads back exactly', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10_000_000_000 }), (cents) => {
        const value = cents / 100;
        const dutch = value.toLocaleString('nl-NL', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
        expect(parseNumber(dutch)).toEqual({ ok: true, value });
      }),
    );
  });
});

describe('years', () => {
  it('when a year is text, a number or a date, then it is the year; a fraction is an error', () => {
    expect(parseYear('2027')).toEqual({ ok: true, value: 2027 });
    expect(parseYear(2027)).toEqual({ ok: true, value: 2027 });
    expect(parseYear(new Date(Date.UTC(2028, 0, 1)))).toEqual({ ok: true, value: 2028 });
    expect(parseYear('2027,5').ok).toBe(false);
    expect(parseYear('volgend jaar').ok).toBe(false);
  });
});

describe('dates', () => {
  it.each([
    ['2023-06-15', '2023-06-15'],
    ['15-06-2023', '2023-06-15'],
    ['5-6-2023', '2023-06-05'],
    ['15/06/2023', '2023-06-15'],
    ['15.06.2023', '2023-06-15'],
    ['15-06-23', '2023-06-15'],
    ['01-01-95', '1995-01-01'],
    ['45092', '2023-06-15'],
    [45092, '2023-06-15'],
    [new Date(Date.UTC(2023, 5, 15)), '2023-06-15'],
    ['', null],
  ])('when a cell reads %j, then the date is %s', (cell, iso) => {
    expect(parseDate(cell)).toEqual({ ok: true, value: iso });
  });

  it.each(['31-02-2023', '2023-13-01', 'gisteren', '15 juni 2023', -3, 45092.5])('when a cell reads %j, then it is an error', (cell) => {
    expect(parseDate(cell).ok).toBe(false);
  });

  it('when Excel serials are converted, then they agree with known dates around the 1900 leap-year quirk', () => {
    expect(excelSerialToIso(61)).toBe('1900-03-01');
    expect(excelSerialToIso(36526)).toBe('2000-01-01');
  });
});

describe('labels', () => {
  it('when Dutch UI labels, English labels or API codes are given, then they read as the code', () => {
    expect(parseLayer('Proces')).toEqual({ ok: true, value: 'process' });
    expect(parseLayer('integration')).toEqual({ ok: true, value: 'integration' });
    expect(parseStatus('In transitie')).toEqual({ ok: true, value: 'in_transition' });
    expect(parseStatus('in_transition')).toEqual({ ok: true, value: 'in_transition' });
    expect(parseStatus('Common Ground')).toEqual({ ok: true, value: 'compliant' });
    expect(parseStatus('')).toEqual({ ok: true, value: null });
  });

  it.each([
    ['Gepland', 'planned'],
    ['Verwerving', 'planned'],
    ['In productie', 'in_production'],
    ['Uit te faseren', 'phasing_out'],
    ['uitgefaseerd', 'phased_out'],
  ])('when the Softwarecatalogus usage status is %s, then the lifecycle is %s', (cell, value) => {
    expect(parseLifecycle(cell)).toEqual({ ok: true, value });
  });

  it('when a label is unknown, then the message lists the Dutch labels, in Dutch or English', () => {
    const result = parseLayer('Wolk');
    expect(result.ok).toBe(false);
    const reason = (result as { message: Message }).message;
    expect(translate('nl', reason)).toBe('Onbekende waarde "Wolk"; kies Interactie, Proces, Integratie, Services of Data.');
    expect(translate('en', reason)).toBe('Unknown value "Wolk"; choose Interactie, Proces, Integratie, Services, or Data.');
  });
});

describe('other cells', () => {
  it('when a municipality code is GM0546, 0546, 546 or the number 546, then it is GM0546', () => {
    for (const cell of ['GM0546', '0546', '546', 546, 'gm0546']) expect(parseMunicipalityCode(cell)).toEqual({ ok: true, value: 'GM0546' });
    expect(parseMunicipalityCode('Leiden').ok).toBe(false);
  });

  it('when a list is separated by semicolons, commas or line breaks, then each item is trimmed', () => {
    expect(splitList('Zaakregistratiecomponent; Documentregistratiecomponent,\nKlantinteractiecomponent')).toEqual([
      'Zaakregistratiecomponent',
      'Documentregistratiecomponent',
      'Klantinteractiecomponent',
    ]);
  });

  it('when a cell would run as a formula, then the export prefixes it and the import takes the prefix off again', () => {
    for (const text of ['=HYPERLINK("x")', '+31', '-1', '@SUM(A1)', '\tx', '\rx']) {
      expect(neutraliseFormula(text)).toBe(`'${text}`);
      expect(parseText(neutraliseFormula(text))).toBe(text.trim());
    }
    expect(neutraliseFormula("O'Neill")).toBe("O'Neill");
    expect(parseText("'gewoon")).toBe("'gewoon");
  });
});
