/**
 * The sheets of the files read last, by the hash of their bytes. An import is a dry run and then, mostly, the commit
 * of the same file: the commit takes the rows the dry run read instead of sending the file through a reading thread
 * again. Nothing changes a sheet once it is read, so one object serves every request for its file. Bounded by what
 * the sheets take in memory, since a single one may hold millions of characters.
 */
import { createHash } from 'node:crypto';
import { LRUCache } from 'lru-cache';
import type { Sheet } from './parse-spreadsheet.ts';

/** The identity of a file: its bytes. */
export function fileKey(file: Uint8Array): string {
  return createHash('sha256').update(file).digest('base64');
}

/**
 * About what a sheet takes: a slot per cell, two bytes per character. The sheet counts a slot of its own, so that
 * one of a header alone weighs something: the cache refuses a size of nothing.
 */
function weightOf(sheet: Sheet): number {
  let weight = 16;
  for (const row of sheet.rows) {
    weight += 16 + row.cells.length * 8;
    for (const cell of row.cells) if (typeof cell === 'string') weight += cell.length * 2;
  }
  return weight;
}

/** At most `maxSheets` sheets of at most `maxWeight` together, the one used longest ago going first; a heavier one is not kept. */
export function recentSheets(maxSheets: number, maxWeight: number): LRUCache<string, Sheet> {
  return new LRUCache<string, Sheet>({ max: maxSheets, maxSize: maxWeight, sizeCalculation: weightOf });
}
