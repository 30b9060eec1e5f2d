/**
 * The order in which judgements of a product version stand: verified before claimed, then the latest effective, then
 * the latest recorded. The first of a version is its current judgement (PRODUCT §9).
 */
export const STANDING_ORDER = `(level = 'verified') desc, effective_date desc, recorded_at desc, id desc`;

/** A common table expression `current_assessments`: each judged version's current judgement (verdict, level). */
export const CURRENT_ASSESSMENTS = `current_assessments as (
  select distinct on (product_version_id) product_version_id, verdict, level from assessments
  order by product_version_id, ${STANDING_ORDER}
)`;
