/**
 * The worker thread's task (run by the pool in read-file.ts): a file in, its rows or the reason it is refused out.
 * A refusal travels as plain data; an error class does not survive the trip between threads.
 */
import { parseSpreadsheet, type Sheet, SpreadsheetRefusal } from './parse-spreadsheet.ts';

export type Reading = { sheet: Sheet } | { refused: { status: SpreadsheetRefusal['status']; detail: SpreadsheetRefusal['detail'] } };

export default async function readInWorker(file: Uint8Array): Promise<Reading> {
  try {
    return { sheet: await parseSpreadsheet(Buffer.from(file.buffer, file.byteOffset, file.byteLength)) };
  } catch (error) {
    if (error instanceof SpreadsheetRefusal) return { refused: { status: error.status, detail: error.detail } };
    throw error;
  }
}
