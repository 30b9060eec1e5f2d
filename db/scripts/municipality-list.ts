/**
 * Reads a municipality list as CBS publishes it, or as the project keeps it: one row per municipality with its code,
 * name, province and population. Headers in the project's words (`code,name,province,population`) or CBS's
 * (`GemeentecodeGM;Gemeentenaam;Provincienaam;…`), separated by commas or semicolons.
 */
import { parse } from 'csv-parse/sync';
import { municipalitySchema, type Province, provinceSchema } from '@tm/shared/schemas/municipality';

export type RegisterEntry = { code: string; name: string; province: Province; population: number };

const COLUMNS: Record<keyof RegisterEntry, readonly string[]> = {
  code: ['code', 'gemeentecodegm', 'gemeentecode', 'statcode'],
  name: ['name', 'gemeentenaam', 'naam', 'statnaam'],
  province: ['province', 'provincienaam', 'provincie'],
  population: ['population', 'bevolking', 'bevolkingop1januari', 'inwoners'],
};

const headerKey = (header: string) => header.replace(/^\uFEFF/, '').toLowerCase().replace(/[^a-z0-9]/g, '');

/** `GM0014`, `0014` and `14` are the same CBS code. */
function codeOf(value: string): string | undefined {
  const digits = /^(?:GM)?(\d{1,4})$/i.exec(value.trim())?.[1];
  return digits ? `GM${digits.padStart(4, '0')}` : undefined;
}

function provinceOf(value: string): Province | undefined {
  const parsed = provinceSchema.safeParse(value.trim() === 'Friesland' ? 'Fryslân' : value.trim());
  return parsed.success ? parsed.data : undefined;
}

/** Inhabitants as a whole number, with or without thousands separators (`12.345`, `12,345`, `12 345`). */
function populationOf(value: string): number | undefined {
  const digits = value.trim().replace(/[.,\s]/g, '');
  return /^\d+$/.test(digits) ? Number(digits) : undefined;
}

/** The rows of a list; a list with any unreadable row throws, naming every such row as a spreadsheet numbers it. */
export function readMunicipalityList(text: string): RegisterEntry[] {
  const firstLine = text.split('\n', 1)[0] ?? '';
  const records: string[][] = parse(text, {
    delimiter: firstLine.includes(';') ? ';' : ',',
    bom: true,
    skip_empty_lines: true,
    relax_column_count: true,
    trim: true,
  });
  const [header = [], ...rows] = records;
  const keys = header.map(headerKey);
  const problems: string[] = [];
  const index = Object.fromEntries(
    Object.entries(COLUMNS).map(([field, names]) => {
      const at = keys.findIndex((k) => names.includes(k));
      if (at < 0) problems.push(`no column for ${field} (one of: ${names.join(', ')})`);
      return [field, at];
    }),
  ) as Record<keyof RegisterEntry, number>;
  if (problems.length > 0) throw new Error(`The list's header row: ${problems.join('; ')}`);

  const entries: RegisterEntry[] = [];
  const seen = new Set<string>();
  rows.forEach((row, i) => {
    const at = `row ${i + 2}`;
    const cell = (field: keyof RegisterEntry) => row[index[field]] ?? '';
    const code = codeOf(cell('code'));
    const province = provinceOf(cell('province'));
    const population = populationOf(cell('population'));
    const name = cell('name');
    if (!code) problems.push(`${at}: "${cell('code')}" is not a CBS municipality code`);
    else if (seen.has(code)) problems.push(`${at}: ${code} is listed twice`);
    if (!name) problems.push(`${at}: the name is empty`);
    if (!province) problems.push(`${at}: "${cell('province')}" is not a province`);
    if (population === undefined) problems.push(`${at}: "${cell('population')}" is not a number of inhabitants`);
    if (code && name && province && population !== undefined) entries.push({ code, name, province, population });
    if (code) seen.add(code);
  });
  if (problems.length > 0) throw new Error(`The list has rows that cannot be read:\n${problems.join('\n')}`);
  return entries;
}

/** The register a newer list is compared with: the project's reference file, or `GET /api/v1/municipalities`. */
const registerEntries = municipalitySchema.pick({ code: true, name: true, province: true, population: true }).array();

export function readRegisterJson(text: string): RegisterEntry[] {
  const parsed: unknown = JSON.parse(text);
  return registerEntries.parse(Array.isArray(parsed) ? parsed : (parsed as { items?: unknown }).items);
}
