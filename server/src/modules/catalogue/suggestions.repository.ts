import type { Knex } from 'knex';
import type { Status } from '@tm/shared/schemas/application';
import type { Verdict } from '@tm/shared/schemas/assessment';
import type { Actor } from '../../http/actor.ts';
import { verifiedOfApplication } from '@tm/db/verified-rollups';
import { pageOfSql } from './paging.ts';
import { RUNNING } from './products.repository.ts';

/** Application `a` departs from verdict `s`: compliant where the version is not, or not compliant where it is. */
export const DISAGREES = `(case s.verdict when 'compliant' then a.status <> 'compliant' else a.status = 'compliant' end)`;

export type SuggestionRow = {
  application_id: string;
  application_name: string;
  product_version_id: string;
  status: Status;
  updated_at: Date;
  assessment_id: string;
  verdict: Verdict;
  effective_date: string;
  version: string | null;
  product_id: string;
  vendor: string | null;
  product_name: string;
  total: number;
};

/**
 * The suggestions a municipality is offered now: its applications in the landscape whose status departs from the
 * verified verdict of their version, less those an editor declined for that very verdict. `applicationIds` narrows
 * them to those applications (an acceptance checking what it was offered).
 */
export async function offered(
  db: Knex,
  code: string,
  filter: { applicationIds?: readonly string[]; page: number; pageSize: number },
): Promise<{ rows: SuggestionRow[]; total: number }> {
  const narrowed = filter.applicationIds ? 'and a.id = any(?::uuid[])' : '';
  return pageOfSql<SuggestionRow>(
    db,
    `select a.id as application_id, a.name as application_name, a.product_version_id, a.status, a.updated_at,
       s.id as assessment_id, s.verdict, s.effective_date::text as effective_date,
       v.version, p.id as product_id, p.vendor, p.name as product_name,
       count(*) over () as total
     from applications a
     cross join ${verifiedOfApplication()}
     join product_versions v on v.id = a.product_version_id
     join products p on p.id = v.product_id
     where a.municipality_code = ? and ${RUNNING} ${narrowed} and ${DISAGREES}
       and not exists (select 1 from suggestion_declines d where d.application_id = a.id and d.assessment_id = s.id)
     order by a.name, a.id`,
    filter.applicationIds ? [code, [...filter.applicationIds]] : [code],
    filter,
  );
}

export async function insertDecline(
  db: Knex,
  decline: { applicationId: string; municipalityCode: string; assessmentId: string; reason: string },
  actor: Actor,
): Promise<string> {
  const [row] = await db('suggestion_declines')
    .insert({
      application_id: decline.applicationId,
      municipality_code: decline.municipalityCode,
      assessment_id: decline.assessmentId,
      reason: decline.reason,
      actor_id: actor.id,
      actor_name: actor.name,
      request_id: actor.requestId ?? null,
    })
    .returning('id');
  return (row as { id: string }).id;
}
