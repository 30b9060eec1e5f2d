/** Spreadsheets made in the tests, as CIOs' programs would save them. */
import { crc32, createDeflateRaw } from 'node:zlib';
import ExcelJS from 'exceljs';

export type Cells = (string | number | Date | null | undefined)[];

/** An XLSX whose first sheet holds these rows; an empty array leaves that row blank. */
export async function xlsx(rows: Cells[], sheetName = 'Blad1'): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(sheetName);
  rows.forEach((cells, i) => {
    cells.forEach((value, j) => {
      if (value !== undefined && value !== null) sheet.getCell(i + 1, j + 1).value = value;
    });
  });
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

export async function readXlsx(file: Buffer): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(file as unknown as ArrayBuffer);
  return workbook;
}

/** Text as Excel writes "CSV (gescheiden door lijstscheidingsteken)": `;` and CRLF; quoting where needed. */
export function csv(rows: string[][], delimiter = ';'): string {
  return rows
    .map((r) => r.map((c) => (/[";,\n\r]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c)).join(delimiter))
    .join('\r\n');
}

/** Windows-1252 bytes of text that only uses Latin-1 letters (é, ë, ü): the same code points. */
export function windows1252(text: string): Buffer {
  return Buffer.from(text, 'latin1');
}

async function deflatedZeros(size: number): Promise<Buffer> {
  const deflate = createDeflateRaw({ level: 9 });
  const chunks: Buffer[] = [];
  deflate.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise((resolve) => deflate.on('end', resolve));
  const block = Buffer.alloc(1024 * 1024);
  for (let written = 0; written < size; written += block.length) {
    if (!deflate.write(block)) await new Promise((resolve) => deflate.once('drain', resolve));
  }
  deflate.end();
  await done;
  return Buffer.concat(chunks);
}

/** One entry of a ZIP archive: its name and its deflated bytes, with the size and CRC they claim to unpack to. */
type ZipEntry = { name: string; data: Buffer; size: number; crc: number };

async function deflatedEntry(name: string, chunks: () => Iterable<string>): Promise<ZipEntry> {
  const deflate = createDeflateRaw({ level: 9 });
  const out: Buffer[] = [];
  deflate.on('data', (c: Buffer) => out.push(c));
  const done = new Promise((resolve) => deflate.on('end', resolve));
  let size = 0;
  let crc = 0;
  for (const text of chunks()) {
    const bytes = Buffer.from(text, 'utf8');
    size += bytes.length;
    crc = crc32(bytes, crc);
    if (!deflate.write(bytes)) await new Promise((resolve) => deflate.once('drain', resolve));
  }
  deflate.end();
  await done;
  return { name, data: Buffer.concat(out), size, crc };
}

function zipOf(entries: ZipEntry[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const { name, data, size, crc } of entries) {
    const nameBytes = Buffer.from(name);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(nameBytes.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(data.length, 20);
    central.writeUInt32LE(size, 24);
    central.writeUInt16LE(nameBytes.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, nameBytes, data);
    centrals.push(central, nameBytes);
    offset += local.length + nameBytes.length + data.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

/**
 * A well-formed XLSX whose one sheet repeats a row of inventory `rows` times: the "row bomb" of the security review,
 * a few hundred kilobytes that unpack to as much XML as `rows` asks for (about 300 bytes a row).
 */
export async function xlsxRowBomb(rows: number): Promise<Buffer> {
  const fixed = (name: string, xml: string) => deflatedEntry(name, () => [xml]);
  const header = '<row r="1"><c r="A1" t="inlineStr"><is><t>Naam</t></is></c><c r="B1" t="inlineStr"><is><t>Leverancier</t></is></c><c r="C1" t="inlineStr"><is><t>Status</t></is></c></row>';
  const row = (n: number) =>
    `<row r="${n}"><c r="A${n}" t="inlineStr"><is><t>Zaaksysteem ${n}</t></is></c><c r="B${n}" t="inlineStr"><is><t>Leverancier</t></is></c><c r="C${n}" t="inlineStr"><is><t>Legacy</t></is></c></row>`;
  return zipOf([
    await fixed('[Content_Types].xml', '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>'),
    await fixed('_rels/.rels', '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>'),
    await fixed('xl/workbook.xml', '<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Blad1" sheetId="1" r:id="rId1"/></sheets></workbook>'),
    await fixed('xl/_rels/workbook.xml.rels', '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>'),
    await deflatedEntry('xl/worksheets/sheet1.xml', function* () {
      yield `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${header}`;
      for (let n = 2; n <= rows + 1; n += 1000)
        yield Array.from({ length: Math.min(1000, rows + 2 - n) }, (_, i) => row(n + i)).join('');
      yield '</sheetData></worksheet>';
    }),
  ]);
}

/** A ZIP whose entries claim to be an XLSX workbook but unpack to `unpackedBytes` of zeros: a zip bomb. */
export async function zipBomb(unpackedBytes: number, declaredSize = unpackedBytes): Promise<Buffer> {
  const data = await deflatedZeros(unpackedBytes);
  return zipOf(['[Content_Types].xml', 'xl/workbook.xml', 'xl/worksheets/sheet1.xml'].map((name) => ({ name, data, size: declaredSize, crc: 0 })));
}
