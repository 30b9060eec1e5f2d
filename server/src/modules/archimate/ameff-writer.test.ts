import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Application } from '@tm/shared/schemas/application';
import { ameffStructureProblems, parseXml } from '../../../test/ameff-structure.ts';
import { applicationArbitrary, referenceComponentNamed, referenceComponents } from '../../../test/archimate-fixtures.ts';
import { readRows } from '../imports/rows.ts';
import { landscapeSheet } from './ameff-landscape.ts';
import { readAmeff } from './ameff-reader.ts';
import { writeLandscapeAmeff, type LandscapeExport } from './ameff-writer.ts';

const OUR_TYPES = { elements: ['ApplicationComponent'], relationships: ['Realization'] };
const byId = new Map(referenceComponents.map((c) => [c.id, c]));
const leiden = { code: 'GM0546', name: 'Leiden' };

async function exported(applications: Application[], options: Partial<LandscapeExport> = {}): Promise<{ text: string; chunks: number }> {
  let text = '';
  let chunks = 0;
  for await (const chunk of writeLandscapeAmeff({ municipality: leiden, referenceComponents: byId, applications, exportedOn: '2026-12-06', ...options })) {
    text += chunk;
    chunks++;
  }
  return { text, chunks };
}

const zaak = referenceComponentNamed('Zaakregistratiecomponent');
const documenten = referenceComponentNamed('Documentregistratiecomponent');

function application(overrides: Partial<Application>): Application {
  return {
    id: '0b9d7c1e-7a55-4c1f-9a7e-3f2f4d8a1b2c',
    municipalityCode: 'GM0546',
    name: 'Zaaksysteem',
    vendor: 'Voorbeeld B.V.',
    product: 'Zaken',
    version: '5.2',
    referenceComponentIds: [zaak.id, documenten.id],
    layer: 'process',
    status: 'legacy',
    lifecycle: 'in_production',
    criteria: {},
    inUseSince: '2019-01-01',
    retiredAt: null,
    replacedBy: null,
    plannedReplacementYear: 2027,
    annualCost: 12500.5,
    notes: 'Koppeling met de basisregistraties',
    productVersionId: null,
    createdAt: '2024-01-01T00:00:00.000Z',
    updatedAt: '2024-01-01T00:00:00.000Z',
    ...overrides,
  };
}

/** What the import makes of a file: each application's fields as the spreadsheet import reads them. */
function readBack(text: string, applications: readonly Application[]) {
  const { sheet, mapping, elementOfRow } = landscapeSheet(readAmeff(Buffer.from(text)), {
    referenceComponents,
    knownApplicationIds: new Set(applications.map((a) => a.id)),
  });
  const { rows, errors } = readRows(sheet, mapping, { municipalityCode: leiden.code, referenceComponents });
  return { rows, errors, ignored: mapping.ignored, elementOfRow };
}

describe('ArchiMate export', () => {
  it('when a landscape is exported, then the file has the structure the exchange format schema demands', async () => {
    const apps = [
      application({}),
      // A UUID may start with a digit, which an XML ID may not: the identifier must be prefixed.
      application({ id: '9f1c2d3e-4b5a-4c6d-8e7f-a0b1c2d3e4f5', name: 'Burgerzaken <suite> & co', referenceComponentIds: [zaak.id], notes: null }),
      application({ id: '1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d', name: 'Losse tool', referenceComponentIds: [], layer: null, vendor: null }),
    ];
    const { text } = await exported(apps);
    expect(ameffStructureProblems(text, OUR_TYPES)).toEqual([]);

    const model = parseXml(text);
    const elements = model.children.find((c) => c.local === 'elements')!.children;
    expect(elements.map((e) => e.attributes.get('identifier'))).toEqual([
      'app-0b9d7c1e-7a55-4c1f-9a7e-3f2f4d8a1b2c',
      'app-9f1c2d3e-4b5a-4c6d-8e7f-a0b1c2d3e4f5',
      'app-1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d',
      // GEMMA's own identifiers, once each, whichever number of applications fill them.
      ...[documenten.id, zaak.id].sort().map((id) => `id-${id}`),
    ]);
    const relationships = model.children.find((c) => c.local === 'relationships')!.children;
    expect(relationships.map((r) => [r.attributes.get('source'), r.attributes.get('target')])).toEqual([
      ...[documenten.id, zaak.id].sort().map((id) => ['app-0b9d7c1e-7a55-4c1f-9a7e-3f2f4d8a1b2c', `id-${id}`]),
      ['app-9f1c2d3e-4b5a-4c6d-8e7f-a0b1c2d3e4f5', `id-${zaak.id}`],
    ]);
  });

  it('when an application is exported, then its fields are Dutch-named properties with Dutch labels and the reference components carry their GEMMA id', async () => {
    const { text } = await exported([application({ status: 'in_transition', lifecycle: 'phasing_out' })]);
    const model = parseXml(text);
    const definitions = new Map(
      model.children.find((c) => c.local === 'propertyDefinitions')!.children.map((d) => [
        d.attributes.get('identifier'),
        { name: d.children[0]!.text, type: d.attributes.get('type') },
      ]),
    );
    const propertiesOf = (identifier: string) =>
      Object.fromEntries(
        model.children
          .find((c) => c.local === 'elements')!
          .children.find((e) => e.attributes.get('identifier') === identifier)!
          .children.find((c) => c.local === 'properties')!
          .children.map((p) => [definitions.get(p.attributes.get('propertyDefinitionRef'))!.name, p.children[0]!.text]),
      );
    expect(propertiesOf('app-0b9d7c1e-7a55-4c1f-9a7e-3f2f4d8a1b2c')).toEqual({
      Status: 'In transitie',
      Gebruiksstatus: 'Uit te faseren',
      Laag: 'Proces',
      Leverancier: 'Voorbeeld B.V.',
      Product: 'Zaken',
      Versie: '5.2',
      'Gepland vervangjaar': '2027',
      'Jaarlijkse kosten': '12500.5',
      'Laatst gewijzigd': '2024-01-01T00:00:00.000Z',
    });
    expect(propertiesOf(`id-${zaak.id}`)).toEqual({ 'GEMMA-id': zaak.id, 'GEMMA-type': 'Referentiecomponent' });
    expect([...definitions.values()].find((d) => d.name === 'Jaarlijkse kosten')!.type).toBe('currency');
    expect(text).toContain('<name xml:lang="nl">Applicatielandschap Leiden (GM0546)</name>');
    expect(text).toContain('stand 6 december 2026');
  });

  it('when a municipality has no applications, then the file is a valid empty model', async () => {
    const { text } = await exported([]);
    expect(ameffStructureProblems(text, OUR_TYPES)).toEqual([]);
    expect(text).not.toContain('<elements>');
  });

  it('when a large municipality is exported, then the file goes out in pieces while the applications are read', async () => {
    const apps = fc.sample(applicationArbitrary, { numRuns: 700, seed: 7 });
    let read = 0;
    async function* slowly() {
      for (const app of apps) {
        read++;
        yield app;
      }
    }
    const readWhenFirstChunk: number[] = [];
    let text = '';
    for await (const chunk of writeLandscapeAmeff({ municipality: leiden, referenceComponents: byId, applications: slowly(), exportedOn: '2026-12-06' })) {
      readWhenFirstChunk.push(read);
      text += chunk;
    }
    expect(readWhenFirstChunk.length).toBeGreaterThan(2);
    expect(readWhenFirstChunk[0]).toBeLessThan(700);
    expect(ameffStructureProblems(text, OUR_TYPES)).toEqual([]);
    expect(readBack(text, apps).rows).toHaveLength(700);
  });

  it('when any landscape is exported and read back, then every application reads as it was', async () => {
    await fc.assert(
      fc.asyncProperty(fc.uniqueArray(applicationArbitrary, { maxLength: 15, selector: (a) => a.id }), async (apps) => {
        const { text } = await exported(apps);
        expect(ameffStructureProblems(text, OUR_TYPES)).toEqual([]);
        const { rows, errors, ignored, elementOfRow } = readBack(text, apps);
        expect(errors).toEqual([]);
        expect(ignored).toEqual([]);
        expect(rows.map((r) => elementOfRow.get(r.number))).toEqual(apps.map((a) => `app-${a.id}`));
        rows.forEach((row, i) => {
          const app = apps[i]!;
          const expected = {
            id: app.id,
            name: app.name,
            vendor: app.vendor,
            product: app.product,
            version: app.version,
            referenceComponents: [...app.referenceComponentIds].sort(),
            layer: app.layer,
            status: app.status,
            lifecycle: app.lifecycle,
            plannedReplacementYear: app.plannedReplacementYear,
            annualCost: app.annualCost,
            notes: app.notes,
            updatedAt: app.updatedAt,
          };
          // A field no application of the file carries is absent, as a missing column is: it changes nothing.
          expect(row.values).toEqual(Object.fromEntries(Object.entries(expected).filter(([field]) => field in row.values)));
          for (const [field, value] of Object.entries(expected)) if (!(field in row.values)) expect(value === null || (Array.isArray(value) && value.length === 0)).toBe(true);
        });
      }),
      { numRuns: 60 },
    );
  });

  it('when a text holds characters XML cannot carry, then they are left out and the file stays well-formed', async () => {
    const { text } = await exported([application({ name: 'Beheer\u0001tool\uFFFE', notes: 'regel één\r\nregel twee' })]);
    expect(ameffStructureProblems(text, OUR_TYPES)).toEqual([]);
    const { rows } = readBack(text, []);
    expect(rows[0]!.values.name).toBe('Beheertool');
    expect(rows[0]!.values.notes).toBe('regel één\r\nregel twee');
  });
});
