import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshnessOf, reminderOccasion } from '@tm/shared/measure/freshness';
import { openTestDb, type TestDb } from '../src/testing.ts';
import { DEMO_ATTESTER, generateDemoAttestations } from './demo-attestations.ts';

const AS_OF = '2026-06-30';

describe('the demo attestations', () => {
  let first: TestDb;
  let second: TestDb;
  beforeAll(async () => {
    [first, second] = await Promise.all([openTestDb(), openTestDb()]);
  });
  afterAll(async () => {
    await Promise.all([first.close(), second.close()]);
  });

  const lastOf = async (testDb: TestDb) =>
    (await testDb.db('attestations').select('municipality_code', 'attested_at', 'actor_name').orderBy('municipality_code')) as {
      municipality_code: string;
      attested_at: Date;
      actor_name: string;
    }[];

  it('when they are generated, then some municipalities are fresh, some nearly stale, some stale and some never attested', async () => {
    const made = await generateDemoAttestations(first.db, { seed: 7, asOf: AS_OF });
    const rows = await lastOf(first);
    const municipalities = Number((await first.db('municipalities').count('* as n').first())!.n);
    expect(rows.length).toBe(made);
    expect(rows.every((a) => a.actor_name === DEMO_ATTESTER && a.attested_at.toISOString().slice(0, 10) <= AS_OF)).toBe(true);
    const never = municipalities - rows.length;
    const kinds = rows.map((a) => reminderOccasion(a.attested_at.toISOString().slice(0, 10), 6, AS_OF)?.kind ?? 'fresh');
    const stale = rows.filter((a) => freshnessOf(a.attested_at.toISOString().slice(0, 10), 6, AS_OF).stale).length;
    expect(never / municipalities).toBeGreaterThan(0.1);
    expect(never / municipalities).toBeLessThan(0.3);
    expect(stale).toBeGreaterThan(rows.length / 5);
    expect(kinds.filter((k) => k === 'fresh').length).toBeGreaterThan(rows.length / 3);
    expect(kinds).toContain('upcoming');
  });

  it('when the same seed and date are used again, then the same attestations come out', async () => {
    await generateDemoAttestations(second.db, { seed: 7, asOf: AS_OF });
    expect(await lastOf(second)).toEqual(await lastOf(first));
  });
});
