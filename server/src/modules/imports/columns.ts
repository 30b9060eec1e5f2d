/**
 * The columns an import reads and an export writes. Each field has the Dutch header the export and template use,
 * an English one, and the other names CIOs' spreadsheets and the GEMMA Softwarecatalogus portfolio export use.
 */
export const IMPORT_FIELDS = [
  'id',
  'municipality',
  'name',
  'vendor',
  'product',
  'version',
  'referenceComponents',
  'layer',
  'status',
  'lifecycle',
  'effectiveDate',
  'plannedReplacementYear',
  'annualCost',
  'notes',
  'updatedAt',
] as const;
export type ImportField = (typeof IMPORT_FIELDS)[number];

type ColumnDefinition = { dutch: string; english: string; synonyms: string[] };

export const COLUMNS: Record<ImportField, ColumnDefinition> = {
  id: { dutch: 'ID', english: 'ID', synonyms: ['applicatie id', 'application id', 'uuid'] },
  municipality: {
    dutch: 'Gemeentecode',
    english: 'Municipality code',
    synonyms: ['gemeente cbs', 'cbs code', 'cbs gemeentecode', 'gemeente code'],
  },
  name: { dutch: 'Naam', english: 'Name', synonyms: ['applicatie', 'applicatienaam', 'application', 'pakket naam', 'pakket', 'pakketnaam'] },
  vendor: { dutch: 'Leverancier', english: 'Vendor', synonyms: ['leverancier naam', 'supplier', 'leveranciernaam'] },
  product: { dutch: 'Product', english: 'Product', synonyms: ['productnaam'] },
  version: { dutch: 'Versie', english: 'Version', synonyms: ['pakketversie naam', 'pakketversie', 'versienummer'] },
  referenceComponents: {
    dutch: 'Referentiecomponenten',
    english: 'Reference components',
    synonyms: ['referentiecomponent', 'referentiecomponenten naam', 'referentiecomponent naam', 'reference component'],
  },
  layer: { dutch: 'Laag', english: 'Layer', synonyms: ['common ground laag', 'cg laag'] },
  status: { dutch: 'Status', english: 'Status', synonyms: ['common ground status', 'cg status'] },
  lifecycle: { dutch: 'Gebruiksstatus', english: 'Lifecycle', synonyms: ['gebruik status', 'usage status', 'levenscyclus'] },
  effectiveDate: {
    dutch: 'Ingangsdatum',
    english: 'Effective date',
    synonyms: ['gebruik datum ingang status', 'datum ingang status', 'ingangsdatum status', 'peildatum'],
  },
  plannedReplacementYear: {
    dutch: 'Gepland vervangjaar',
    english: 'Planned replacement year',
    synonyms: ['vervangjaar', 'jaar vervanging', 'replacement year'],
  },
  annualCost: { dutch: 'Jaarlijkse kosten', english: 'Annual cost', synonyms: ['kosten per jaar', 'jaarkosten', 'kosten', 'cost'] },
  notes: { dutch: 'Opmerkingen', english: 'Notes', synonyms: ['opmerking', 'toelichting', 'notities', 'notes'] },
  updatedAt: { dutch: 'Laatst gewijzigd', english: 'Last changed', synonyms: ['gewijzigd op', 'updated at', 'laatst bijgewerkt'] },
};

/** Case, accents, punctuation and spacing do not matter in a header: "Gebruik_Status" reads as "gebruik status". */
export function normaliseHeader(header: string): string {
  return header
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

const FIELD_BY_HEADER = new Map<string, ImportField>(
  IMPORT_FIELDS.flatMap((field) => {
    const c = COLUMNS[field];
    return [c.dutch, c.english, ...c.synonyms].map((h) => [normaliseHeader(h), field] as const);
  }),
);

export type HeaderMapping = {
  /** Where each recognised field is, and the header as the file spells it (for error messages). */
  columns: Map<ImportField, { index: number; header: string }>;
  ignored: string[];
  /** Headers that name a field already taken by an earlier column. */
  duplicates: { header: string; field: ImportField; first: string }[];
};

export function mapHeaders(headers: readonly string[]): HeaderMapping {
  const columns = new Map<ImportField, { index: number; header: string }>();
  const ignored: string[] = [];
  const duplicates: HeaderMapping['duplicates'] = [];
  headers.forEach((raw, index) => {
    const header = raw.trim();
    if (header === '') return;
    const field = FIELD_BY_HEADER.get(normaliseHeader(header));
    if (!field) ignored.push(header);
    else if (columns.has(field)) duplicates.push({ header, field, first: columns.get(field)!.header });
    else columns.set(field, { index, header });
  });
  return { columns, ignored, duplicates };
}

/**
 * The columns an export writes, in order, under their Dutch headers; the import reads each of them back. The last
 * change's moment lets an import of the file refuse an application that someone changed since it was exported.
 */
export const EXPORT_FIELDS = [
  'id',
  'name',
  'vendor',
  'product',
  'version',
  'referenceComponents',
  'layer',
  'status',
  'lifecycle',
  'plannedReplacementYear',
  'annualCost',
  'notes',
  'updatedAt',
] as const satisfies readonly ImportField[];
