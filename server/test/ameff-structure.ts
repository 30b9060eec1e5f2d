/**
 * The structure The Open Group's exchange-format XSD (archimate3_Model.xsd) demands of a model, checked on a file
 * as a test would check it against the schema: element order within the model and within each concept, identifiers
 * that are XML IDs and unique in the document, every property pointing at a declared property definition, every
 * relationship end present. Written from reading the schema; the schema itself is not ours to ship.
 */
import { SaxesParser } from 'saxes';

const NS = 'http://www.opengroup.org/xsd/archimate/3.0/';
const XSI = 'http://www.w3.org/2001/XMLSchema-instance';
const XML = 'http://www.w3.org/XML/1998/namespace';
const NC_NAME = /^[A-Za-z_][A-Za-z0-9_.-]*$/;
const DATA_TYPES = ['string', 'boolean', 'currency', 'date', 'time', 'number'];

export type XmlNode = { uri: string; local: string; attributes: Map<string, string>; children: XmlNode[]; text: string };

export function parseXml(text: string): XmlNode {
  const parser = new SaxesParser({ xmlns: true });
  const stack: XmlNode[] = [];
  let root: XmlNode | undefined;
  parser.on('opentag', (tag) => {
    const attributes = new Map(Object.values(tag.attributes).map((a) => [a.uri ? `{${a.uri}}${a.local}` : a.local, a.value]));
    const node: XmlNode = { uri: tag.uri, local: tag.local, attributes, children: [], text: '' };
    if (stack.length > 0) stack[stack.length - 1]!.children.push(node);
    else root = node;
    stack.push(node);
  });
  parser.on('text', (t) => {
    if (stack.length > 0) stack[stack.length - 1]!.text += t;
  });
  parser.on('closetag', () => stack.pop());
  parser.write(text).close();
  return root!;
}

/** Checks that the children's names follow `order`, each within its [min, max] count. */
function checkSequence(where: string, node: XmlNode, order: [string, number, number][], problems: string[]): void {
  const names = node.children.map((c) => (c.uri === NS ? c.local : `{${c.uri}}${c.local}`));
  let position = 0;
  for (const [name, min, max] of order) {
    let count = 0;
    while (names[position] === name) {
      count++;
      position++;
    }
    if (count < min || count > max) problems.push(`${where}: expected ${min}..${max} <${name}>, found ${count}`);
  }
  if (position < names.length) problems.push(`${where}: <${names[position]}> is out of the schema's order (${names.join(', ')})`);
}

const MANY = Number.POSITIVE_INFINITY;

/** Every way the file departs from the structure the schema demands; empty when it conforms. */
export function ameffStructureProblems(text: string, types: { elements: string[]; relationships: string[] }): string[] {
  const problems: string[] = [];
  const model = parseXml(text);
  if (model.uri !== NS || model.local !== 'model') return [`root is {${model.uri}}${model.local}, not the exchange format's model`];

  const identifiers = new Map<string, string>();
  const identify = (node: XmlNode, kind: string) => {
    const id = node.attributes.get('identifier');
    if (!id) return problems.push(`${kind} without identifier`);
    if (!NC_NAME.test(id)) problems.push(`${kind} identifier "${id}" is not an XML ID`);
    if (identifiers.has(id)) problems.push(`identifier "${id}" used twice`);
    identifiers.set(id, kind);
  };
  const checkNames = (node: XmlNode, where: string) => {
    for (const name of node.children.filter((c) => c.local === 'name')) {
      if (!name.attributes.get(`{${XML}}lang`)) problems.push(`${where}: a name without xml:lang`);
      if (name.text.trim() === '') problems.push(`${where}: an empty name`);
    }
  };
  const concept: [string, number, number][] = [['name', 0, MANY], ['documentation', 0, MANY], ['properties', 0, 1]];
  const child = (node: XmlNode, local: string) => node.children.find((c) => c.local === local);

  identify(model, 'model');
  checkNames(model, 'model');
  checkSequence('model', model, [
    ['name', 1, MANY], ['documentation', 0, MANY], ['properties', 0, 1], ['metadata', 0, 1], ['elements', 0, 1],
    ['relationships', 0, 1], ['organizations', 0, MANY], ['propertyDefinitions', 0, 1], ['views', 0, 1],
  ], problems);

  const elements = child(model, 'elements');
  if (elements) checkSequence('elements', elements, [['element', 1, MANY]], problems);
  for (const element of elements?.children ?? []) {
    identify(element, 'element');
    const where = `element ${element.attributes.get('identifier')}`;
    if (!types.elements.includes(element.attributes.get(`{${XSI}}type`) ?? '')) problems.push(`${where}: unexpected xsi:type`);
    checkSequence(where, element, [['name', 1, MANY], ...concept.slice(1)], problems);
    checkNames(element, where);
  }

  const relationships = child(model, 'relationships');
  if (relationships) checkSequence('relationships', relationships, [['relationship', 1, MANY]], problems);
  for (const relationship of relationships?.children ?? []) {
    identify(relationship, 'relationship');
    const where = `relationship ${relationship.attributes.get('identifier')}`;
    if (!types.relationships.includes(relationship.attributes.get(`{${XSI}}type`) ?? '')) problems.push(`${where}: unexpected xsi:type`);
    checkSequence(where, relationship, concept, problems);
  }

  const definitions = child(model, 'propertyDefinitions');
  if (definitions) checkSequence('propertyDefinitions', definitions, [['propertyDefinition', 1, MANY]], problems);
  for (const definition of definitions?.children ?? []) {
    identify(definition, 'propertyDefinition');
    const where = `propertyDefinition ${definition.attributes.get('identifier')}`;
    if (!DATA_TYPES.includes(definition.attributes.get('type') ?? '')) problems.push(`${where}: type not in the schema's DataType`);
    checkSequence(where, definition, [['name', 1, MANY], ['documentation', 0, MANY]], problems);
    checkNames(definition, where);
  }

  // Key references: checked once every identifier of the document is known.
  const isKind = (id: string | undefined, kinds: string[]) => id !== undefined && kinds.includes(identifiers.get(id) ?? '');
  for (const relationship of relationships?.children ?? [])
    for (const end of ['source', 'target'])
      if (!isKind(relationship.attributes.get(end), ['element', 'relationship']))
        problems.push(`relationship ${relationship.attributes.get('identifier')}: ${end} "${relationship.attributes.get(end)}" is no concept`);
  for (const owner of [model, ...(elements?.children ?? []), ...(relationships?.children ?? [])]) {
    const properties = child(owner, 'properties');
    if (!properties) continue;
    checkSequence(`properties of ${owner.attributes.get('identifier')}`, properties, [['property', 1, MANY]], problems);
    for (const property of properties.children) {
      if (!isKind(property.attributes.get('propertyDefinitionRef'), ['propertyDefinition']))
        problems.push(`a property of ${owner.attributes.get('identifier')} refers to an undeclared definition`);
      checkSequence(`a property of ${owner.attributes.get('identifier')}`, property, [['value', 1, MANY]], problems);
    }
  }
  return problems;
}
