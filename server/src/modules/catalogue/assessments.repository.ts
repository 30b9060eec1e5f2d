import type { Knex } from 'knex';
import type { Assessment, AssessmentLevel, Verdict } from '@tm/shared/schemas/assessment';
import type { Criteria } from '@tm/shared/schemas/application';
import type { Actor } from '../../http/actor.ts';
import { STANDING_ORDER } from '@tm/db/assessment-standing';

type AssessmentRow = {
  id: string;
  product_version_id: string;
  verdict: Verdict;
  level: AssessmentLevel;
  criteria: Criteria;
  evidence: string;
  effective_date: string;
  actor_id: string | null;
  actor_name: string;
  recorded_at: Date;
};

/** Who judged is personal data: only for callers who are logged in. */
export function toAssessment(row: AssessmentRow, showActor: boolean): Assessment {
  return {
    id: row.id,
    productVersionId: row.product_version_id,
    verdict: row.verdict,
    level: row.level,
    effectiveDate: row.effective_date,
    criteria: row.criteria,
    evidence: row.evidence,
    recordedAt: row.recorded_at.toISOString(),
    actor: showActor ? { id: row.actor_id, name: row.actor_name } : null,
  };
}

export async function currentOf(db: Knex, versionIds: readonly string[]): Promise<Map<string, AssessmentRow>> {
  if (versionIds.length === 0) return new Map();
  const rows: AssessmentRow[] = await db('assessments')
    .distinctOn('product_version_id')
    .whereIn('product_version_id', versionIds)
    .orderBy('product_version_id')
    .orderByRaw(STANDING_ORDER);
  return new Map(rows.map((r) => [r.product_version_id, r]));
}

/** Every judgement of the versions, newest recorded first. */
export async function historyOf(db: Knex, versionIds: readonly string[]): Promise<AssessmentRow[]> {
  if (versionIds.length === 0) return [];
  return db<AssessmentRow>('assessments')
    .whereIn('product_version_id', versionIds)
    .orderBy([{ column: 'recorded_at', order: 'desc' }, { column: 'id', order: 'desc' }]);
}

export async function insert(
  db: Knex,
  input: { productVersionId: string; verdict: Verdict; level: AssessmentLevel; criteria: Criteria; evidence: string; effectiveDate: string },
  actor: Actor,
): Promise<AssessmentRow> {
  const [row] = await db('assessments')
    .insert({
      product_version_id: input.productVersionId,
      verdict: input.verdict,
      level: input.level,
      criteria: JSON.stringify(input.criteria),
      evidence: input.evidence,
      effective_date: input.effectiveDate,
      actor_id: actor.id,
      actor_name: actor.name,
      request_id: actor.requestId ?? null,
    })
    .returning('*');
  return row as AssessmentRow;
}
