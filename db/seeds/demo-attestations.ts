/**
 * Attestations for the demo landscape (PRODUCT §11): most municipalities confirmed their inventory at some point in
 * the last ten months, so some are fresh, some about to go stale and some stale; a fifth never did. Reproducible
 * from the seed and the reference date, like the landscape.
 */
import type { Knex } from 'knex';
import { r } from './demo-landscape.ts';

/** Who the demo attestations are by: plainly not a person. */
export const DEMO_ATTESTER = 'Demogegevens';
const NEVER_ATTESTED = 0.2;
const MAX_AGE_DAYS = 300;

export async function generateDemoAttestations(db: Knex, { seed, asOf }: { seed: number; asOf: string }): Promise<number> {
  if (!Number.isSafeInteger(seed)) throw new Error(`demo seed must be a whole number, got ${seed}`);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(asOf)) throw new Error(`demo reference date must be a date, got ${asOf}`);
  const { rows } = (await db.raw(
    `insert into attestations (municipality_code, attested_at, actor_name)
     select m.code,
       (date '${asOf}' - floor(${MAX_AGE_DAYS} * ${r('m.h', 1)})::int)::timestamp + make_interval(secs => 28800 + floor(32400 * ${r('m.h', 2)})),
       ?
     from (select code, md5('${seed}:attestation:' || code) as h from municipalities) m
     where ${r('m.h', 0)} >= ${NEVER_ATTESTED}
     returning municipality_code`,
    [DEMO_ATTESTER],
  )) as { rows: unknown[] };
  return rows.length;
}
