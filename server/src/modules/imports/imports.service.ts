import type { Knex } from 'knex';
import {
  createApplicationSchema,
  updateApplicationSchema,
  type Application,
  type CreateApplicationInput,
  type UpdateApplicationInput,
} from '@tm/shared/schemas/application';
import { translate } from '@tm/shared/messages/messages';
import { issueMessage } from '@tm/shared/messages/zod-issues';
import type { ImportError, ImportQuery, ImportReport, SheetError } from '@tm/shared/schemas/import';
import { todayIso } from '@tm/shared/dates';
import type { z } from 'zod';
import type { Actor } from '../../http/actor.ts';
import { AppError } from '../../http/app-error.ts';
import { type ApplicationChange, type Plan as WritePlan, planChanges } from '../inventory/application-planner.ts';
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

type Plan = {
  rows: number;
  applications: number;
  /** What the write path makes of the file, by the same rule as every other change. */
  write: WritePlan;
  /** Applications the file lists and changes, or that already are as it says. */
  updated: number;
  unchanged: number;
  defaultedToLegacy: number;
  missing: Application[];
  errors: SheetError[];
  /** Rows whose application was changed after the file was exported (some of `errors`). */
  stale: number;
};

/** Names are matched as people read them: case and spacing aside, accents kept. */
function identity(text: string | null | undefined): string {
  return (text ?? '').normalize('NFC').trim().replace(/\s+/g, ' ').toLocaleLowerCase('nl');
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
  const expected = `such as ${COLUMNS.name.dutch}, ${COLUMNS.vendor.dutch}, ${COLUMNS.status.dutch} (download the template for all of them)`;
  if (mapping.columns.size === 0)
    throw AppError.unprocessable(`Row 1 holds no column name this import knows; row 1 must hold the column names, ${expected}`);
  if (mapping.duplicates.length > 0)
    throw AppError.unprocessable(
      mapping.duplicates.map((d) => `Columns "${d.first}" and "${d.header}" both give the ${COLUMNS[d.field].english.toLowerCase()}`).join('; '),
    );
  if (!mapping.columns.has('name'))
    throw AppError.unprocessable(`The file has no column with the application's name (${COLUMNS.name.dutch}, ${COLUMNS.name.english} or Pakket Naam)`);
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
    // English, as the rest of the report, until this module answers in the caller's language.
    return { row: app.rows[0]!, column: mapping.columns.get(field)?.header ?? null, message: translate('en', issueMessage(issue)) };
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
  const nameKey = (name: string | null | undefined, vendor: string | null | undefined) =>
    hasVendor ? `${identity(name)}\u0000${identity(vendor)}` : identity(name);
  const byName = new Map<string, Application[]>();
  for (const a of existing) byName.set(nameKey(a.name, a.vendor), [...(byName.get(nameKey(a.name, a.vendor)) ?? []), a]);

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
        stale.push({ row: row.number, column: header('updatedAt'), message: 'Deleted by someone else since this file was exported' });
      else errors.push({ row: row.number, column: header('id'), message: `No application with this id in ${code}; leave the ID empty to add it as new` });
    } else if (!name) {
      errors.push({ row: row.number, column: header('name'), message: 'Required' });
    } else {
      const matches = byName.get(nameKey(name, vendor)) ?? [];
      if (matches.length > 1)
        errors.push({
          row: row.number,
          column: header('name'),
          message: `${matches.length} applications are called "${name}"${hasVendor ? ` from ${vendor ?? 'no vendor'}` : ''}; add the ID column (export the inventory to get it) to say which`,
        });
      else keyed.push({ ...row, key: matches[0] ? `id:${matches[0].id}` : `new:${nameKey(name, vendor)}` });
    }
  }
  const merged = mergeRows(keyed, header);
  errors.push(...merged.errors);

  const changes: ApplicationChange[] = [];
  const listed = new Set<string>();
  let defaultedToLegacy = 0;
  let silent = 0;
  for (const app of merged.applications) {
    if (app.key.startsWith('id:')) {
      const current = stored.get(app.key.slice(3))!;
      listed.add(current.application.id);
      const seen = app.values.updatedAt;
      if (seen && Date.parse(seen) !== Date.parse(current.application.updatedAt))
        stale.push({
          row: app.rows[0]!,
          column: header('updatedAt'),
          message: `Changed by someone else since this file was exported (now ${current.application.updatedAt}); export again and redo your change`,
        });
      const { input, errors: rowErrors } = planUpdate(app, current.application, mapping);
      errors.push(...rowErrors);
      if (input) changes.push(changeOf(current, input));
      else if (rowErrors.length === 0) silent++;
    } else {
      const { input, errors: rowErrors } = planCreate(app, mapping);
      errors.push(...rowErrors);
      if (input) {
        changes.push(creationOf(code, input));
        if (!app.values.status) defaultedToLegacy++;
      }
    }
  }
  const missing = existing
    .filter((a) => !listed.has(a.id) && a.lifecycle !== 'phased_out')
    .sort((a, b) => a.name.localeCompare(b.name, 'nl') || a.id.localeCompare(b.id));
  if (options.missing === 'phase-out') changes.push(...missing.map((a) => changeOf(stored.get(a.id)!, { lifecycle: 'phased_out' })));
  errors.push(...stale);
  const write = planChanges(changes, todayIso());
  const order = [...mapping.columns.values()].map((c) => c.header);
  errors.sort((a, b) => a.row - b.row || order.indexOf(a.column ?? '') - order.indexOf(b.column ?? ''));
  const updated = write.writes.filter((w) => w.action === 'updated' && listed.has(w.next.id)).length;
  const unchanged = silent + write.unchanged.length;
  return { rows: rows.length, applications: merged.applications.length, write, updated, unchanged, defaultedToLegacy, missing, errors, stale: stale.length };
}

function reportedError(error: SheetError, source: ImportSource): ImportError {
  const element = source.elementOfRow?.get(error.row);
  if (element === undefined) return error;
  const { row: _row, ...rest } = error;
  return { element, ...rest };
}

function report(plan: Plan, options: ImportQuery, committed: boolean, source: ImportSource): ImportReport {
  return {
    mode: options.mode,
    committed,
    rows: plan.rows,
    applications: plan.applications,
    created: plan.write.writes.filter((w) => w.action === 'created').length,
    updated: plan.updated,
    unchanged: plan.unchanged,
    defaultedToLegacy: plan.defaultedToLegacy,
    missing: plan.missing.map((a) => ({ id: a.id, name: a.name, vendor: a.vendor })),
    phasedOut: options.missing === 'phase-out' ? plan.missing.length : 0,
    ignoredColumns: source.mapping.ignored,
    ...(source.ignoredElements ? { ignoredElements: source.ignoredElements } : {}),
    errors: plan.errors.map((e) => reportedError(e, source)),
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
 * would happen; a commit writes it all in one transaction, or nothing when any row is wrong. Applications the file does not list stay as they
 * are unless the caller asks to mark them phased out.
 */
export async function importSpreadsheet(
  db: Knex,
  code: string,
  file: { name: string; content: Buffer },
  options: ImportQuery,
  actor: Actor,
): Promise<ImportReport> {
  await getMunicipality(db, code);
  await requireTakingApplications(db, [code]);
  const referenceComponents = await listReferenceComponents(db);
  const source = await readSource(db, code, file.content, referenceComponents);
  const { mapping } = source;
  const { rows, errors } = readRows(source.sheet, mapping, { municipalityCode: code, referenceComponents });

  if (options.mode === 'dry-run')
    return report(await makePlan(db, code, rows, mapping, errors, { ...options, lock: false }), options, false, source);

  return db.transaction(async (trx) => {
    const plan = await makePlan(trx, code, rows, mapping, errors, { ...options, lock: true });
    const refused = report(plan, options, false, source);
    if (plan.stale > 0)
      throw AppError.conflict(
        `Nothing was imported: ${plan.stale} of the applications in the file were changed by someone else since it was exported`,
        undefined,
        refused,
      );
    if (plan.errors.length > 0) {
      const count = `${refused.errors.length} error${refused.errors.length === 1 ? '' : 's'}`;
      throw AppError.unprocessable(`Nothing was imported: ${count} in the file`, undefined, refused);
    }
    const result = report(plan, options, true, source);
    await writePlan(trx, plan.write, actor, () => [
      {
        action: 'applications.imported',
        entityType: 'municipality',
        entityId: code,
        municipalityCode: code,
        after: {
          file: file.name,
          rows: result.rows,
          created: result.created,
          updated: result.updated,
          unchanged: result.unchanged,
          phasedOut: result.phasedOut,
          missing: result.missing.length,
        },
      },
    ]);
    return result;
  });
}
