import type { Knex } from 'knex';
import type { SuggestionDecline, SuggestionDeclineListQuery } from '@tm/shared/schemas/suggestion';
import { pageOfQuery } from './paging.ts';

type DeclineRow = {
  id: string;
  application_id: string;
  application_name: string;
  municipality_code: string;
  municipality_name: string;
  product_id: string;
  vendor: string | null;
  product_name: string;
  product_version_id: string;
  version: string | null;
  assessment_id: string;
  verdict: SuggestionDecline['assessment']['verdict'];
  level: SuggestionDecline['assessment']['level'];
  reason: string;
  actor_id: string | null;
  actor_name: string;
  recorded_at: Date;
  total: number;
};

function toDecline(r: DeclineRow): SuggestionDecline {
  return {
    id: r.id,
    application: { id: r.application_id, name: r.application_name },
    municipality: { code: r.municipality_code, name: r.municipality_name },
    product: { id: r.product_id, vendor: r.vendor, name: r.product_name },
    productVersion: { id: r.product_version_id, version: r.version },
    assessment: { id: r.assessment_id, verdict: r.verdict, level: r.level },
    reason: r.reason,
    actor: { id: r.actor_id, name: r.actor_name },
    recordedAt: r.recorded_at.toISOString(),
  };
}

function declines(db: Knex) {
  return db('suggestion_declines as d')
    .join('applications as a', 'a.id', 'd.application_id')
    .join('municipalities as m', 'm.code', 'd.municipality_code')
    .join('assessments as s', 's.id', 'd.assessment_id')
    .join('product_versions as v', 'v.id', 's.product_version_id')
    .join('products as p', 'p.id', 'v.product_id')
    .select(
      'd.id', 'd.application_id', 'a.name as application_name', 'd.municipality_code', 'm.name as municipality_name',
      'p.id as product_id', 'p.vendor', 'p.name as product_name', 'v.id as product_version_id', 'v.version',
      'd.assessment_id', 's.verdict', 's.level', 'd.reason', 'd.actor_id', 'd.actor_name', 'd.recorded_at',
    );
}

/** Editors' reasons for declining a suggestion, newest first: where stewards look for verdicts that may be wrong. */
export async function list(db: Knex, filter: SuggestionDeclineListQuery): Promise<{ items: SuggestionDecline[]; total: number }> {
  const query = declines(db).orderBy([{ column: 'd.recorded_at', order: 'desc' }, { column: 'd.id', order: 'desc' }]);
  if (filter.productVersionId) query.where('v.id', filter.productVersionId);
  if (filter.productId) query.where('p.id', filter.productId);
  const { rows, total } = await pageOfQuery<DeclineRow>(db, query, filter);
  return { items: rows.map(toDecline), total };
}

export async function find(db: Knex, id: string): Promise<SuggestionDecline | undefined> {
  const row: DeclineRow | undefined = await declines(db).where('d.id', id).first();
  return row ? toDecline(row) : undefined;
}
