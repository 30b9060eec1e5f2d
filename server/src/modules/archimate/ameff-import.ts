/**
 * An ArchiMate exchange file as a source of the inventory import (PRODUCT §13): read safely, its application
 * components made into the rows the import plans from, each row remembering the element it came from so that an
 * error names the element rather than a row.
 */
import type { Knex } from 'knex';
import { message } from '@tm/shared/messages/messages';
import { AppError } from '../../http/app-error.ts';
import * as applications from '../inventory/applications.repository.ts';
import { parseMunicipalityCode } from '../imports/values.ts';
import { landscapeSheet, type LandscapeSheet } from './ameff-landscape.ts';
import { readAmeff } from './ameff-reader.ts';

const BYTE_ORDER_MARKS = [[0xef, 0xbb, 0xbf], [0xff, 0xfe], [0xfe, 0xff]];

/**
 * Whether an upload is XML rather than a spreadsheet: its first character, after any byte-order mark and
 * whitespace, opens a tag. No spreadsheet starts so: an XLSX starts with a zip header, a CSV with a column name.
 */
export function looksLikeXml(content: Buffer): boolean {
  const mark = BYTE_ORDER_MARKS.find((bom) => bom.every((b, i) => content[i] === b));
  const wide = mark !== undefined && mark.length === 2;
  const text = wide
    ? new TextDecoder(mark[0] === 0xff ? 'utf-16le' : 'utf-16be').decode(content.subarray(2, 2 + 512))
    : content.subarray(mark ? 3 : 0, 256).toString('latin1');
  return text.trimStart().startsWith('<');
}

export async function readExchangeFile(
  db: Knex,
  code: string,
  content: Buffer,
  referenceComponents: readonly { id: string; name: string }[],
): Promise<LandscapeSheet> {
  const model = readAmeff(content);
  const sheet = landscapeSheet(model, { referenceComponents, knownApplicationIds: await applications.idsOf(db, code) });
  // A model names its municipality by code (ours does) or otherwise (by name); only a code that differs refuses it.
  const named = parseMunicipalityCode(sheet.municipality);
  if (named.ok && named.value !== null && named.value !== code)
    throw AppError.unprocessable(message('archimate.otherMunicipality', { found: named.value, code }));
  return sheet;
}
