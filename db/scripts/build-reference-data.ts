/**
 * Turns the curated reference data in ../shared/data into the project's own files, so the project runs
 * where ../shared does not exist. Run again when the source data changes: `npm run reference-data -w db`.
 *
 * With `--newer-list`, it instead compares a newer CBS municipality list with the register and writes the register
 * update it implies (mergers, renames, populations) for an admin to review and apply:
 * `npm run reference-data -w db -- --newer-list gemeenten-2027.csv --date 2027-01-01 [--previous register.json]
 * [--source "…"] [--out file.json]`.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { parse } from 'csv-parse/sync';
import { registerUpdateSchema } from '@tm/shared/schemas/municipality-merger';
import { sizeClassOf } from '@tm/shared/schemas/municipality';
import { readMunicipalityList, readRegisterJson } from './municipality-list.ts';
import { inferRegisterUpdate } from './register-update.ts';

const here = dirname(fileURLToPath(import.meta.url));
const referenceRegister = join(here, '../reference/municipalities.json');

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    'newer-list': { type: 'string' },
    date: { type: 'string' },
    previous: { type: 'string', default: referenceRegister },
    source: { type: 'string' },
    out: { type: 'string' },
  },
});

if (values['newer-list']) writeRegisterUpdate(values['newer-list']);
else buildReferenceData(positionals[0] ?? join(here, '../../../shared/data'));

function writeRegisterUpdate(newerList: string): void {
  const date = values.date;
  if (!date) throw new Error('--date: the date of the newer list, such as 2027-01-01');
  const previousText = readFileSync(values.previous, 'utf8');
  const previous = values.previous.endsWith('.json') ? readRegisterJson(previousText) : readMunicipalityList(previousText);
  const next = readMunicipalityList(readFileSync(newerList, 'utf8'));
  const source =
    values.source ??
    `Bron: CBS, gemeentelijke indeling en bevolking op ${date} (StatLine 03759NED), licentie CC BY 4.0`;
  const update = registerUpdateSchema.parse(inferRegisterUpdate(previous, next, { date, source }));
  const out = values.out ?? `register-update-${date}.json`;
  writeFileSync(out, JSON.stringify(update, null, 2) + '\n');
  console.info(
    `wrote ${out}: ${update.mergers.length} mergers, ${update.renames.length} renames, ${update.populations.length} populations` +
      (update.unresolved.length > 0 ? `; ${update.unresolved.length} things to settle by hand first (see "unresolved")` : ''),
  );
}

function buildReferenceData(source: string): void {
  const read = (file: string) => readFileSync(join(source, file), 'utf8');
  const rows = (file: string): Record<string, string>[] => parse(read(file), { columns: true, skip_empty_lines: true });

  const municipalities = rows('municipalities.csv').map((r) => ({
    code: r.code,
    name: r.name,
    province: r.province,
    provinceCode: r.province_code,
    population: Number(r.population),
    sizeClass: sizeClassOf(Number(r.population)),
  }));
  if (municipalities.length !== 342) throw new Error(`expected 342 municipalities, got ${municipalities.length}`);

  const referenceComponents = rows('reference-components.csv').map((r) => ({
    id: r.id,
    name: r.name,
    description: r.description,
    group: r.group,
    gemmaStatus: r.status,
  }));

  const write = (path: string, data: unknown) => writeFileSync(path, JSON.stringify(data, null, 1) + '\n');
  write(referenceRegister, municipalities);
  write(join(here, '../reference/reference-components.json'), referenceComponents);

  // The map needs only the code and name of each shape.
  const topology = JSON.parse(read('municipalities.topojson'));
  for (const g of topology.objects.gemeente_2025.geometries) {
    g.id = g.properties.statcode;
    g.properties = { name: g.properties.statnaam };
  }
  writeFileSync(join(here, '../../client/map/municipalities.topo.json'), JSON.stringify(topology));

  console.info(`wrote ${municipalities.length} municipalities, ${referenceComponents.length} reference components, map`);
}
