/**
 * Writes a municipality's landscape as an ArchiMate Model Exchange File, piece by piece, so that a landscape of
 * hundreds of applications goes out while it is read. Each application is an `ApplicationComponent` carrying its
 * fields as properties; each GEMMA reference component it fills is an element of its own under GEMMA's identifier,
 * which an application realizes. Names, documentation and labels are Dutch and say so (`xml:lang="nl"`). The
 * import reads the file back to the same applications.
 */
import type { Application } from '@tm/shared/schemas/application';
import { AMEFF_NAMESPACE, AMEFF_SCHEMA_LOCATION, XSI_NAMESPACE, type PropertyDataType } from './ameff-format.ts';
import { AMEFF_PROPERTIES, applicationIdentifier, modelIdentifier, referenceComponentIdentifier, relationshipIdentifier } from './ameff-identifiers.ts';
import { LAYER_LABELS, LIFECYCLE_LABELS, STATUS_LABELS } from '../imports/values.ts';

export type LandscapeExport = {
  municipality: { code: string; name: string };
  /** Every GEMMA reference component by id; only the ones the applications fill are written. */
  referenceComponents: ReadonlyMap<string, { id: string; name: string; description: string }>;
  applications: Iterable<Application> | AsyncIterable<Application>;
  /** The day the landscape was read (ISO), named in the model's documentation. */
  exportedOn: string;
};

/** Characters XML 1.0 cannot carry at all, not even escaped (most C0 controls, lone surrogates). */
const NOT_XML_CHARACTER = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

/** A carriage return is escaped so that a parser's line-end normalisation leaves notes as they were. */
export function escapeText(value: string): string {
  return value
    .replace(NOT_XML_CHARACTER, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/\r/g, '&#13;');
}

/** Whitespace in an attribute is escaped too, as attribute-value normalisation would turn it into spaces. */
export function escapeAttribute(value: string): string {
  return escapeText(value).replace(/"/g, '&quot;').replace(/\t/g, '&#9;').replace(/\n/g, '&#10;');
}

const DUTCH = ' xml:lang="nl"';

function langString(tag: string, value: string, dutch = true): string {
  return `<${tag}${dutch ? DUTCH : ''}>${escapeText(value)}</${tag}>`;
}

type PropertyValue = { key: keyof typeof AMEFF_PROPERTIES; value: string | null; dutch?: boolean };

function properties(values: readonly PropertyValue[], indent: string): string {
  const present = values.filter((p): p is PropertyValue & { value: string } => p.value !== null && p.value !== '');
  if (present.length === 0) return '';
  const lines = present.map(
    (p) =>
      `${indent}  <property propertyDefinitionRef="${AMEFF_PROPERTIES[p.key].identifier}">${langString('value', p.value, p.dutch ?? false)}</property>\n`,
  );
  return `${indent}<properties>\n${lines.join('')}${indent}</properties>\n`;
}

/** Amounts have at most two decimals (the column is `decimal(14,2)`), so `String` never writes an exponent. */
const numberText = (n: number | null) => (n === null ? null : String(n));

function applicationElement(app: Application): string {
  return (
    `    <element identifier="${applicationIdentifier(app.id)}" xsi:type="ApplicationComponent">\n` +
    `      ${langString('name', app.name)}\n` +
    (app.notes ? `      ${langString('documentation', app.notes)}\n` : '') +
    properties(
      [
        { key: 'status', value: STATUS_LABELS[app.status], dutch: true },
        { key: 'lifecycle', value: LIFECYCLE_LABELS[app.lifecycle], dutch: true },
        { key: 'layer', value: app.layer && LAYER_LABELS[app.layer], dutch: true },
        { key: 'vendor', value: app.vendor },
        { key: 'product', value: app.product },
        { key: 'version', value: app.version },
        { key: 'plannedReplacementYear', value: numberText(app.plannedReplacementYear) },
        { key: 'annualCost', value: numberText(app.annualCost) },
        { key: 'updatedAt', value: app.updatedAt },
      ],
      '      ',
    ) +
    `    </element>\n`
  );
}

function referenceComponentElement(component: { id: string; name: string; description: string }): string {
  return (
    `    <element identifier="${referenceComponentIdentifier(component.id)}" xsi:type="ApplicationComponent">\n` +
    `      ${langString('name', component.name)}\n` +
    (component.description ? `      ${langString('documentation', component.description)}\n` : '') +
    properties(
      [
        { key: 'gemmaId', value: component.id },
        { key: 'gemmaType', value: 'Referentiecomponent', dutch: true },
      ],
      '      ',
    ) +
    `    </element>\n`
  );
}

function propertyDefinitions(): string {
  const definitions = Object.values(AMEFF_PROPERTIES).map(
    (p: { identifier: string; name: string; type: PropertyDataType }) =>
      `    <propertyDefinition identifier="${p.identifier}" type="${p.type}">\n      ${langString('name', p.name)}\n    </propertyDefinition>\n`,
  );
  return `  <propertyDefinitions>\n${definitions.join('')}  </propertyDefinitions>\n`;
}

const CHUNK_SIZE = 64 * 1024;

const dutchDate = (iso: string) => new Intl.DateTimeFormat('nl-NL', { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(`${iso}T00:00:00Z`));

/**
 * The file as chunks of text, in the order the schema demands: the model's name, documentation and properties,
 * then all elements, then all relationships, then the property definitions. Reference components and
 * relationships are known once the last application has been read, so they follow the applications.
 */
export async function* writeLandscapeAmeff(input: LandscapeExport): AsyncGenerator<string> {
  const { municipality } = input;
  let buffer =
    `<?xml version="1.0" encoding="UTF-8"?>\n` +
    `<model xmlns="${AMEFF_NAMESPACE}" xmlns:xsi="${XSI_NAMESPACE}" xsi:schemaLocation="${AMEFF_NAMESPACE} ${AMEFF_SCHEMA_LOCATION}" identifier="${modelIdentifier(municipality.code)}">\n` +
    `  ${langString('name', `Applicatielandschap ${municipality.name} (${municipality.code})`)}\n` +
    `  ${langString('documentation', `Uit de Transitiemonitor Common Ground, stand ${dutchDate(input.exportedOn)}. Elke applicatie realiseert de GEMMA-referentiecomponenten die zij invult.`)}\n` +
    properties([{ key: 'municipality', value: municipality.code }], '  ');

  let elementsOpen = false;
  const openElements = () => {
    if (elementsOpen) return '';
    elementsOpen = true;
    return '  <elements>\n';
  };
  const filled: { application: string; component: string }[] = [];
  for await (const app of input.applications) {
    buffer += openElements() + applicationElement(app);
    for (const id of [...app.referenceComponentIds].sort())
      if (input.referenceComponents.has(id)) filled.push({ application: app.id, component: id });
    if (buffer.length >= CHUNK_SIZE) {
      yield buffer;
      buffer = '';
    }
  }
  for (const id of [...new Set(filled.map((f) => f.component))].sort())
    buffer += openElements() + referenceComponentElement(input.referenceComponents.get(id)!);
  if (elementsOpen) buffer += '  </elements>\n';

  if (filled.length > 0) {
    buffer += '  <relationships>\n';
    for (const { application, component } of filled) {
      buffer +=
        `    <relationship identifier="${relationshipIdentifier(application, component)}" ` +
        `source="${applicationIdentifier(application)}" target="${referenceComponentIdentifier(component)}" xsi:type="Realization" />\n`;
      if (buffer.length >= CHUNK_SIZE) {
        yield buffer;
        buffer = '';
      }
    }
    buffer += '  </relationships>\n';
  }
  yield buffer + propertyDefinitions() + '</model>\n';
}
