import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import { archiId, archiModel, referenceComponentNamed } from '../../../test/archimate-fixtures.ts';
import { translate } from '@tm/shared/messages/messages';
import { AppError, type Detail } from '../../http/app-error.ts';
import { MAX_AMEFF_BYTES, readAmeff } from './ameff-reader.ts';

const HEAD = '<?xml version="1.0" encoding="UTF-8"?>\n';
const MODEL_OPEN =
  '<model xmlns="http://www.opengroup.org/xsd/archimate/3.0/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" identifier="id-model">';

/** A message as a caller who asks for no language reads it: in Dutch, with its code. */
const dutch = (said: Detail) => ({ code: said.key, message: translate('nl', said) });

function refusal(content: string | Buffer) {
  try {
    readAmeff(Buffer.isBuffer(content) ? content : Buffer.from(content));
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    const { code, message: detail } = dutch(error.detail);
    return { status: error.status, code, detail, errors: error.errors?.map((e) => ({ path: e.path, ...dutch(e.message) })) };
  }
  throw new Error('the file was read');
}

const zaaksysteem = { id: archiId('zaaksysteem'), type: 'ApplicationComponent', name: 'Zaaksysteem' };
const zaak = referenceComponentNamed('Zaakregistratiecomponent');

describe('reading an ArchiMate exchange file', () => {
  it('when a file reaches for an external entity (XXE), then it is refused as a bad request and nothing is fetched', async () => {
    let requests = 0;
    const server = createServer((_req, res) => {
      requests++;
      res.end('<!ENTITY leak "gelekt">');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    try {
      for (const doctype of [
        `<!DOCTYPE model [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>`,
        `<!DOCTYPE model [<!ENTITY xxe SYSTEM "http://127.0.0.1:${port}/entity">]>`,
        `<!DOCTYPE model SYSTEM "http://127.0.0.1:${port}/model.dtd">`,
        `<!DOCTYPE model [<!ENTITY % remote SYSTEM "http://127.0.0.1:${port}/p.dtd"> %remote;]>`,
      ]) {
        const error = refusal(`${HEAD}${doctype}\n${MODEL_OPEN}<name>&xxe;</name></model>`);
        expect(error).toMatchObject({ status: 400, code: 'archimate.doctype', detail: expect.stringMatching(/DOCTYPE/) });
      }
    } finally {
      server.close();
    }
    expect(requests).toBe(0);
  });

  it('when a file is a billion laughs, then it is refused at once as a bad request', () => {
    const entities = Array.from({ length: 9 }, (_, i) => `<!ENTITY lol${i + 1} "${`&lol${i};`.repeat(10)}">`).join('\n');
    const started = performance.now();
    const error = refusal(`${HEAD}<!DOCTYPE model [\n<!ENTITY lol0 "lol">\n${entities}\n]>\n${MODEL_OPEN}<name>&lol9;</name></model>`);
    expect(error.status).toBe(400);
    expect(performance.now() - started).toBeLessThan(1000);
  });

  it('when an entity is used without any declaration, then the file is not well-formed XML', () => {
    const error = refusal(`${HEAD}${MODEL_OPEN}<name>&lol;</name></model>`);
    expect(error).toMatchObject({ status: 400, code: 'archimate.notXml', detail: expect.stringMatching(/^Het bestand is geen goedgevormde XML \(.+\)\.$/) });
  });

  it('when a file is not XML, is empty, is too large or is XML of another kind, then a 4xx says what it is instead', () => {
    expect(refusal('Naam;Leverancier\nZaaksysteem;Voorbeeld').status).toBe(400);
    expect(refusal(`${HEAD}${MODEL_OPEN}<name>Leiden</name>`).code).toBe('archimate.notXml');
    expect(refusal(Buffer.from([0xff, 0x00, 0xc3, 0x28])).detail).toBe('Het bestand is geen UTF-8- of UTF-16-tekst; ArchiMate-uitwisselingsbestanden zijn UTF-8.');
    expect(refusal('')).toMatchObject({ status: 422, code: 'archimate.empty' });
    const tooLarge = refusal(Buffer.alloc(MAX_AMEFF_BYTES + 1, 0x20));
    expect([tooLarge.status, tooLarge.detail]).toEqual([413, 'Het bestand is groter dan 10 MB.']);
    expect(refusal(`${HEAD}<html><body/></html>`)).toMatchObject({ status: 422, code: 'archimate.notAmeff', detail: expect.stringMatching(/hoofdelement is <html>/) });
    expect(refusal(`${HEAD}<model xmlns="http://www.opengroup.org/xsd/archimate" identifier="m"><name>Oud</name></model>`).detail).toMatch(
      /ArchiMate 2/,
    );
  });

  it('when a relationship points at an element the file lacks, then the error names the relationship and the missing end', () => {
    const file = archiModel({
      name: 'Leiden',
      elements: [zaaksysteem],
      relationships: [{ id: 'id-rel-1', type: 'Realization', source: zaaksysteem.id, target: 'id-verdwenen' }],
    });
    const error = refusal(file);
    expect(error).toMatchObject({ status: 422, code: 'archimate.invalid', detail: 'Het uitwisselingsbestand wijkt op 1 plaats af van het uitwisselingsformaat; er is niets gelezen.' });
    expect(error.errors).toEqual([
      { path: 'id-rel-1', code: 'archimate.unknownTarget', message: 'De relatie "id-rel-1" heeft als doel "id-verdwenen", maar dat is geen element of relatie in het bestand.' },
    ]);
  });

  it('when an element or relationship has a type ArchiMate does not know, then the error names its identifier', () => {
    const file = archiModel({
      name: 'Leiden',
      elements: [zaaksysteem, { id: 'id-vreemd', type: 'Spreadsheet', name: 'Lijst' }],
      relationships: [{ id: 'id-rel-2', type: 'Uses', source: zaaksysteem.id, target: 'id-vreemd' }],
    });
    const error = refusal(file);
    expect(error.status).toBe(422);
    expect(error.errors).toEqual([
      { path: 'id-vreemd', code: 'archimate.unknownElementType', message: 'Het element "id-vreemd" heeft het type "Spreadsheet", en dat is geen elementtype van ArchiMate 3.1.' },
      { path: 'id-rel-2', code: 'archimate.unknownRelationshipType', message: 'De relatie "id-rel-2" heeft het type "Uses", en dat is geen relatietype van ArchiMate 3.1.' },
    ]);
  });

  it('when identifiers are missing, invalid or repeated, or a property has no definition, then every problem is listed at once', () => {
    const file =
      `${HEAD}${MODEL_OPEN}<name>Leiden</name><elements>` +
      `<element xsi:type="ApplicationComponent"><name>Zonder id</name></element>` +
      `<element identifier="1234" xsi:type="ApplicationComponent"><name>Cijfer</name></element>` +
      `<element identifier="id-a" xsi:type="ApplicationComponent"><name>A</name>` +
      `<properties><property propertyDefinitionRef="propid-9"><value>x</value></property></properties></element>` +
      `<element identifier="id-a" xsi:type="ApplicationComponent"><name>A twee</name></element>` +
      `</elements></model>`;
    expect(refusal(file).errors).toEqual([
      { path: 'elements/element', code: 'archimate.elementWithoutIdentifier', message: 'Het element nummer 1 heeft geen identifier.' },
      { path: '1234', code: 'archimate.invalidIdentifier', message: expect.stringMatching(/^De identifier "1234" is geen geldige XML-ID/) },
      { path: 'id-a', code: 'archimate.duplicateIdentifier', message: 'De identifier "id-a" wordt meer dan eens gebruikt.' },
      { path: 'id-a', code: 'archimate.undeclaredProperty', message: 'Een eigenschap van "id-a" verwijst naar de eigenschapsdefinitie "propid-9", maar die staat niet in het bestand.' },
    ]);
  });

  it('when Archi exported the model, then its elements, names, properties and relationships are read and views and folders skipped', () => {
    const file = archiModel({
      name: 'Gemeente Voorbeeld',
      elements: [
        { ...zaaksysteem, documentation: 'Zaken & dossiers', properties: { Leverancier: 'Voorbeeld B.V.', 'Eigen kenmerk': 'x' } },
        { id: `id-${zaak.id}`, type: 'ApplicationComponent', name: zaak.name },
        { id: archiId('actor'), type: 'BusinessActor', name: 'Team Zaken' },
      ],
      relationships: [{ id: archiId('r1'), type: 'Realization', source: zaaksysteem.id, target: `id-${zaak.id}` }],
    });
    const model = readAmeff(Buffer.from(file));
    expect(model.name).toBe('Gemeente Voorbeeld');
    expect(model.elements).toEqual([
      {
        identifier: zaaksysteem.id,
        type: 'ApplicationComponent',
        name: 'Zaaksysteem',
        documentation: 'Zaken & dossiers',
        properties: [
          { name: 'Leverancier', value: 'Voorbeeld B.V.', type: 'string' },
          { name: 'Eigen kenmerk', value: 'x', type: 'string' },
        ],
      },
      { identifier: `id-${zaak.id}`, type: 'ApplicationComponent', name: zaak.name, documentation: null, properties: [] },
      { identifier: archiId('actor'), type: 'BusinessActor', name: 'Team Zaken', documentation: null, properties: [] },
    ]);
    expect(model.relationships).toEqual([{ identifier: archiId('r1'), type: 'Realization', source: zaaksysteem.id, target: `id-${zaak.id}` }]);
  });

  it('when names come in several languages, then the Dutch one is read; a prefixed xsi:type and a UTF-16 file read too', () => {
    const file =
      `<?xml version="1.0" encoding="UTF-16"?>\n<a:model xmlns:a="http://www.opengroup.org/xsd/archimate/3.0/" ` +
      `xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" identifier="m"><a:name>Model</a:name><a:elements>` +
      `<a:element identifier="e1" xsi:type="a:ApplicationComponent"><a:name xml:lang="en">Case system</a:name>` +
      `<a:name xml:lang="nl">Zaaksysteem</a:name></a:element></a:elements></a:model>`;
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(file, 'utf16le')]);
    expect(readAmeff(utf16).elements).toEqual([
      { identifier: 'e1', type: 'ApplicationComponent', name: 'Zaaksysteem', documentation: null, properties: [] },
    ]);
  });
});
