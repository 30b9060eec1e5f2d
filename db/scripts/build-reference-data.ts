/**
 * Turns the curated reference data in ../shared/data into the project's own files, so the project runs
 * where ../shared does not exist. Run again when the source data changes: `npm run reference-data -w db`.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'csv-parse/sync';
import { sizeClassOf } from '@tm/shared/schemas/municipality';

const here = dirname(fileURLToPath(import.meta.url));
const source = process.argv[2] ?? join(here, '../../../shared/data');
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
write(join(here, '../reference/municipalities.json'), municipalities);
write(join(here, '../reference/reference-components.json'), referenceComponents);

// The map needs only the code and name of each shape.
const topology = JSON.parse(read('municipalities.topojson'));
for (const g of topology.objects.gemeente_2025.geometries) {
  g.id = g.properties.statcode;
  g.properties = { name: g.properties.statnaam };
}
writeFileSync(join(here, '../../client/map/municipalities.topo.json'), JSON.stringify(topology));

console.info(`wrote ${municipalities.length} municipalities, ${referenceComponents.length} reference components, map`);
