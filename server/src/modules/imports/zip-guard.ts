/**
 * Checks an XLSX (a ZIP archive) before a spreadsheet library unpacks it, so a zip bomb costs a bounded amount of
 * memory and time. The sizes an archive declares can lie, so every entry is inflated here with a hard cap on what
 * it may produce; only an archive that stays within the budget is handed on.
 */
import { inflateRawSync } from 'node:zlib';

export type ZipCheck = { ok: true; names: string[] } | { ok: false; reason: 'not-a-zip' | 'too-large' | 'unsupported' };

const END_OF_CENTRAL_DIRECTORY = 0x06054b50;
const CENTRAL_HEADER = 0x02014b50;
const LOCAL_HEADER = 0x04034b50;
const MAX_ENTRIES = 2_000;

function findEndOfCentralDirectory(zip: Buffer): number {
  const earliest = Math.max(0, zip.length - 22 - 0xffff);
  for (let i = zip.length - 22; i >= earliest; i--) if (zip.readUInt32LE(i) === END_OF_CENTRAL_DIRECTORY) return i;
  return -1;
}

export function checkZip(zip: Buffer, maxUnpackedBytes: number): ZipCheck {
  if (zip.length < 22) return { ok: false, reason: 'not-a-zip' };
  const end = findEndOfCentralDirectory(zip);
  if (end < 0) return { ok: false, reason: 'not-a-zip' };
  const count = zip.readUInt16LE(end + 10);
  const directoryOffset = zip.readUInt32LE(end + 16);
  // ZIP64 markers: no spreadsheet within our upload limit needs them.
  if (count === 0xffff || directoryOffset === 0xffffffff) return { ok: false, reason: 'unsupported' };
  if (count > MAX_ENTRIES) return { ok: false, reason: 'too-large' };

  const names: string[] = [];
  let budget = maxUnpackedBytes;
  let at = directoryOffset;
  for (let n = 0; n < count; n++) {
    if (at + 46 > zip.length || zip.readUInt32LE(at) !== CENTRAL_HEADER) return { ok: false, reason: 'not-a-zip' };
    const method = zip.readUInt16LE(at + 10);
    const compressedSize = zip.readUInt32LE(at + 20);
    const nameLength = zip.readUInt16LE(at + 28);
    const extraLength = zip.readUInt16LE(at + 30);
    const commentLength = zip.readUInt16LE(at + 32);
    const localOffset = zip.readUInt32LE(at + 42);
    names.push(zip.toString('utf8', at + 46, at + 46 + nameLength));
    at += 46 + nameLength + extraLength + commentLength;

    if (localOffset + 30 > zip.length || zip.readUInt32LE(localOffset) !== LOCAL_HEADER) return { ok: false, reason: 'not-a-zip' };
    const dataStart = localOffset + 30 + zip.readUInt16LE(localOffset + 26) + zip.readUInt16LE(localOffset + 28);
    if (dataStart + compressedSize > zip.length) return { ok: false, reason: 'not-a-zip' };
    const data = zip.subarray(dataStart, dataStart + compressedSize);
    let produced: number;
    if (method === 0) produced = data.length;
    else if (method === 8) {
      try {
        produced = inflateRawSync(data, { maxOutputLength: Math.max(1, budget) }).length;
      } catch (error) {
        if ((error as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE') return { ok: false, reason: 'too-large' };
        return { ok: false, reason: 'not-a-zip' };
      }
    } else return { ok: false, reason: 'unsupported' };
    budget -= produced;
    if (budget < 0) return { ok: false, reason: 'too-large' };
  }
  return { ok: true, names };
}
