/**
 * Writes applications as the import reads them (Dutch headers, Dutch labels), so that exporting and importing the
 * file again changes nothing. Text that a spreadsheet would run as a formula is neutralised.
 */
import type ExcelJS from 'exceljs';
import { stringify } from 'csv-stringify/sync';
import { LAYERS, LIFECYCLES, STATUSES, type Application } from '@tm/shared/schemas/application';
import { COLUMNS, EXPORT_FIELDS, type ImportField } from './columns.ts';
import { LAYER_LABELS, LIFECYCLE_LABELS, neutraliseFormula, STATUS_LABELS } from './values.ts';
import { newWorkbook } from './workbook.ts';

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

type Cell = string | number | null;

function row(app: Application, referenceNames: ReadonlyMap<string, string>): Cell[] {
  const text = (value: string | null) => (value === null ? null : neutraliseFormula(value));
  const cells: Record<(typeof EXPORT_FIELDS)[number], Cell> = {
    id: app.id,
    name: text(app.name),
    vendor: text(app.vendor),
    product: text(app.product),
    version: text(app.version),
    referenceComponents: app.referenceComponentIds.map((id) => referenceNames.get(id) ?? id).sort().join('; ') || null,
    layer: app.layer ? LAYER_LABELS[app.layer] : null,
    status: STATUS_LABELS[app.status],
    lifecycle: LIFECYCLE_LABELS[app.lifecycle],
    plannedReplacementYear: app.plannedReplacementYear,
    annualCost: app.annualCost,
    notes: text(app.notes),
    updatedAt: app.updatedAt,
  };
  return EXPORT_FIELDS.map((f) => cells[f]);
}

/** Semicolons, a byte-order mark and decimal commas: what Excel with Dutch settings opens as columns. */
export function toCsv(applications: readonly Application[], referenceNames: ReadonlyMap<string, string>): Buffer {
  const records = applications.map((app) =>
    row(app, referenceNames).map((cell) => (typeof cell === 'number' ? String(cell).replace('.', ',') : (cell ?? ''))),
  );
  const csv = stringify([EXPORT_FIELDS.map((f) => COLUMNS[f].dutch), ...records], { delimiter: ';', bom: true, record_delimiter: 'windows' });
  return Buffer.from(csv, 'utf8');
}

export async function toXlsx(applications: readonly Application[], referenceNames: ReadonlyMap<string, string>): Promise<Buffer> {
  const workbook = await newWorkbook();
  const sheet = workbook.addWorksheet('Applicaties', { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = EXPORT_FIELDS.map((f) => ({ header: COLUMNS[f].dutch, key: f, width: COLUMN_WIDTHS[f] ?? 18 }));
  sheet.getRow(1).font = { bold: true };
  sheet.getColumn('annualCost').numFmt = '#,##0.00';
  for (const app of applications) sheet.addRow(row(app, referenceNames));
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: EXPORT_FIELDS.length } };
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

const COLUMN_WIDTHS: Partial<Record<ImportField, number>> = { id: 38, name: 32, referenceComponents: 40, notes: 40, updatedAt: 26 };

/** The columns to fill in, drop-down lists of allowed values, and one example row. */
export async function importTemplate(referenceComponentNames: readonly string[]): Promise<Buffer> {
  const workbook = await newWorkbook();
  const sheet = workbook.addWorksheet('Applicaties', { views: [{ state: 'frozen', ySplit: 1 }] });
  const fields = ['name', 'vendor', 'product', 'version', 'referenceComponents', 'layer', 'status', 'lifecycle', 'effectiveDate', 'plannedReplacementYear', 'annualCost', 'notes'] as const;
  sheet.columns = fields.map((f) => ({ header: COLUMNS[f].dutch, key: f, width: COLUMN_WIDTHS[f] ?? 20 }));
  sheet.getRow(1).font = { bold: true };
  sheet.addRow({
    name: 'Voorbeeld Zaaksysteem (vervang of verwijder deze regel)',
    vendor: 'Voorbeeld Leverancier B.V.',
    product: 'Zaaksysteem',
    version: '5.2',
    referenceComponents: referenceComponentNames.includes('Zaakregistratiecomponent') ? 'Zaakregistratiecomponent' : (referenceComponentNames[0] ?? ''),
    layer: LAYER_LABELS.process,
    status: STATUS_LABELS.legacy,
    lifecycle: LIFECYCLE_LABELS.in_production,
    effectiveDate: new Date(Date.UTC(2019, 0, 1)),
    plannedReplacementYear: 2027,
    annualCost: 12500,
    notes: 'Koppeling met basisregistraties via de servicebus',
  });
  sheet.getColumn('effectiveDate').numFmt = 'dd-mm-yyyy';
  sheet.getColumn('annualCost').numFmt = '#,##0.00';

  // Lists longer than 255 characters cannot be written inline; the reference components live on their own sheet.
  const lists = workbook.addWorksheet('Referentiecomponenten', { state: 'hidden' });
  referenceComponentNames.forEach((name, i) => (lists.getCell(i + 1, 1).value = name));
  const columnOf = (field: (typeof fields)[number]) => sheet.getColumn(field).letter;
  const range = (field: (typeof fields)[number]) => `${columnOf(field)}2:${columnOf(field)}20001`;
  const inline = (values: readonly string[]) => [`"${values.join(',')}"`];
  const validations: [(typeof fields)[number], ExcelJS.DataValidation][] = [
    ['layer', { type: 'list', allowBlank: true, showErrorMessage: true, formulae: inline(LAYERS.map((l) => LAYER_LABELS[l])) }],
    ['status', { type: 'list', allowBlank: true, showErrorMessage: true, formulae: inline(STATUSES.map((s) => STATUS_LABELS[s])) }],
    ['lifecycle', { type: 'list', allowBlank: true, showErrorMessage: true, formulae: inline(LIFECYCLES.map((l) => LIFECYCLE_LABELS[l])) }],
    [
      'referenceComponents',
      // A warning, not a stop: a suite fills several components, separated by semicolons.
      { type: 'list', allowBlank: true, errorStyle: 'warning', showErrorMessage: true, formulae: [`Referentiecomponenten!$A$1:$A$${Math.max(1, referenceComponentNames.length)}`] },
    ],
    ['plannedReplacementYear', { type: 'whole', operator: 'between', allowBlank: true, showErrorMessage: true, formulae: [1990, 2100], error: 'Een jaar tussen 1990 en 2100' }],
    ['annualCost', { type: 'decimal', operator: 'greaterThanOrEqual', allowBlank: true, showErrorMessage: true, formulae: [0], error: 'Een bedrag in euro, niet negatief' }],
    ['effectiveDate', { type: 'date', operator: 'greaterThan', allowBlank: true, showErrorMessage: true, formulae: [new Date(Date.UTC(1990, 0, 1))], error: 'Een datum, bijvoorbeeld 15-06-2023' }],
  ];
  // exceljs keeps data validations on the worksheet without declaring them in its types.
  const { dataValidations } = sheet as unknown as { dataValidations: { add(range: string, v: ExcelJS.DataValidation): void } };
  for (const [field, validation] of validations) dataValidations.add(range(field), validation);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
