import type { Knex } from 'knex';
import type {
  Application,
  ApplicationListQuery,
  Criteria,
  Layer,
  Lifecycle,
  Status,
} from '@tm/shared/schemas/application';

type ApplicationRow = {
  id: string;
  municipality_code: string;
  name: string;
  vendor: string | null;
  product: string | null;
  version: string | null;
  layer: Layer | null;
  status: Status;
  lifecycle: Lifecycle;
  criteria: Criteria;
  in_use_since: string | null;
  retired_at: string | null;
  replaced_by: string | null;
  planned_replacement_year: number | null;
  annual_cost: number | null;
  notes: string | null;
  created_at: Date;
  updated_at: Date;
  revision: number;
  reference_component_ids: string[] | null;
};

export type StoredApplication = { application: Application; revision: number };

/** The fields a caller may write; status and lifecycle are kept in step with the event timeline. */
export type ApplicationFields = Omit<Application, 'id' | 'municipalityCode' | 'createdAt' | 'updatedAt' | 'referenceComponentIds'>;

const COLUMNS: Record<keyof ApplicationFields, string> = {
  name: 'name',
  vendor: 'vendor',
  product: 'product',
  version: 'version',
  layer: 'layer',
  status: 'status',
  lifecycle: 'lifecycle',
  criteria: 'criteria',
  inUseSince: 'in_use_since',
  retiredAt: 'retired_at',
  replacedBy: 'replaced_by',
  plannedReplacementYear: 'planned_replacement_year',
  annualCost: 'annual_cost',
  notes: 'notes',
};

const SORT_COLUMNS: Record<string, string> = {
  name: 'a.name',
  vendor: 'a.vendor',
  status: 'a.status',
  layer: 'a.layer',
  lifecycle: 'a.lifecycle',
  plannedReplacementYear: 'a.planned_replacement_year',
  annualCost: 'a.annual_cost',
  updatedAt: 'a.updated_at',
};

function toApplication(row: ApplicationRow): StoredApplication {
  return {
    revision: row.revision,
    application: {
      id: row.id,
      municipalityCode: row.municipality_code,
      name: row.name,
      vendor: row.vendor,
      product: row.product,
      version: row.version,
      referenceComponentIds: (row.reference_component_ids ?? []).slice().sort(),
      layer: row.layer,
      status: row.status,
      lifecycle: row.lifecycle,
      criteria: row.criteria ?? {},
      inUseSince: row.in_use_since,
      retiredAt: row.retired_at,
      replacedBy: row.replaced_by,
      plannedReplacementYear: row.planned_replacement_year,
      annualCost: row.annual_cost,
      notes: row.notes,
      createdAt: row.created_at.toISOString(),
      updatedAt: row.updated_at.toISOString(),
    },
  };
}

function toRow(fields: Partial<ApplicationFields>): Record<string, unknown> {
  const row: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(fields)) {
    const column = COLUMNS[key as keyof ApplicationFields];
    if (column && value !== undefined) row[column] = key === 'criteria' ? JSON.stringify(value) : value;
  }
  return row;
}

function selectApplications(db: Knex) {
  return db('applications as a').select(
    'a.*',
    db.raw(
      `array(select r.reference_component_id::text from application_reference_components r
             where r.application_id = a.id order by 1) as reference_component_ids`,
    ),
  );
}

export async function findById(db: Knex, id: string): Promise<StoredApplication | undefined> {
  const row = await selectApplications(db).where('a.id', id).whereNull('a.deleted_at').first();
  return row ? toApplication(row) : undefined;
}

/**
 * Locks the row for the rest of the transaction so that concurrent writers queue behind each other, and reads it
 * in the same statement. A writer that waited gets the row's newest revision, so its revision check refuses the
 * stale edit.
 */
export async function findByIdForUpdate(db: Knex, id: string): Promise<StoredApplication | undefined> {
  const row = await selectApplications(db).where('a.id', id).whereNull('a.deleted_at').forUpdate('a').first();
  return row ? toApplication(row) : undefined;
}

/**
 * Locks the municipality's applications among `ids` (in id order, so that two such calls cannot deadlock) and
 * answers them by id; ids that are unknown, deleted or of another municipality are absent.
 */
export async function findManyForUpdate(db: Knex, municipalityCode: string, ids: readonly string[]): Promise<Map<string, StoredApplication>> {
  const locked: { id: string }[] = await db('applications')
    .select('id')
    .whereIn('id', ids)
    .where({ municipality_code: municipalityCode })
    .whereNull('deleted_at')
    .orderBy('id')
    .forUpdate();
  return findByIds(db, locked.map((r) => r.id));
}

export async function findByIds(db: Knex, ids: readonly string[]): Promise<Map<string, StoredApplication>> {
  if (ids.length === 0) return new Map();
  const rows: ApplicationRow[] = await selectApplications(db).whereIn('a.id', ids).whereNull('a.deleted_at');
  return new Map(rows.map((r) => [r.id, toApplication(r)]));
}

function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

function applyFilters(query: Knex.QueryBuilder, db: Knex, code: string, filter: ApplicationListQuery): void {
  query.where('a.municipality_code', code).whereNull('a.deleted_at');
  if (filter.q) {
    const pattern = `%${escapeLike(filter.q)}%`;
    query.where((w) => w.whereILike('a.name', pattern).orWhereILike('a.vendor', pattern).orWhereILike('a.product', pattern));
  }
  if (filter.status) query.whereIn('a.status', filter.status);
  if (filter.layer) query.whereIn('a.layer', filter.layer);
  if (filter.lifecycle) query.whereIn('a.lifecycle', filter.lifecycle);
  if (filter.referenceComponentId)
    query.whereExists(
      db('application_reference_components as r')
        .whereRaw('r.application_id = a.id')
        .where('r.reference_component_id', filter.referenceComponentId),
    );
  for (const missing of filter.missing ?? []) {
    if (missing === 'referenceComponent')
      query.whereNotExists(db('application_reference_components as r').whereRaw('r.application_id = a.id'));
    if (missing === 'layer') query.whereNull('a.layer');
    if (missing === 'plannedReplacementYear') query.whereNot('a.status', 'compliant').whereNull('a.planned_replacement_year');
    if (missing === 'annualCost') query.whereNull('a.annual_cost');
  }
}

export async function list(
  db: Knex,
  code: string,
  filter: ApplicationListQuery,
  paging: { limit: number | null; offset: number },
): Promise<{ items: Application[]; total: number }> {
  const items = selectApplications(db);
  applyFilters(items, db, code, filter);
  const descending = filter.sort.startsWith('-');
  const column = SORT_COLUMNS[filter.sort.replace(/^-/, '')] ?? 'a.name';
  items.orderByRaw(`${column} ${descending ? 'desc' : 'asc'} nulls last, a.id asc`).offset(paging.offset);
  if (paging.limit !== null) items.limit(paging.limit);

  const count = db('applications as a').count<{ n: number }[]>('* as n');
  applyFilters(count, db, code, filter);

  const [rows, [{ n } = { n: 0 }]] = await Promise.all([items, count]);
  return { items: (rows as ApplicationRow[]).map((r) => toApplication(r).application), total: Number(n) };
}

export async function insert(
  db: Knex,
  municipalityCode: string,
  fields: ApplicationFields,
): Promise<string> {
  const [row] = await db('applications')
    .insert({ municipality_code: municipalityCode, ...toRow(fields) })
    .returning('id');
  return (row as { id: string }).id;
}

/** Rows in chunks that stay well below PostgreSQL's 65,535 bind parameters per statement. */
const INSERT_CHUNK = 1_000;

export async function insertMany(
  db: Knex,
  municipalityCode: string,
  rows: readonly { id: string; fields: ApplicationFields }[],
): Promise<void> {
  for (let i = 0; i < rows.length; i += INSERT_CHUNK)
    await db('applications').insert(
      rows.slice(i, i + INSERT_CHUNK).map(({ id, fields }) => ({ id, municipality_code: municipalityCode, ...toRow(fields) })),
    );
}

export async function addReferenceComponents(
  db: Knex,
  links: readonly { applicationId: string; referenceComponentId: string }[],
): Promise<void> {
  for (let i = 0; i < links.length; i += INSERT_CHUNK)
    await db('application_reference_components').insert(
      links.slice(i, i + INSERT_CHUNK).map((l) => ({ application_id: l.applicationId, reference_component_id: l.referenceComponentId })),
    );
}

/** Writes only if nobody else wrote since `revision`; false means the caller's copy is stale. */
export async function updateIfRevision(
  db: Knex,
  id: string,
  revision: number,
  fields: Partial<ApplicationFields>,
): Promise<boolean> {
  const count = await db('applications')
    .where({ id, revision })
    .whereNull('deleted_at')
    .update({ ...toRow(fields), revision: db.raw('revision + 1'), updated_at: db.fn.now() });
  return count === 1;
}

export async function markDeletedIfRevision(db: Knex, id: string, revision: number): Promise<boolean> {
  const count = await db('applications')
    .where({ id, revision })
    .whereNull('deleted_at')
    .update({ deleted_at: db.fn.now(), revision: db.raw('revision + 1'), updated_at: db.fn.now() });
  return count === 1;
}

export async function replaceReferenceComponents(db: Knex, applicationId: string, ids: readonly string[]): Promise<void> {
  await db('application_reference_components').where({ application_id: applicationId }).delete();
  if (ids.length > 0)
    await db('application_reference_components').insert(
      [...new Set(ids)].map((reference_component_id) => ({ application_id: applicationId, reference_component_id })),
    );
}

export async function existsInMunicipality(db: Knex, id: string, municipalityCode: string): Promise<boolean> {
  const row = await db('applications')
    .where({ id, municipality_code: municipalityCode })
    .whereNull('deleted_at')
    .first('id');
  return row !== undefined;
}

export async function municipalityOf(db: Knex, id: string): Promise<string | undefined> {
  const row = (await db('applications').where({ id }).whereNull('deleted_at').first('municipality_code')) as { municipality_code: string } | undefined;
  return row?.municipality_code;
}
