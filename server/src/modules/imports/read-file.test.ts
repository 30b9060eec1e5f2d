import { describe, expect, it } from 'vitest';
import { repeatOnAnotherDatabase } from '@tm/db/test-repeat';
import { xlsx, xlsxRowBomb } from '../../../test/spreadsheets.ts';
import { AppError } from '../../http/app-error.ts';
import { readSpreadsheet } from './read-file.ts';

async function refusal(file: Buffer): Promise<AppError> {
  const error = await readSpreadsheet(file).then(() => undefined, (e: unknown) => e);
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

describe.skipIf(repeatOnAnotherDatabase)('reading a spreadsheet in a worker thread', () => {
  it('when an XLSX of inventory rows is read, then its header and rows come back with dates as dates', async () => {
    const sheet = await readSpreadsheet(await xlsx([['Naam', 'Ingangsdatum'], ['Zaaksysteem', new Date(Date.UTC(2021, 2, 4))], [], ['Burgerzaken', 12.5]]));
    expect(sheet.header).toEqual(['Naam', 'Ingangsdatum']);
    expect(sheet.rows).toEqual([
      { number: 2, cells: ['Zaaksysteem', new Date(Date.UTC(2021, 2, 4))] },
      { number: 4, cells: ['Burgerzaken', 12.5] },
    ]);
  });

  it('when a small file repeats a row far past 20,000, then the reading stops there: 413 saying so, within seconds', async () => {
    const bomb = await xlsxRowBomb(150_000);
    // Well within the upload limit of 10 MB, and within what the zip guard lets through: only counting rows stops it.
    expect(bomb.length).toBeLessThan(10 * 1024 * 1024);
    const started = Date.now();
    const error = await refusal(bomb);
    expect(error).toMatchObject({ status: 413, message: 'The file has more than 20,000 rows; import at most that many at once.' });
    expect(Date.now() - started).toBeLessThan(15_000);
  });

  it('when it unpacks to more than 20,000 rows can need, then 413 before any row is parsed', async () => {
    const bomb = await xlsxRowBomb(450_000);
    const error = await refusal(bomb);
    expect(error).toMatchObject({ status: 413, message: 'This XLSX file unpacks to far more data than a spreadsheet of 20,000 rows holds.' });
  });

  it('when two bombs are read at once, then both are refused and a good file read after them is read', async () => {
    const [a, b] = await Promise.all([xlsxRowBomb(150_000), xlsxRowBomb(100_000)]);
    const errors = await Promise.all([refusal(a), refusal(b)]);
    expect(errors.map((e) => e.status)).toEqual([413, 413]);
    expect((await readSpreadsheet(await xlsx([['Naam'], ['A']]))).rows).toHaveLength(1);
  });

  it('when the file is not a spreadsheet, then the refusal says what it looks like', async () => {
    expect(await refusal(Buffer.from('%PDF-1.7 ...'))).toMatchObject({ status: 415, message: expect.stringMatching(/PDF/) });
    expect(await refusal(Buffer.alloc(0))).toMatchObject({ status: 422, detail: { key: 'imports.emptyFile' } });
  });
});
