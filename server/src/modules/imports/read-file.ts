/**
 * Reads an uploaded spreadsheet into rows of cells (parse-spreadsheet.ts) in a worker thread with a memory limit
 * and a time limit, so that no file, however it was made, can stall or exhaust the server: the event loop stays
 * free for every other request, and a worker that runs out of memory or time is ended and replaced. A refused file
 * is a 413, 415 or 422 problem document saying why.
 */
import Piscina from 'piscina';
import { message } from '@tm/shared/messages/messages';
import { AppError } from '../../http/app-error.ts';
import { MAX_DATA_ROWS, type Sheet, type SheetRow } from './parse-spreadsheet.ts';
import { fileKey, recentSheets } from './recent-sheets.ts';
import type { Reading } from './spreadsheet-worker.ts';

export { MAX_DATA_ROWS, type Sheet, type SheetRow };

/** 20,000 rows stream in within seconds; a file still being read after this is working against us. */
const READ_TIMEOUT_MS = 30_000;
/** Files read at the same time, and waiting: the two cores are shared with everything else. */
const THREADS = 2;
const WAITING = 8;

// From the TypeScript sources (development, tests) the worker is a .ts file that tsx loads; the bundle builds it
// next to the server as a plain module.
const fromSources = import.meta.url.endsWith('.ts');
const WORKER = new URL(fromSources ? './spreadsheet-worker.ts' : './spreadsheet-worker.mjs', import.meta.url);

let pool: Piscina<Uint8Array, Reading> | undefined;

/**
 * A dry run's sheet, for the commit of the same file that mostly follows it: a 10,000-row XLSX takes a reading
 * thread 0.3 s, and the server as long again to take its rows over. A few, of at most a few million cells together.
 */
const recent = recentSheets(4, 64 * 1024 * 1024);

function readers(): Piscina<Uint8Array, Reading> {
  pool ??= new Piscina({
    filename: WORKER.href,
    // None until the first import, and none kept long after the last: most starts never read a spreadsheet.
    minThreads: 0,
    maxThreads: THREADS,
    idleTimeout: 60_000,
    maxQueue: WAITING,
    // Tasks are asynchronous (streams): the worker's event loop must run between them.
    atomics: 'disabled',
    resourceLimits: { maxOldGenerationSizeMb: 256, maxYoungGenerationSizeMb: 32, stackSizeMb: 4 },
    ...(fromSources ? { execArgv: [...process.execArgv, '--import', 'tsx'] } : {}),
  });
  return pool;
}

/** The file's header and rows; a file read lately (the dry run before its commit) is not read again. */
export async function readSpreadsheet(file: Buffer): Promise<Sheet> {
  const key = fileKey(file);
  const kept = recent.get(key);
  if (kept) return kept;
  const sheet = await readInWorker(file);
  recent.set(key, sheet);
  return sheet;
}

async function readInWorker(file: Buffer): Promise<Sheet> {
  const workers = readers();
  if (workers.queueSize >= WAITING) throw AppError.unavailable(message('imports.readersBusy'));
  let reading: Reading;
  try {
    reading = await workers.run(new Uint8Array(file), { signal: AbortSignal.timeout(READ_TIMEOUT_MS) });
  } catch (error) {
    throw refusalOf(error);
  }
  if ('refused' in reading) throw AppError.withStatus(reading.refused.status, reading.refused.detail);
  return reading.sheet;
}

function refusalOf(error: unknown): unknown {
  const { code, name } = (error ?? {}) as { code?: unknown; name?: unknown };
  if (code === 'ERR_WORKER_OUT_OF_MEMORY')
    return AppError.contentTooLarge(message('imports.needsTooMuchMemory'));
  if (name === 'AbortError' || name === 'TimeoutError')
    return AppError.unprocessable(message('imports.tookTooLong', { seconds: READ_TIMEOUT_MS / 1000 }));
  return error;
}

/** Ends the reading threads, for a server that stops. */
export async function stopReadingSpreadsheets(): Promise<void> {
  await pool?.destroy();
  pool = undefined;
}
