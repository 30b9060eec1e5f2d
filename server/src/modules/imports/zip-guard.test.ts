import { describe, expect, it } from 'vitest';
import { xlsx, zipBomb } from '../../../test/spreadsheets.ts';
import { checkZip } from './zip-guard.ts';

describe('zip guard', () => {
  it('when a real XLSX is checked, then it passes and its parts are listed', async () => {
    const result = checkZip(await xlsx([['Naam'], ['A']]), 10 * 1024 * 1024);
    expect(result.ok).toBe(true);
    expect(result.ok && result.names).toContain('xl/workbook.xml');
  });

  it('when an archive unpacks to more than the budget, then it is refused, also when it declares a small size', async () => {
    const bomb = await zipBomb(8 * 1024 * 1024, 10);
    expect(bomb.length).toBeLessThan(100_000);
    expect(checkZip(bomb, 4 * 1024 * 1024)).toEqual({ ok: false, reason: 'too-large' });
  });

  it('when the bytes are not a ZIP, then it says so', () => {
    expect(checkZip(Buffer.from('PK\u0003\u0004 but nothing else follows here at all'), 1000)).toEqual({ ok: false, reason: 'not-a-zip' });
  });
});
