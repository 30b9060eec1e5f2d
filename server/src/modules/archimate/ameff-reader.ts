/**
 * Reads an ArchiMate Model Exchange File (AMEFF, ArchiMate 3.x) into its elements, relationships and properties,
 * from Archi, from the Softwarecatalogus or from our own export. The XML parser (saxes) is strict and knows no
 * DTDs, and any document type declaration is refused outright: no external entity is ever fetched and no entity
 * ever expands. What the exchange format forbids (an unknown `xsi:type`, a relationship to a missing element, a
 * property of an undeclared definition) is reported per identifier, all at once. Views, organizations and metadata
 * are not needed and are skipped.
 */
import { SaxesParser, type SaxesTagNS } from 'saxes';
import { type Message, message } from '@tm/shared/messages/messages';
import { type AppFieldError, AppError } from '../../http/app-error.ts';
import {
  AMEFF_NAMESPACE,
  ELEMENT_TYPES,
  isNcName,
  PROPERTY_DATA_TYPES,
  RELATIONSHIP_TYPES,
  XML_NAMESPACE,
  XSI_NAMESPACE,
  type PropertyDataType,
} from './ameff-format.ts';

export const MAX_AMEFF_BYTES = 10 * 1024 * 1024;
/** Enough for every error of a careless file to be fixed in one go, few enough to read. */
const MAX_REPORTED_ERRORS = 100;

export type AmeffProperty = { name: string; value: string; type: PropertyDataType };
export type AmeffElement = {
  identifier: string;
  type: string;
  name: string | null;
  documentation: string | null;
  properties: AmeffProperty[];
};
export type AmeffRelationship = { identifier: string; type: string; source: string; target: string };
export type AmeffModel = {
  name: string | null;
  properties: AmeffProperty[];
  elements: AmeffElement[];
  relationships: AmeffRelationship[];
};

const MESSAGES = {
  tooLarge: message('archimate.tooLarge', { megabytes: MAX_AMEFF_BYTES / 1024 / 1024 }),
  empty: message('archimate.empty'),
  encoding: message('archimate.encoding'),
  doctype: message('archimate.doctype'),
  /** The parser's own words for what is wrong, which are English. */
  notXml: (reason: string) => message('archimate.notXml', { reason }),
  notAmeff: (root: string) => message('archimate.notAmeff', { root, namespace: AMEFF_NAMESPACE }),
  archimate2: message('archimate.archimate2'),
  invalid: (count: number) => message('archimate.invalid', { count }),
} as const;

type LangText = { lang: string | null; text: string };

/** Dutch first, then text that names no language, then whatever comes first. */
function preferred(texts: readonly LangText[]): string | null {
  const pick =
    texts.find((t) => t.lang?.toLowerCase().startsWith('nl')) ?? texts.find((t) => t.lang === null) ?? texts[0];
  const text = pick?.text.trim();
  return text ? text : null;
}

type PropertyRef = { definition: string; values: LangText[] };
type Concept = { identifier: string; type: string; names: LangText[]; documentation: LangText[]; properties: PropertyRef[] };
type RawRelationship = { identifier: string; type: string; source: string; target: string };
type PropertyDefinition = { identifier: string; type: string; names: LangText[] };

/** Follows the parser through the document, keeping only what the import uses. */
class ModelCollector {
  readonly path: string[] = [];
  modelNames: LangText[] = [];
  modelProperties: PropertyRef[] = [];
  readonly elements: Concept[] = [];
  readonly relationships: RawRelationship[] = [];
  readonly definitions: PropertyDefinition[] = [];
  readonly errors: AppFieldError[] = [];

  private element: Concept | null = null;
  private definition: PropertyDefinition | null = null;
  private property: PropertyRef | null = null;
  private capture: { into: LangText[]; lang: string | null; text: string } | null = null;

  constructor(private readonly resolve: (prefix: string) => string | undefined) {}

  error(path: string, said: Message): void {
    if (this.errors.length < MAX_REPORTED_ERRORS) this.errors.push({ path, message: said });
  }

  /** `xsi:type` is a qualified name; a prefix, if any, must be the exchange format's own. */
  private typeOf(node: SaxesTagNS): string | null {
    const raw = Object.values(node.attributes).find((a) => a.uri === XSI_NAMESPACE && a.local === 'type')?.value.trim();
    if (!raw) return null;
    const colon = raw.indexOf(':');
    if (colon < 0) return raw;
    return this.resolve(raw.slice(0, colon)) === AMEFF_NAMESPACE ? raw.slice(colon + 1) : raw;
  }

  private attribute(node: SaxesTagNS, local: string): string | null {
    const found = Object.values(node.attributes).find((a) => a.uri === '' && a.local === local);
    return found ? found.value.trim() : null;
  }

  private startCapture(into: LangText[], node: SaxesTagNS): void {
    const lang = Object.values(node.attributes).find((a) => a.uri === XML_NAMESPACE && a.local === 'lang')?.value ?? null;
    this.capture = { into, lang, text: '' };
  }

  open(node: SaxesTagNS): void {
    const depth = this.path.length;
    const inFormat = node.uri === AMEFF_NAMESPACE;
    this.path.push(inFormat ? node.local : '');
    if (!inFormat) return;
    const parent = this.path[depth - 1];
    const where = this.path.slice(1, depth).join('/');

    if (depth === 1 && node.local === 'name') this.startCapture(this.modelNames, node);
    else if (where === 'properties' && node.local === 'property') {
      this.property = { definition: this.attribute(node, 'propertyDefinitionRef') ?? '', values: [] };
      this.modelProperties.push(this.property);
    } else if (where === 'elements' && node.local === 'element') {
      this.element = this.concept(node, 'element');
      this.elements.push(this.element);
    } else if (where === 'relationships' && node.local === 'relationship') {
      const concept = this.concept(node, 'relationship');
      this.relationships.push({
        identifier: concept.identifier,
        type: concept.type,
        source: this.attribute(node, 'source') ?? '',
        target: this.attribute(node, 'target') ?? '',
      });
    } else if (where === 'propertyDefinitions' && node.local === 'propertyDefinition') {
      this.definition = { identifier: this.attribute(node, 'identifier') ?? '', type: this.attribute(node, 'type') ?? '', names: [] };
      this.definitions.push(this.definition);
    } else if (this.element && parent === 'element' && node.local === 'name') this.startCapture(this.element.names, node);
    else if (this.element && parent === 'element' && node.local === 'documentation') this.startCapture(this.element.documentation, node);
    else if (this.element && parent === 'properties' && node.local === 'property') {
      this.property = { definition: this.attribute(node, 'propertyDefinitionRef') ?? '', values: [] };
      this.element.properties.push(this.property);
    } else if (this.property && parent === 'property' && node.local === 'value') this.startCapture(this.property.values, node);
    else if (this.definition && parent === 'propertyDefinition' && node.local === 'name') this.startCapture(this.definition.names, node);
  }

  private concept(node: SaxesTagNS, kind: 'element' | 'relationship'): Concept {
    const identifier = this.attribute(node, 'identifier') ?? '';
    const type = this.typeOf(node) ?? '';
    const known = kind === 'element' ? ELEMENT_TYPES : RELATIONSHIP_TYPES;
    const label = identifier
      ? `"${identifier}"`
      : message('archimate.numbered', { number: (kind === 'element' ? this.elements : this.relationships).length + 1 });
    const isElement = kind === 'element';
    if (!identifier) this.error(`${kind}s/${kind}`, message(isElement ? 'archimate.elementWithoutIdentifier' : 'archimate.relationshipWithoutIdentifier', { label }));
    if (!type) this.error(identifier, message(isElement ? 'archimate.elementWithoutType' : 'archimate.relationshipWithoutType', { label }));
    else if (!known.has(type)) this.error(identifier, message(isElement ? 'archimate.unknownElementType' : 'archimate.unknownRelationshipType', { label, type }));
    return { identifier, type, names: [], documentation: [], properties: [] };
  }

  text(text: string): void {
    if (this.capture) this.capture.text += text;
  }

  close(): void {
    const local = this.path.pop();
    if (this.capture && (local === 'name' || local === 'documentation' || local === 'value')) {
      this.capture.into.push({ lang: this.capture.lang, text: this.capture.text });
      this.capture = null;
    } else if (local === 'element') this.element = null;
    else if (local === 'property') this.property = null;
    else if (local === 'propertyDefinition') this.definition = null;
  }
}

function decode(content: Buffer): string {
  const starts = (...bytes: number[]) => bytes.every((b, i) => content[i] === b);
  try {
    if (starts(0xef, 0xbb, 0xbf)) return new TextDecoder('utf-8', { fatal: true }).decode(content.subarray(3));
    if (starts(0xff, 0xfe)) return new TextDecoder('utf-16le', { fatal: true }).decode(content.subarray(2));
    if (starts(0xfe, 0xff)) return new TextDecoder('utf-16be', { fatal: true }).decode(content.subarray(2));
    return new TextDecoder('utf-8', { fatal: true }).decode(content);
  } catch {
    throw AppError.badRequest(MESSAGES.encoding);
  }
}

function parse(content: Buffer): ModelCollector {
  const parser = new SaxesParser({ xmlns: true, position: true });
  const collector = new ModelCollector((prefix) => parser.resolve(prefix));
  let root: SaxesTagNS | null = null;
  parser.on('doctype', () => {
    throw AppError.badRequest(MESSAGES.doctype);
  });
  parser.on('opentag', (node) => {
    if (!root) {
      root = node;
      if (node.uri === 'http://www.opengroup.org/xsd/archimate') throw AppError.unprocessable(MESSAGES.archimate2);
      if (node.uri !== AMEFF_NAMESPACE || node.local !== 'model') throw AppError.unprocessable(MESSAGES.notAmeff(node.name));
    }
    collector.open(node);
  });
  parser.on('text', (text) => collector.text(text));
  parser.on('cdata', (text) => collector.text(text));
  parser.on('closetag', () => collector.close());
  try {
    parser.write(decode(content)).close();
  } catch (error) {
    if (error instanceof AppError) throw error;
    throw AppError.badRequest(MESSAGES.notXml(error instanceof Error ? error.message : String(error)));
  }
  return collector;
}

/** The checks the exchange format's keys and key references make, each error named by the identifier concerned. */
function checkReferences(collector: ModelCollector): void {
  const seen = new Set<string>();
  const all = [...collector.elements, ...collector.relationships, ...collector.definitions];
  for (const { identifier } of all) {
    if (!identifier) continue;
    if (!isNcName(identifier)) collector.error(identifier, message('archimate.invalidIdentifier', { identifier }));
    if (seen.has(identifier)) collector.error(identifier, message('archimate.duplicateIdentifier', { identifier }));
    seen.add(identifier);
  }
  const concepts = new Set([...collector.elements, ...collector.relationships].map((c) => c.identifier));
  for (const r of collector.relationships)
    for (const end of ['source', 'target'] as const) {
      const source = end === 'source';
      if (!r[end]) collector.error(r.identifier, message(source ? 'archimate.withoutSource' : 'archimate.withoutTarget', { identifier: r.identifier }));
      else if (!concepts.has(r[end]))
        collector.error(r.identifier, message(source ? 'archimate.unknownSource' : 'archimate.unknownTarget', { identifier: r.identifier, end: r[end] }));
    }
  for (const d of collector.definitions)
    if (!PROPERTY_DATA_TYPES.has(d.type))
      collector.error(d.identifier, message('archimate.propertyType', { identifier: d.identifier, type: d.type, types: [...PROPERTY_DATA_TYPES] }));
  const defined = new Set(collector.definitions.map((d) => d.identifier));
  const checkProperties = (owner: string, properties: readonly PropertyRef[]) => {
    for (const p of properties)
      if (!defined.has(p.definition))
        collector.error(owner, message('archimate.undeclaredProperty', { owner, definition: p.definition }));
  };
  checkProperties('model', collector.modelProperties);
  for (const e of collector.elements) checkProperties(e.identifier, e.properties);
}

export function readAmeff(content: Buffer): AmeffModel {
  if (content.length > MAX_AMEFF_BYTES) throw AppError.contentTooLarge(MESSAGES.tooLarge);
  if (content.length === 0) throw AppError.unprocessable(MESSAGES.empty);
  const collector = parse(content);
  checkReferences(collector);
  if (collector.errors.length > 0) throw AppError.unprocessable(MESSAGES.invalid(collector.errors.length), collector.errors);

  const definitions = new Map(
    collector.definitions.map((d) => [d.identifier, { name: preferred(d.names) ?? d.identifier, type: d.type as PropertyDataType }]),
  );
  const properties = (refs: readonly PropertyRef[]): AmeffProperty[] =>
    refs.flatMap((p) => {
      const value = preferred(p.values);
      const definition = definitions.get(p.definition)!;
      return value === null ? [] : [{ name: definition.name, type: definition.type, value }];
    });
  return {
    name: preferred(collector.modelNames),
    properties: properties(collector.modelProperties),
    elements: collector.elements.map((e) => ({
      identifier: e.identifier,
      type: e.type,
      name: preferred(e.names),
      documentation: preferred(e.documentation),
      properties: properties(e.properties),
    })),
    relationships: collector.relationships,
  };
}
