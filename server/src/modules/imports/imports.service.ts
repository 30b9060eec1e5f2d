import { randomUUID } from 'node:crypto';
import type { Knex } from 'knex';
import {
  createApplicationSchema,
  updateApplicationSchema,
  type Application,
  type CreateApplicationInput,
  type UpdateApplicationInput,
} from '@tm/shared/schemas/application';
import { message, translate } from '@tm/shared/messages/messages';
import type { Language } from '@tm/shared/messages/languages';
import { issueMessage } from '@tm/shared/messages/zod-issues';
import type { ImportChange, ImportError, ImportQuery, ImportReport, SheetError } from '@tm/shared/schemas/import';
import { todayIso } from '@tm/shared/dates';
import { dutchOrder } from '@tm/shared/dutch-order';
import { oncePerValue } from '@tm/shared/once-per-value';
import type { z } from 'zod';
import type { Actor } from '../../http/actor.ts';
import { AppError } from '../../http/app-error.ts';
import { type ApplicationChange, type Plan as WritePlan, type PlannedWrite, planChanges } from '../inventory/application-planner.ts';
import { writePlan } from '../inventory/application-writer.ts';
import * as applications from '../inventory/applications.repository.ts';
import { changeOf, creationOf } from '../inventory/inventory.service.ts';
import { getMunicipality, requireTakingApplications } from '../municipalities/municipalities.service.ts';
import { listReferenceComponents } from '../reference-components/reference-components.repository.ts';
import { COLUMNS, mapHeaders, type HeaderMapping, type ImportField } from './columns.ts';
import { mergeRows, type MergedApplication } from './merge.ts';
import { looksLikeXml, readExchangeFile } from '../archimate/ameff-import.ts';
import { readSpreadsheet, type Sheet } from './read-file.ts';
import { readRows, type ImportRow, type RowValues } from './rows.ts';
import * as imports from './imports.repository.ts';

type Plan = {
  rows: number;
  applications: number;
  /** What the write path makes of the file's valid applications, by the same rule as every other change. */
  write: WritePlan;
  /** The rows of the file each planned change came from, by application id. */
  rowsOf: Map<string, number[]>;
  /** Applications the file lists and changes, or that already are as it says (applications with errors not counted). */
  updated: number;
  unchanged: number;
  defaultedToLegacy: number;
  /** Applications whose rows have errors: never written. */
  skipped: number;
  missing: Application[];
  errors: SheetError[];
  /** Rows whose application was changed after the file was exported (some of `errors`). */
  stale: number;
};

/**
 * Names are matched as people read them: case and spacing aside, accents kept. (Dutch has no casing rules of its
 * own, so the language-neutral lower case is the Dutch one.)
 */
function identity(text: string | null | undefined): string {
  return (text ?? '').normalize('NFC').trim().replace(/\s+/g, ' ').toLowerCase();
}

/** A file read as a sheet of rows under named columns, whatever it was: a spreadsheet or an ArchiMate exchange file. */
type ImportSource = {
  sheet: Sheet;
  mapping: HeaderMapping;
  /** For an exchange file: the element each row came from, which its errors name instead of the row. */
  elementOfRow?: ReadonlyMap<number, string>;
  ignoredElements?: { type: string; count: number }[];
};

function checkHeader(mapping: HeaderMapping): void {
  if (mapping.columns.size === 0)
    throw AppError.unprocessable(message('imports.noKnownColumn', { examples: [COLUMNS.name.dutch, COLUMNS.vendor.dutch, COLUMNS.status.dutch] }));
  if (mapping.duplicates.length > 0)
    throw AppError.unprocessable(
      message('imports.duplicateColumns', { pairs: mapping.duplicates.map((d) => message('imports.columnPair', { first: d.first, second: d.header })) }),
    );
  if (!mapping.columns.has('name'))
    throw AppError.unprocessable(message('imports.noNameColumn', { names: [COLUMNS.name.dutch, COLUMNS.name.english, 'Pakket Naam'] }));
}

/** Which column of the file an invalid field of the API's schemas came from. */
const SCHEMA_FIELD_TO_COLUMN: Record<string, ImportField> = { referenceComponentIds: 'referenceComponents' };

function schemaErrors(
  result: z.ZodSafeParseResult<unknown>,
  app: MergedApplication,
  mapping: HeaderMapping,
): SheetError[] {
  if (result.success) return [];
  return result.error.issues.map((issue) => {
    const key = String(issue.path[0] ?? 'name');
    const field = (SCHEMA_FIELD_TO_COLUMN[key] ?? key) as ImportField;
    return { row: app.rows[0]!, column: mapping.columns.get(field)?.header ?? null, message: issueMessage(issue) };
  });
}

/** A planned application may be dated at its future go-live; until then it is simply planned from today. */
function effectiveDateOf(values: Partial<RowValues>, lifecycle: string | undefined): string | undefined {
  const date = values.effectiveDate ?? undefined;
  return date && date > todayIso() && lifecycle === 'planned' ? undefined : date;
}

function planCreate(app: MergedApplication, mapping: HeaderMapping): { input?: CreateApplicationInput; errors: SheetError[] } {
  const v = app.values;
  const candidate = Object.fromEntries(
    Object.entries({
      name: v.name ?? '',
      vendor: v.vendor,
      product: v.product,
      version: v.version,
      referenceComponentIds: v.referenceComponents,
      layer: v.layer,
      status: v.status ?? undefined,
      lifecycle: v.lifecycle ?? undefined,
      effectiveDate: effectiveDateOf(v, v.lifecycle ?? 'in_production'),
      plannedReplacementYear: v.plannedReplacementYear,
      annualCost: v.annualCost,
      notes: v.notes,
    }).filter(([, value]) => value !== undefined),
  );
  const result = createApplicationSchema.safeParse(candidate);
  return result.success ? { input: result.data, errors: [] } : { errors: schemaErrors(result, app, mapping) };
}

const PLAIN_FIELDS = ['name', 'vendor', 'product', 'version', 'layer', 'plannedReplacementYear', 'annualCost', 'notes'] as const;

/**
 * Whatever the file gives, as a PATCH would send it; the planner decides what of it changes anything. A column the
 * file lacks changes nothing.
 */
function planUpdate(app: MergedApplication, current: Application, mapping: HeaderMapping): { input?: UpdateApplicationInput; errors: SheetError[] } {
  const v = app.values;
  const input: Record<string, unknown> = {};
  for (const field of PLAIN_FIELDS) if (field in v) input[field] = field === 'name' ? (v.name ?? '') : v[field];
  if (v.referenceComponents) input.referenceComponentIds = v.referenceComponents;
  for (const field of ['status', 'lifecycle'] as const) if (v[field]) input[field] = v[field];
  const effectiveDate = effectiveDateOf(v, (input.lifecycle as string | undefined) ?? current.lifecycle);
  if ((input.status || input.lifecycle) && effectiveDate) input.effectiveDate = effectiveDate;
  if (Object.keys(input).length === 0) return { errors: [] };
  const result = updateApplicationSchema.safeParse(input);
  return result.success ? { input: result.data, errors: [] } : { errors: schemaErrors(result, app, mapping) };
}

/**
 * What importing the file into `code` would do, judged against its applications as stored: with `lock`, they stay
 * locked for the rest of the transaction, so what is written is what was planned.
 */
async function makePlan(
  db: Knex,
  code: string,
  rows: ImportRow[],
  mapping: HeaderMapping,
  readErrors: SheetError[],
  options: ImportQuery & { lock: boolean },
): Promise<Plan> {
  const stored = await applications.findForChange(db, { municipalityCode: code }, { lock: options.lock });
  const existing = [...stored.values()].map((s) => s.application);
  const byId = new Map(existing.map((a) => [a.id, a]));
  const hasVendor = mapping.columns.has('vendor');
  const identityOf = oncePerValue(identity);
  const nameKey = (name: string | null | undefined, vendor: string | null | undefined) =>
    hasVendor ? `${identityOf(name)}\u0000${identityOf(vendor)}` : identityOf(name);
  const byName = new Map<string, Application[]>();
  for (const a of existing) {
    const key = nameKey(a.name, a.vendor);
    byName.set(key, [...(byName.get(key) ?? []), a]);
  }

  const errors = [...readErrors];
  const stale: SheetError[] = [];
  const header = (field: ImportField) => mapping.columns.get(field)?.header ?? COLUMNS[field].dutch;
  const unknownIds = rows.flatMap((r) => (r.values.id && !byId.has(r.values.id) ? [r.values.id] : []));
  const deleted = unknownIds.length > 0 ? await applications.deletedAmong(db, code, unknownIds) : new Set<string>();
  const keyed: (ImportRow & { key: string })[] = [];
  for (const row of rows) {
    const { id, name, vendor } = row.values;
    if (id) {
      if (byId.has(id)) keyed.push({ ...row, key: `id:${id}` });
      else if (deleted.has(id) && row.values.updatedAt)
        stale.push({ row: row.number, column: header('updatedAt'), message: message('imports.deletedSinceExport') });
      else errors.push({ row: row.number, column: header('id'), message: message('imports.unknownId', { code }) });
    } else if (!name) {
      errors.push({ row: row.number, column: header('name'), message: message('validation.required') });
    } else {
      const matches = byName.get(nameKey(name, vendor)) ?? [];
      if (matches.length > 1)
        errors.push({
          row: row.number,
          column: header('name'),
          message:
            hasVendor && vendor
              ? message('imports.ambiguousNameVendor', { count: matches.length, name, vendor })
              : message('imports.ambiguousName', { count: matches.length, name }),
        });
      else keyed.push({ ...row, key: matches[0] ? `id:${matches[0].id}` : `new:${nameKey(name, vendor)}` });
    }
  }
  const merged = mergeRows(keyed, header);
  errors.push(...merged.errors);

  /** What the file asks of each application it describes; whether it may be written is known once all errors are. */
  const planned: { app: MergedApplication; change?: ApplicationChange; defaulted: boolean }[] = [];
  const listed = new Set<string>();
  for (const app of merged.applications) {
    if (app.key.startsWith('id:')) {
      const current = stored.get(app.key.slice(3))!;
      listed.add(current.application.id);
      const seen = app.values.updatedAt;
      if (seen && Date.parse(seen) !== Date.parse(current.application.updatedAt))
        stale.push({ row: app.rows[0]!, column: header('updatedAt'), message: message('imports.changedSinceExport', { updatedAt: current.application.updatedAt }) });
      const { input, errors: rowErrors } = planUpdate(app, current.application, mapping);
      errors.push(...rowErrors);
      planned.push({ app, ...(input ? { change: changeOf(current, input) } : {}), defaulted: false });
    } else {
      const { input, errors: rowErrors } = planCreate(app, mapping);
      errors.push(...rowErrors);
      planned.push({ app, ...(input ? { change: creationOf(code, input) } : {}), defaulted: !app.values.status });
    }
  }
  errors.push(...stale);
  // An application with an error on any of its rows is left out whole: a bad status is an error, not "no status".
  const badRows = new Set(errors.map((e) => e.row));
  const valid = planned.filter((p) => !p.app.rows.some((row) => badRows.has(row)));
  const changes = valid.flatMap((p) => (p.change ? [p.change] : []));
  const rowsOf = new Map(valid.flatMap((p) => (p.change ? [[changedId(p.change), p.app.rows] as const] : [])));
  const missing = existing
    .filter((a) => !listed.has(a.id) && a.lifecycle !== 'phased_out')
    .sort((a, b) => dutchOrder(a.name, b.name) || a.id.localeCompare(b.id));
  if (options.missing === 'phase-out') changes.push(...missing.map((a) => changeOf(stored.get(a.id)!, { lifecycle: 'phased_out' })));
  const write = planChanges(changes, todayIso());
  const order = [...mapping.columns.values()].map((c) => c.header);
  errors.sort((a, b) => a.row - b.row || order.indexOf(a.column ?? '') - order.indexOf(b.column ?? ''));
  const written = new Set(write.writes.map((w) => w.next.id));
  const updated = write.writes.filter((w) => w.action === 'updated' && listed.has(w.next.id)).length;
  return {
    rows: rows.length,
    applications: merged.applications.length,
    write,
    rowsOf,
    updated,
    unchanged: valid.filter((p) => p.app.key.startsWith('id:') && !written.has(p.app.key.slice(3))).length,
    defaultedToLegacy: valid.filter((p) => p.defaulted && p.change).length,
    skipped: planned.length - valid.length,
    missing,
    errors,
    stale: stale.length,
  };
}

const changedId = (change: ApplicationChange) => (change.kind === 'create' ? change.id : change.current.application.id);

function reportedError(error: SheetError, source: ImportSource, language: Language): ImportError {
  const said = { column: error.column, message: translate(language, error.message) };
  const element = source.elementOfRow?.get(error.row);
  return element === undefined ? { row: error.row, ...said } : { element, ...said };
}

/** The fields a change sets, as a reader compares them: a new application's empty fields are left out. */
function fieldChanges(write: PlannedWrite, referenceComponentName: (id: string) => string): ImportChange['fields'] {
  const { before, after } = write.event;
  const shown = (field: string, value: unknown) =>
    field === 'referenceComponentIds' && Array.isArray(value) ? value.map((id: string) => referenceComponentName(id)) : (value ?? null);
  const fields = Object.keys(after ?? {}).filter((field) => {
    const value = after?.[field];
    return write.action !== 'created' || (field !== 'criteria' && value !== null && !(Array.isArray(value) && value.length === 0));
  });
  return fields.map((field) => ({
    field: field === 'referenceComponentIds' ? 'referenceComponents' : field,
    before: before ? shown(field, before[field]) : null,
    after: shown(field, after?.[field]),
  }));
}

function changesOf(plan: Plan, referenceComponents: readonly { id: string; name: string }[]): ImportChange[] {
  const names = new Map(referenceComponents.map((c) => [c.id, c.name]));
  return plan.write.writes.flatMap((write) =>
    write.action === 'created' || write.action === 'updated'
      ? [
          {
            action: write.action,
            id: write.next.id,
            name: write.next.name,
            rows: plan.rowsOf.get(write.next.id) ?? [],
            fields: fieldChanges(write, (id) => names.get(id) ?? id),
          },
        ]
      : [],
  );
}

type ReportContext = { source: ImportSource; language: Language; referenceComponents: readonly { id: string; name: string }[] };

function report(plan: Plan, options: ImportQuery, committed: boolean, context: ReportContext, importId: string | null = null): ImportReport {
  const { source, language } = context;
  return {
    mode: options.mode,
    committed,
    rows: plan.rows,
    applications: plan.applications,
    created: plan.write.writes.filter((w) => w.action === 'created').length,
    updated: plan.updated,
    unchanged: plan.unchanged,
    skipped: plan.skipped,
    defaultedToLegacy: plan.defaultedToLegacy,
    missing: plan.missing.map((a) => ({ id: a.id, name: a.name, vendor: a.vendor })),
    phasedOut: options.missing === 'phase-out' ? plan.missing.length : 0,
    ignoredColumns: source.mapping.ignored,
    ...(source.ignoredElements ? { ignoredElements: source.ignoredElements } : {}),
    errors: plan.errors.map((e) => reportedError(e, source, language)),
    changes: changesOf(plan, context.referenceComponents),
    importId,
  };
}

async function readSource(db: Knex, code: string, content: Buffer, referenceComponents: readonly { id: string; name: string }[]): Promise<ImportSource> {
  if (looksLikeXml(content)) return readExchangeFile(db, code, content, referenceComponents);
  const sheet = await readSpreadsheet(content);
  const mapping = mapHeaders(sheet.header);
  checkHeader(mapping);
  return { sheet, mapping };
}

/**
 * Reads a spreadsheet or an ArchiMate exchange file into a municipality's inventory. A dry run only reports what
 * would happen; a commit writes it in one transaction: every application, or nothing when any row is wrong, or with
 * `invalid=skip` every application without errors. Applications the file does not list stay as they are unless the
 * caller asks to mark them phased out. A committed import is kept so that it can be undone (`import-undo.ts`).
 */
export async function importSpreadsheet(
  db: Knex,
  code: string,
  file: { name: string; content: Buffer },
  options: ImportQuery,
  actor: Actor,
  language: Language,
): Promise<ImportReport> {
  await getMunicipality(db, code);
  await requireTakingApplications(db, [code]);
  const referenceComponents = await listReferenceComponents(db);
  const source = await readSource(db, code, file.content, referenceComponents);
  const { mapping } = source;
  const { rows, errors } = readRows(source.sheet, mapping, { municipalityCode: code, referenceComponents });
  const context: ReportContext = { source, language, referenceComponents };

  if (options.mode === 'dry-run') return report(await makePlan(db, code, rows, mapping, errors, { ...options, lock: false }), options, false, context);

  return db.transaction(async (trx) => {
    const plan = await makePlan(trx, code, rows, mapping, errors, { ...options, lock: true });
    // Made only for a refusal: the report of 10,000 changes takes a tenth of a second.
    const refused = () => report(plan, options, false, context);
    // A file exported before someone else's change would undo it: never written, not even its valid rows.
    if (plan.stale > 0) throw AppError.conflict(message('imports.refusedStale', { count: plan.stale }), undefined, refused());
    if (plan.errors.length > 0 && options.invalid === 'refuse')
      throw AppError.unprocessable(message('imports.refusedErrors', { count: plan.errors.length }), undefined, refused());
    const importId = plan.write.writes.length > 0 ? randomUUID() : null;
    const result = report(plan, options, true, context, importId);
    const written = await writePlan(trx, plan.write, actor, () => [
      {
        action: 'applications.imported',
        entityType: 'municipality',
        entityId: code,
        municipalityCode: code,
        after: {
          import: importId,
          file: file.name,
          rows: result.rows,
          created: result.created,
          updated: result.updated,
          unchanged: result.unchanged,
          skipped: result.skipped,
          phasedOut: result.phasedOut,
          missing: result.missing.length,
        },
      },
    ]);
    if (importId) await imports.insert(trx, { id: importId, municipalityCode: code, fileName: file.name, written }, actor);
    return result;
  });
}
