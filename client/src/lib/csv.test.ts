import { describe, expect, it } from 'vitest';
import { toCsv } from './csv.ts';

describe('toCsv', () => {
  it('when rows have text, numbers and gaps, then it writes semicolon lines after a BOM', () => {
    const csv = toCsv([{ a: 'Leiden', b: 0.234 }, { a: 'Zeist; "Utrecht"', b: null }], [
      { header: 'Gemeente', value: (r) => r.a },
      { header: 'Aandeel', value: (r) => r.b },
    ]);
    expect(csv).toBe('\uFEFFGemeente;Aandeel\r\nLeiden;0.234\r\n"Zeist; ""Utrecht""";\r\n');
  });

  it('when a text starts like a formula, then it is neutralised; a negative number is left alone', () => {
    const csv = toCsv([{ a: '=HYPERLINK("x")', b: -3 }], [
      { header: 'a', value: (r) => r.a },
      { header: 'b', value: (r) => r.b },
    ]);
    expect(csv.split('\r\n')[1]).toBe(`"'=HYPERLINK(""x"")";-3`);
  });
});
