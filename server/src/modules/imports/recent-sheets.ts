/**
 * The sheets of the files read last, by the hash of their bytes. An import is a dry run and then, mostly, the commit
 * of the same file: the commit takes the rows the dry run read instead of sending the file through a reading thread
 * again. Nothing changes a sheet once it is read, so one object serves every request for its file. Bounded by what
 * the sheets take in memory, since a single one may hold millions of characters.
 */
import { createHash } from 'node:crypto';
import type { Sheet } from './parse-spreadsheet.ts';

/** The identity of a file: its bytes. */
export function fileKey(file: Uint8Array): string {
  return createHash('sha256').update(file).digest('base64');
}

/** About what a sheet takes: a slot per cell, two bytes per character. */
function weightOf(sheet: Sheet): number {
  let weight = 0;
  for (const row of sheet.rows) {
    weight += 16 + row.cells.length * 8;
    for (const cell of row.cells) if (typeof cell === 'string') weight += cell.length * 2;
  }
  return weight;
}

export class RecentSheets {
  /** Oldest first: a sheet read again moves to the end. */
  private readonly kept = new Map<string, { sheet: Sheet; weight: number }>();
  private weight = 0;

  constructor(
    private readonly maxSheets: number,
    private readonly maxWeight: number,
  ) {}

  get(key: string): Sheet | undefined {
    const entry = this.kept.get(key);
    if (!entry) return undefined;
    this.kept.delete(key);
    this.kept.set(key, entry);
    return entry.sheet;
  }

  keep(key: string, sheet: Sheet): void {
    const weight = weightOf(sheet);
    if (weight > this.maxWeight || this.kept.has(key)) return;
    this.kept.set(key, { sheet, weight });
    this.weight += weight;
    for (const [oldest, entry] of this.kept) {
      if (this.kept.size <= this.maxSheets && this.weight <= this.maxWeight) break;
      this.kept.delete(oldest);
      this.weight -= entry.weight;
    }
  }
}
