import type { Knex } from 'knex';
import type {
  Application,
  ApplicationListQuery,
  Criteria,
  Layer,
  Lifecycle,
  Status,
} from '@tm/shared/schemas/application';
import type { ApplicationOnRecord, PlannedApplication } from './application-planner.ts';

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
  product_version_id: string | null;
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
  productVersionId: 'product_version_id',
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

function toApplication(row: ApplicationRow, referenceComponentIds: readonly string[] = row.reference_component_ids ?? []): StoredApplication {
  return {
    revision: row.revision,
    application: {
      id: row.id,
      municipalityCode: row.municipality_code,
      name: row.name,
      vendor: row.vendor,
      product: row.product,
      version: row.version,
      referenceComponentIds: referenceComponentIds.slice().sort(),
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
      productVersionId: row.product_version_id,
      createdAt: row.created_at.toISOString(),
      updatedAt: row.updated_at.toISOString(),
    },
  };
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

/** `timeline` holds the status and lifecycle events, as `application-events.repository` records them. */
type RecordRow = ApplicationRow & { timeline: { seq: number; effectiveDate: string; status: Status | null; lifecycle: Lifecycle | null }[] };

/**
 * The applications a write will change, with their timelines: those among `ids`, or all of a municipality's, not
 * deleted. With `lock`, their rows stay locked until the transaction ends, taken in id order so that two writers
 * cannot deadlock: a writer that waited reads the newest revision, so a stale change is refused, never lost.
 */
export async function findForChange(
  db: Knex,
  scope: { ids?: readonly string[]; municipalityCode?: string; municipalityCodes?: readonly string[] },
  { lock }: { lock: boolean },
): Promise<Map<string, ApplicationOnRecord>> {
  const query = selectApplications(db)
    .select(
      db.raw(`coalesce((select json_agg(json_build_object('seq', e.id, 'effectiveDate', e.effective_date, 'status', e.status,
                                                          'lifecycle', e.lifecycle) order by e.id)
                        from application_events e
                        where e.application_id = a.id and (e.status is not null or e.lifecycle is not null)), '[]') as timeline`),
    )
    .whereNull('a.deleted_at')
    .orderBy('a.id');
  if (scope.ids) query.whereRaw('a.id = any(?::uuid[])', [[...scope.ids]]);
  if (scope.municipalityCode) query.where('a.municipality_code', scope.municipalityCode);
  if (scope.municipalityCodes) query.whereIn('a.municipality_code', [...scope.municipalityCodes]);
  if (lock) query.forUpdate('a');
  const rows: RecordRow[] = await query;
  return new Map(rows.map((r) => [r.id, { ...toApplication(r), timeline: r.timeline.map((e) => ({ ...e, seq: Number(e.seq) })) }]));
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

/** The columns a write sets, typed for `jsonb_to_recordset`. */
const WRITTEN_COLUMNS = `id uuid, municipality_code text, name text, vendor text, product text, version text, layer text,
  status text, lifecycle text, criteria jsonb, in_use_since date, retired_at date, replaced_by uuid,
  planned_replacement_year smallint, annual_cost numeric, notes text, product_version_id uuid`;
const WRITTEN = WRITTEN_COLUMNS.split(',').map((c) => c.trim().split(' ')[0]!);

const FIELD_COLUMNS = Object.entries(COLUMNS) as [keyof ApplicationFields, string][];

/** Set field by field: made for every row of a write, 10,000 of them in a large import. */
function toRecord(app: PlannedApplication): Record<string, unknown> {
  const record: Record<string, unknown> = { id: app.id, municipality_code: app.municipalityCode };
  for (const [field, column] of FIELD_COLUMNS) record[column] = app[field];
  return record;
}

/** Every row of `rows` as they are stored now, by id; `referenceComponentIds` gives their reference components. */
function stored(rows: readonly ApplicationRow[], referenceComponentIds: ReadonlyMap<string, string[]>): Map<string, StoredApplication> {
  return new Map(rows.map((r) => [r.id, toApplication(r, referenceComponentIds.get(r.id))]));
}

const componentsOf = (apps: readonly PlannedApplication[]) => new Map(apps.map((a) => [a.id, a.referenceComponentIds]));

/** New applications, in one statement whatever their number. */
export async function insertAll(db: Knex, apps: readonly PlannedApplication[]): Promise<Map<string, StoredApplication>> {
  if (apps.length === 0) return new Map();
  const { rows } = await db.raw(
    `insert into applications (${WRITTEN.join(', ')})
     select ${WRITTEN.join(', ')} from jsonb_to_recordset(?::jsonb) as v(${WRITTEN_COLUMNS})
     returning *`,
    [JSON.stringify(apps.map(toRecord))],
  );
  return stored(rows, componentsOf(apps));
}

/**
 * Sets every field of each application to `next`, but only where its revision is still `revision`: a row left out
 * of the answer was changed by someone else, or deleted.
 */
export async function updateAll(db: Knex, rows: readonly { next: PlannedApplication; revision: number }[]): Promise<Map<string, StoredApplication>> {
  if (rows.length === 0) return new Map();
  const { rows: updated } = await db.raw(
    `update applications a set ${WRITTEN.filter((c) => c !== 'id').map((c) => `${c} = v.${c}`).join(', ')},
            revision = a.revision + 1, updated_at = now()
     from jsonb_to_recordset(?::jsonb) as v(${WRITTEN_COLUMNS}, revision integer)
     where a.id = v.id and a.revision = v.revision and a.deleted_at is null
     returning a.*`,
    [JSON.stringify(rows.map((r) => ({ ...toRecord(r.next), revision: r.revision })))],
  );
  return stored(updated, componentsOf(rows.map((r) => r.next)));
}

/** Marks applications deleted where their revision is still `revision`; the answer leaves out those it was not. */
export async function markDeleted(db: Knex, rows: readonly { next: PlannedApplication; revision: number }[]): Promise<Map<string, StoredApplication>> {
  if (rows.length === 0) return new Map();
  const { rows: deleted } = await db.raw(
    `update applications a set deleted_at = now(), revision = a.revision + 1, updated_at = now()
     from jsonb_to_recordset(?::jsonb) as v(id uuid, revision integer)
     where a.id = v.id and a.revision = v.revision and a.deleted_at is null
     returning a.*`,
    [JSON.stringify(rows.map((r) => ({ id: r.next.id, revision: r.revision })))],
  );
  return stored(deleted, componentsOf(rows.map((r) => r.next)));
}

/** Makes each application's reference components exactly `referenceComponentIds`, in one statement. */
export async function setReferenceComponents(db: Knex, apps: readonly PlannedApplication[]): Promise<void> {
  if (apps.length === 0) return;
  await db.raw(
    `with wanted as (
       select * from jsonb_to_recordset(?::jsonb) as v(application_id uuid, reference_component_id uuid)
     ), dropped as (
       delete from application_reference_components r
       where r.application_id = any(?::uuid[])
         and (r.application_id, r.reference_component_id) not in (select application_id, reference_component_id from wanted)
     )
     insert into application_reference_components (application_id, reference_component_id)
     select application_id, reference_component_id from wanted on conflict do nothing`,
    [
      JSON.stringify(apps.flatMap((a) => a.referenceComponentIds.map((id) => ({ application_id: a.id, reference_component_id: id })))),
      apps.map((a) => a.id),
    ],
  );
}

/** Those of `ids` that were applications of `municipalityCode` and are deleted now. */
export async function deletedAmong(db: Knex, municipalityCode: string, ids: readonly string[]): Promise<Set<string>> {
  const rows: { id: string }[] = await db('applications')
    .select('id')
    .whereRaw('id = any(?::uuid[])', [[...ids]])
    .where({ municipality_code: municipalityCode })
    .whereNotNull('deleted_at');
  return new Set(rows.map((r) => r.id));
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

/** The ids of a municipality's applications, not deleted. */
export async function idsOf(db: Knex, municipalityCode: string): Promise<Set<string>> {
  const rows: { id: string }[] = await db('applications').select('id').where({ municipality_code: municipalityCode }).whereNull('deleted_at');
  return new Set(rows.map((r) => r.id));
}
