/**
 * `npm run map-shapes --workspace client`: projects the municipal boundaries (map/municipalities.topo.json) once,
 * into the SVG paths the national map draws (public/geo/municipalities.shapes.json). Projecting 342 municipalities
 * in the browser took a phone's main thread for most of a second; the paths are a file like any other.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { geoMercator, geoPath } from 'd3-geo';
import type { FeatureCollection, Geometry } from 'geojson';
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import { MAP_HEIGHT, MAP_WIDTH, type MapShapes } from '../src/features/progress/api/get-map-shapes.ts';

const root = resolve(import.meta.dirname, '..');
const topology = JSON.parse(readFileSync(resolve(root, 'map/municipalities.topo.json'), 'utf8')) as Topology;
const collection = feature(topology, topology.objects.gemeente_2025 as GeometryCollection<{ name: string }>) as FeatureCollection<Geometry, { name: string }>;
const projection = geoMercator().fitSize([MAP_WIDTH, MAP_HEIGHT], collection);
// A tenth of a map unit is well under a pixel at the size the map is drawn.
const path = geoPath(projection).digits(1);
const shapes: MapShapes = collection.features
  .map((f) => ({ code: String(f.id), name: f.properties.name, d: path(f) ?? '' }))
  .sort((a, b) => a.code.localeCompare(b.code));
writeFileSync(resolve(root, 'public/geo/municipalities.shapes.json'), `${JSON.stringify(shapes)}\n`);
console.info(`${shapes.length} municipalities written`);
