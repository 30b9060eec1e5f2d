import { describe, expect, it } from 'vitest';
import { repeatOnAnotherDatabase } from '@tm/db/test-repeat';
import type { Sheet } from './parse-spreadsheet.ts';
import { fileKey, recentSheets } from './recent-sheets.ts';

const sheetOf = (text: string): Sheet => ({ header: ['Naam'], rows: [{ number: 2, cells: [text] }] });

describe.skipIf(repeatOnAnotherDatabase)('the sheets of the files read last', () => {
  it('when the same bytes come again, then they have the same key, and other bytes another', () => {
    expect(fileKey(Buffer.from('Naam\nA'))).toBe(fileKey(new Uint8Array(Buffer.from('Naam\nA'))));
    expect(fileKey(Buffer.from('Naam\nA'))).not.toBe(fileKey(Buffer.from('Naam\nB')));
  });

  it('when more sheets are read than are kept, then the one used longest ago goes', () => {
    const recent = recentSheets(2, 1_000_000);
    const [a, b, c] = [sheetOf('a'), sheetOf('b'), sheetOf('c')];
    recent.set('a', a);
    recent.set('b', b);
    expect(recent.get('a')).toBe(a);
    recent.set('c', c);
    expect([recent.get('a'), recent.get('b'), recent.get('c')]).toEqual([a, undefined, c]);
  });

  it('when sheets weigh more together than may be kept, then the oldest go, and one heavier than that is not kept', () => {
    const recent = recentSheets(10, 200);
    recent.set('a', sheetOf('a'.repeat(40)));
    recent.set('b', sheetOf('b'.repeat(40)));
    expect(recent.get('a')).toBeUndefined();
    expect(recent.get('b')).toBeDefined();
    recent.set('huge', sheetOf('x'.repeat(200)));
    expect(recent.get('huge')).toBeUndefined();
    expect(recent.get('b')).toBeDefined();
  });

  it('when a sheet has a header and no rows, then it is kept too', () => {
    const recent = recentSheets(2, 1_000_000);
    const headerOnly: Sheet = { header: ['Naam'], rows: [] };
    recent.set('empty', headerOnly);
    expect(recent.get('empty')).toBe(headerOnly);
  });
});
