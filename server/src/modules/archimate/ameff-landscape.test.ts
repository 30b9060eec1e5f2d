import { describe, expect, it } from 'vitest';
import { translate } from '@tm/shared/messages/messages';
import { archiId, archiModel, referenceComponentNamed, referenceComponents } from '../../../test/archimate-fixtures.ts';
import { AppError } from '../../http/app-error.ts';
import { readRows } from '../imports/rows.ts';
import { landscapeSheet, MAX_AMEFF_APPLICATIONS } from './ameff-landscape.ts';
import { readAmeff, type AmeffModel } from './ameff-reader.ts';

const zaak = referenceComponentNamed('Zaakregistratiecomponent');
const documenten = referenceComponentNamed('Documentregistratiecomponent');
const burgerzaken = referenceComponentNamed('Burgerzakencomponent');

/** An architect's own model of a small landscape, made in Archi's way. */
const architectsModel = archiModel({
  name: 'Gemeente Voorbeeld — applicatielandschap',
  elements: [
    {
      id: archiId('zaaksysteem'),
      type: 'ApplicationComponent',
      name: 'Zaaksysteem',
      documentation: 'Vervangen door Open Zaak',
      properties: { Leverancier: 'Voorbeeld B.V.', Status: 'Common Ground', 'Kosten per jaar': '12.500,50', Kleur: 'blauw' },
    },
    {
      id: archiId('burgerzaken'),
      type: 'ApplicationComponent',
      name: 'Burgerzakensuite',
      properties: { Leverancier: 'Andere Leverancier', Gebruiksstatus: 'Uit te faseren', 'Gepland vervangjaar': '2028', Eigenaar: 'Team Burgerzaken' },
    },
    { id: archiId('losse tool'), type: 'ApplicationComponent', name: 'Losse tool' },
    // Three ways a model names a GEMMA reference component: its GEMMA object id, GEMMA's identifier, only its name.
    { id: archiId('ref-zaak'), type: 'ApplicationComponent', name: 'Zaken (GEMMA)', properties: { 'Object ID': `id-${zaak.id}` } },
    { id: `id-${documenten.id}`, type: 'ApplicationComponent', name: 'Documentregistratie' },
    { id: archiId('ref-bz'), type: 'ApplicationComponent', name: 'burgerzakencomponent' },
    { id: archiId('team'), type: 'BusinessActor', name: 'Team Zaken' },
    { id: archiId('server'), type: 'Node', name: 'Applicatieserver' },
    { id: archiId('server 2'), type: 'Node', name: 'Reserveserver' },
  ],
  relationships: [
    { id: archiId('r1'), type: 'Realization', source: archiId('zaaksysteem'), target: archiId('ref-zaak') },
    // Drawn the other way round, or with another relationship: still the application filling the component.
    { id: archiId('r2'), type: 'Association', source: `id-${documenten.id}`, target: archiId('zaaksysteem') },
    { id: archiId('r3'), type: 'Realization', source: archiId('burgerzaken'), target: archiId('ref-bz') },
    { id: archiId('r4'), type: 'Serving', source: archiId('zaaksysteem'), target: archiId('burgerzaken') },
    { id: archiId('r5'), type: 'Assignment', source: archiId('team'), target: archiId('zaaksysteem') },
  ],
});

function importRows(model: AmeffModel, knownApplicationIds: ReadonlySet<string> = new Set()) {
  const landscape = landscapeSheet(model, { referenceComponents, knownApplicationIds });
  return { landscape, ...readRows(landscape.sheet, landscape.mapping, { municipalityCode: 'GM0546', referenceComponents }) };
}

describe('an exchange file as import rows', () => {
  it("when an architect's Archi model is read, then each application component is a row with its properties as fields", () => {
    const { rows, errors, landscape } = importRows(readAmeff(Buffer.from(architectsModel)));
    expect(errors).toEqual([]);
    expect(rows.map((r) => landscape.elementOfRow.get(r.number))).toEqual([archiId('zaaksysteem'), archiId('burgerzaken'), archiId('losse tool')]);
    expect(rows.map((r) => r.values)).toEqual([
      {
        id: null,
        name: 'Zaaksysteem',
        referenceComponents: [documenten.id, zaak.id].sort(),
        notes: 'Vervangen door Open Zaak',
        vendor: 'Voorbeeld B.V.',
        status: 'compliant',
        annualCost: 12500.5,
        lifecycle: null,
        plannedReplacementYear: null,
      },
      {
        id: null,
        name: 'Burgerzakensuite',
        referenceComponents: [burgerzaken.id],
        notes: null,
        vendor: 'Andere Leverancier',
        status: null,
        annualCost: null,
        lifecycle: 'phasing_out',
        plannedReplacementYear: 2028,
      },
      { id: null, name: 'Losse tool', referenceComponents: [], notes: null, vendor: null, status: null, annualCost: null, lifecycle: null, plannedReplacementYear: null },
    ]);
  });

  it('when properties or elements are of no use to the inventory, then they are ignored and reported', () => {
    const { landscape } = importRows(readAmeff(Buffer.from(architectsModel)));
    expect(landscape.mapping.ignored).toEqual(['Kleur', 'Eigenaar']);
    expect(landscape.ignoredElements).toEqual([
      { type: 'BusinessActor', count: 1 },
      { type: 'Node', count: 2 },
    ]);
  });

  it('when a property gives a value the import cannot read, then the error is on the element that carries it', () => {
    const file = archiModel({
      name: 'Fouten',
      elements: [{ id: archiId('fout'), type: 'ApplicationComponent', name: 'Fout', properties: { Status: 'Half klaar', 'Gepland vervangjaar': 'ooit' } }],
      relationships: [],
    });
    const { errors, landscape } = importRows(readAmeff(Buffer.from(file)));
    expect(errors.map((e) => ({ element: landscape.elementOfRow.get(e.row), column: e.column }))).toEqual([
      { element: archiId('fout'), column: 'Status' },
      { element: archiId('fout'), column: 'Gepland vervangjaar' },
    ]);
  });

  it('when a model says an element is a reference component that GEMMA does not have, then the applications related to it are in error', () => {
    const file = archiModel({
      name: 'Onbekend',
      elements: [
        { id: archiId('app'), type: 'ApplicationComponent', name: 'Registratie' },
        { id: archiId('ref'), type: 'ApplicationComponent', name: 'Fantasiecomponent', properties: { 'GEMMA-type': 'Referentiecomponent' } },
      ],
      relationships: [{ id: archiId('r'), type: 'Realization', source: archiId('app'), target: archiId('ref') }],
    });
    const { errors, rows } = importRows(readAmeff(Buffer.from(file)));
    expect(rows).toHaveLength(1);
    expect(errors.map((e) => ({ ...e, message: translate('en', e.message) }))).toEqual([
      { row: 2, column: 'Referentiecomponenten', message: 'Unknown reference component: Fantasiecomponent (use the GEMMA names).' },
    ]);
  });

  it("when an element is one of our own export's applications, then it matches that application by id only if the municipality has it", () => {
    const ours = '6f1c2d3e-4b5a-4c6d-8e7f-a0b1c2d3e4f5';
    const model: AmeffModel = {
      name: 'Leiden',
      properties: [{ name: 'Gemeentecode', value: 'GM0546', type: 'string' }],
      elements: [{ identifier: `app-${ours}`, type: 'ApplicationComponent', name: 'Zaaksysteem', documentation: null, properties: [] }],
      relationships: [],
    };
    expect(importRows(model, new Set([ours])).rows[0]!.values.id).toBe(ours);
    expect(importRows(model, new Set()).rows[0]!.values.id).toBeNull();
    expect(importRows(model).landscape.municipality).toBe('GM0546');
  });

  it('when a file holds more application components than one import takes, then it is refused as too large', () => {
    const elements = Array.from({ length: MAX_AMEFF_APPLICATIONS + 1 }, (_, i) => ({
      identifier: `e${i}`,
      type: 'ApplicationComponent',
      name: `Applicatie ${i}`,
      documentation: null,
      properties: [],
    }));
    const refused = (() => {
      try {
        landscapeSheet({ name: null, properties: [], elements, relationships: [] }, { referenceComponents, knownApplicationIds: new Set() });
      } catch (error) {
        return error;
      }
    })();
    expect(refused).toBeInstanceOf(AppError);
    const { status, detail } = refused as AppError;
    expect(status).toBe(413);
    expect(translate('nl', detail)).toBe(
      `Het bestand bevat ${(MAX_AMEFF_APPLICATIONS + 1).toLocaleString('nl')} applicatiecomponenten; importeer er ten hoogste ${MAX_AMEFF_APPLICATIONS.toLocaleString('nl')} tegelijk.`,
    );
  });
});
