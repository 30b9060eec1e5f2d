/**
 * Exchange files and landscapes made in the tests: an Archi-style model of our own (identifiers, property
 * definitions, organizations and a view as Archi writes them when it exports to the Open Exchange Format), and
 * random applications as the inventory holds them.
 */
import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { LAYERS, LIFECYCLES, STATUSES, type Application } from '@tm/shared/schemas/application';
import referenceData from '../../db/reference/reference-components.json' with { type: 'json' };

export const referenceComponents = referenceData.map((c) => ({ id: c.id, name: c.name, description: c.description }));
export const referenceComponentNamed = (name: string) => referenceComponents.find((c) => c.name === name)!;

/** Archi's identifiers: `id-` and 32 hexadecimal digits. */
export function archiId(seed: string): string {
  return `id-${createHash('sha256').update(seed).digest('hex').slice(0, 32)}`;
}

export type ArchiElement = { id: string; type: string; name: string; documentation?: string; properties?: Record<string, string> };
export type ArchiRelationship = { id: string; type: string; source: string; target: string };

const escape = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** A model as Archi exports it: every property definition a string, names in the model's language, a view of it all. */
export function archiModel(model: { name: string; elements: ArchiElement[]; relationships: ArchiRelationship[] }): string {
  const propertyNames = [...new Set(model.elements.flatMap((e) => Object.keys(e.properties ?? {})))];
  const propid = (name: string) => `propid-${propertyNames.indexOf(name) + 1}`;
  const element = (e: ArchiElement) =>
    `    <element identifier="${e.id}" xsi:type="${e.type}">\n` +
    `      <name xml:lang="nl">${escape(e.name)}</name>\n` +
    (e.documentation ? `      <documentation xml:lang="nl">${escape(e.documentation)}</documentation>\n` : '') +
    (e.properties && Object.keys(e.properties).length > 0
      ? `      <properties>\n${Object.entries(e.properties)
          .map(([k, v]) => `        <property propertyDefinitionRef="${propid(k)}">\n          <value xml:lang="nl">${escape(v)}</value>\n        </property>\n`)
          .join('')}      </properties>\n`
      : '') +
    `    </element>\n`;
  const relationship = (r: ArchiRelationship) =>
    `    <relationship identifier="${r.id}" source="${r.source}" target="${r.target}" xsi:type="${r.type}" />\n`;
  const view = archiId(`${model.name}/view`);
  return (
    `<?xml version="1.0" encoding="UTF-8"?>\n` +
    `<model xmlns="http://www.opengroup.org/xsd/archimate/3.0/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" ` +
    `xsi:schemaLocation="http://www.opengroup.org/xsd/archimate/3.0/ http://www.opengroup.org/xsd/archimate/3.1/archimate3_Diagram.xsd" ` +
    `identifier="${archiId(model.name)}">\n` +
    `  <name xml:lang="nl">${escape(model.name)}</name>\n` +
    `  <elements>\n${model.elements.map(element).join('')}  </elements>\n` +
    (model.relationships.length > 0 ? `  <relationships>\n${model.relationships.map(relationship).join('')}  </relationships>\n` : '') +
    `  <organizations>\n    <item>\n      <label xml:lang="nl">Application</label>\n` +
    model.elements.map((e) => `      <item identifierRef="${e.id}" />\n`).join('') +
    `    </item>\n    <item>\n      <label xml:lang="nl">Views</label>\n      <item identifierRef="${view}" />\n    </item>\n  </organizations>\n` +
    (propertyNames.length > 0
      ? `  <propertyDefinitions>\n${propertyNames
          .map((n) => `    <propertyDefinition identifier="${propid(n)}" type="string">\n      <name>${escape(n)}</name>\n    </propertyDefinition>\n`)
          .join('')}  </propertyDefinitions>\n`
      : '') +
    `  <views>\n    <diagrams>\n      <view identifier="${view}" xsi:type="Diagram">\n        <name xml:lang="nl">Applicatielandschap</name>\n` +
    model.elements
      .map(
        (e, i) =>
          `        <node identifier="${archiId(`${e.id}/node`)}" elementRef="${e.id}" xsi:type="Element" x="${24 + 144 * (i % 6)}" y="${24 + 72 * Math.floor(i / 6)}" w="120" h="55">\n` +
          `          <style>\n            <fillColor r="181" g="255" b="255" a="100" />\n          </style>\n        </node>\n`,
      )
      .join('') +
    model.relationships
      .map((r) => `        <connection identifier="${archiId(`${r.id}/connection`)}" relationshipRef="${r.id}" xsi:type="Relationship" source="${archiId(`${r.source}/node`)}" target="${archiId(`${r.target}/node`)}" />\n`)
      .join('') +
    `      </view>\n    </diagrams>\n  </views>\n</model>\n`
  );
}

/** Text as CIOs type it, with the characters XML must escape and a few beyond the Basic Multilingual Plane. */
const text = (max: number) =>
  fc
    .string({ unit: fc.constantFrom('a', 'Z', 'é', 'ĳ', ' ', '&', '<', '>', '"', "'", ';', '€', '😀', '\n', '0'), minLength: 1, maxLength: max })
    .map((s) => s.trim().replace(/\s+/g, ' '))
    .filter((s) => s !== '');

export const applicationArbitrary: fc.Arbitrary<Application> = fc.record({
  id: fc.uuid({ version: 4 }),
  municipalityCode: fc.constant('GM0546'),
  name: text(40),
  vendor: fc.option(text(30), { nil: null }),
  product: fc.option(text(30), { nil: null }),
  version: fc.option(fc.stringMatching(/^[0-9][0-9.]{0,6}$/), { nil: null }),
  referenceComponentIds: fc.uniqueArray(fc.constantFrom(...referenceComponents.slice(0, 12).map((c) => c.id)), { maxLength: 3 }),
  layer: fc.option(fc.constantFrom(...LAYERS), { nil: null }),
  status: fc.constantFrom(...STATUSES),
  lifecycle: fc.constantFrom(...LIFECYCLES),
  criteria: fc.constant({}),
  inUseSince: fc.constant('2020-01-01'),
  retiredAt: fc.constant(null),
  replacedBy: fc.constant(null),
  plannedReplacementYear: fc.option(fc.integer({ min: 1990, max: 2100 }), { nil: null }),
  annualCost: fc.option(fc.integer({ min: 0, max: 10_000_000_000 }).map((cents) => cents / 100), { nil: null }),
  productVersionId: fc.constant(null),
  notes: fc.option(fc.string({ unit: fc.constantFrom('x', ' ', '\r\n', '\n', '&', ']]>', '<!--'), minLength: 1, maxLength: 20 }).map((s) => s.trim()).filter((s) => s !== ''), { nil: null }),
  createdAt: fc.constant('2024-01-01T00:00:00.000Z'),
  updatedAt: fc.constant('2024-01-01T00:00:00.000Z'),
});
