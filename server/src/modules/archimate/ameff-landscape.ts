/**
 * Turns the model of an exchange file into the rows and columns the import already reads: each application
 * component one row, each property one column under its own name (so a property maps to a field exactly as a
 * spreadsheet column of that name would, and an unknown one is ignored and reported the same way), its name,
 * documentation and the GEMMA reference components it is related to in columns of their own.
 *
 * An element is a GEMMA reference component when its identifier or a GEMMA id property names one of the reference
 * data, when it says it is one (`GEMMA-type`), or when it is an application component named as one. Every other
 * application component is an application.
 */
import { message } from '@tm/shared/messages/messages';
import { AppError } from '../../http/app-error.ts';
import { COLUMNS, mapHeaders, normaliseHeader, type HeaderMapping, type ImportField } from '../imports/columns.ts';
import type { Sheet } from '../imports/read-file.ts';
import { matchKey, type CellValue } from '../imports/values.ts';
import type { AmeffElement, AmeffModel, AmeffProperty } from './ameff-reader.ts';
import { applicationIdOf, gemmaIdOf } from './ameff-identifiers.ts';

export const MAX_AMEFF_APPLICATIONS = 20_000;

export type LandscapeContext = {
  referenceComponents: readonly { id: string; name: string }[];
  /** Applications of the municipality: an element written by our export for one of them updates it. */
  knownApplicationIds: ReadonlySet<string>;
};

export type LandscapeSheet = {
  sheet: Sheet;
  mapping: HeaderMapping;
  /** Which element each row came from, so an error names the element instead of a row. */
  elementOfRow: ReadonlyMap<number, string>;
  /** The municipality the file says it describes (the model's `Gemeentecode` property), if it says so. */
  municipality: string | null;
  /** Element types that are neither application nor reference component, with how many the file holds. */
  ignoredElements: { type: string; count: number }[];
};

const GEMMA_ID_PROPERTIES = new Set(['gemma id', 'object id', 'gemma object id', 'objectid']);
const GEMMA_TYPE_PROPERTIES = new Set(['gemma type', 'objecttype', 'object type']);
const REFERENCE_COMPONENT_TYPE = 'referentiecomponent';
/** Fields the element itself gives; a property of the same meaning is ignored rather than read twice. */
const ELEMENT_FIELDS = ['id', 'name', 'referenceComponents', 'notes'] as const satisfies readonly ImportField[];

function propertyValue(element: AmeffElement, names: ReadonlySet<string>): string | null {
  return element.properties.find((p) => names.has(normaliseHeader(p.name)))?.value ?? null;
}

/**
 * What fills a reference component's place in the row: its id when the reference data knows it, else its name,
 * which the import reports as an unknown reference component for every application related to it.
 */
function referenceComponentToken(element: AmeffElement, known: ReadonlySet<string>, byName: ReadonlyMap<string, string>): string | null {
  for (const candidate of [element.identifier, propertyValue(element, GEMMA_ID_PROPERTIES)]) {
    const id = candidate === null ? null : gemmaIdOf(candidate);
    if (id && known.has(id)) return id;
  }
  const byOwnName = element.name === null ? undefined : byName.get(matchKey(element.name));
  const saysSo = matchKey(propertyValue(element, GEMMA_TYPE_PROPERTIES) ?? '') === REFERENCE_COMPONENT_TYPE;
  if (saysSo) return byOwnName ?? element.name ?? element.identifier;
  return element.type === 'ApplicationComponent' && byOwnName ? byOwnName : null;
}

/** XML numbers are written with a decimal point and no grouping; a Dutch `1.234,56` in a text property still reads. */
function cellOf(property: AmeffProperty): CellValue {
  const numeric = property.type === 'number' || property.type === 'currency';
  return numeric && /^-?\d+(\.\d+)?$/.test(property.value) ? Number(property.value) : property.value;
}

export function landscapeSheet(model: AmeffModel, context: LandscapeContext): LandscapeSheet {
  const known = new Set(context.referenceComponents.map((c) => c.id));
  const byName = new Map(context.referenceComponents.map((c) => [matchKey(c.name), c.id]));
  const components = new Map<string, string>();
  const applications: AmeffElement[] = [];
  const ignored = new Map<string, number>();
  for (const element of model.elements) {
    const token = referenceComponentToken(element, known, byName);
    if (token !== null) components.set(element.identifier, token);
    else if (element.type === 'ApplicationComponent') applications.push(element);
    else ignored.set(element.type, (ignored.get(element.type) ?? 0) + 1);
  }
  if (applications.length > MAX_AMEFF_APPLICATIONS)
    throw AppError.contentTooLarge(message('archimate.tooManyApplications', { found: applications.length, max: MAX_AMEFF_APPLICATIONS }));

  const filled = new Map<string, Set<string>>();
  for (const { source, target } of model.relationships) {
    const [application, component] = components.has(target) ? [source, components.get(target)] : [target, components.get(source)];
    if (component === undefined) continue;
    filled.set(application, (filled.get(application) ?? new Set()).add(component));
  }

  const propertyNames = [...new Set(applications.flatMap((a) => a.properties.map((p) => p.name)))];
  // A field is in the file when any application carries it, as a column is in a spreadsheet: absent, it changes nothing.
  const ownFields: ImportField[] = ['id', 'name'];
  if (filled.size > 0) ownFields.push('referenceComponents');
  if (applications.some((a) => a.documentation !== null)) ownFields.push('notes');
  const ownColumns = ownFields.map((field) => [field, COLUMNS[field].dutch] as const);
  const fromProperties = mapHeaders(propertyNames);
  const mapping: HeaderMapping = {
    columns: new Map(ownColumns.map(([field, header], index) => [field, { index, header }])),
    ignored: [...fromProperties.ignored],
    duplicates: [],
  };
  for (const [field, { index, header }] of fromProperties.columns) {
    if ((ELEMENT_FIELDS as readonly ImportField[]).includes(field)) mapping.ignored.push(header);
    else mapping.columns.set(field, { index: ownColumns.length + index, header });
  }

  const elementOfRow = new Map<number, string>();
  const rows = applications.map((element, i) => {
    const number = i + 2;
    elementOfRow.set(number, element.identifier);
    const id = applicationIdOf(element.identifier);
    const own: Record<string, CellValue> = {
      id: id && context.knownApplicationIds.has(id) ? id : null,
      name: element.name,
      referenceComponents: [...(filled.get(element.identifier) ?? [])].sort().join('; '),
      notes: element.documentation,
    };
    const cells: CellValue[] = [...ownColumns.map(([field]) => own[field] ?? null), ...propertyNames.map(() => null)];
    for (const property of element.properties) {
      const index = ownColumns.length + propertyNames.indexOf(property.name);
      if (cells[index] === null) cells[index] = cellOf(property);
    }
    return { number, cells };
  });

  const municipality = model.properties.find((p) => mapHeaders([p.name]).columns.has('municipality'))?.value ?? null;
  return {
    sheet: { header: [...ownColumns.map(([, header]) => header), ...propertyNames], rows },
    mapping,
    elementOfRow,
    municipality,
    ignoredElements: [...ignored].map(([type, count]) => ({ type, count })).sort((a, b) => a.type.localeCompare(b.type)),
  };
}
