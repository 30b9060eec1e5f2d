import type { Knex } from 'knex';
import type { Attestation } from '@tm/shared/schemas/attestation';
import type { Actor } from '../../http/actor.ts';

type AttestationRow = {
  id: string;
  municipality_code: string;
  attested_at: Date;
  actor_id: string | null;
  actor_name: string;
};

function toAttestation(r: AttestationRow): Attestation {
  return { id: r.id, municipalityCode: r.municipality_code, attestedAt: r.attested_at.toISOString(), actor: { id: r.actor_id, name: r.actor_name } };
}

export async function insert(db: Knex, municipalityCode: string, actor: Actor): Promise<Attestation> {
  const [row] = (await db('attestations')
    .insert({ municipality_code: municipalityCode, actor_id: actor.id, actor_name: actor.name })
    .returning('*')) as AttestationRow[];
  return toAttestation(row!);
}

export async function list(db: Knex, municipalityCode: string, page: { page: number; pageSize: number }): Promise<{ items: Attestation[]; total: number }> {
  const [rows, [{ n } = { n: 0 }]] = await Promise.all([
    db<AttestationRow>('attestations')
      .where({ municipality_code: municipalityCode })
      .orderBy([{ column: 'attested_at', order: 'desc' }, { column: 'id', order: 'desc' }])
      .limit(page.pageSize)
      .offset((page.page - 1) * page.pageSize) as Promise<AttestationRow[]>,
    db('attestations').where({ municipality_code: municipalityCode }).count('* as n') as unknown as Promise<{ n: number }[]>,
  ]);
  return { items: rows.map(toAttestation), total: Number(n) };
}

/**
 * When each municipality's inventory was last attested, as known at `knownAt` (now when absent). Municipalities
 * never attested are absent from the map.
 */
export async function lastAttestedAt(db: Knex, options: { codes?: readonly string[] | undefined; knownAt?: string | undefined }): Promise<Map<string, string>> {
  const q = db<AttestationRow>('attestations').select('municipality_code').max('attested_at as attested_at').groupBy('municipality_code');
  if (options.codes) q.whereIn('municipality_code', [...options.codes]);
  if (options.knownAt) q.where('attested_at', '<=', options.knownAt);
  const rows = (await q) as unknown as { municipality_code: string; attested_at: Date }[];
  return new Map(rows.map((r) => [r.municipality_code, r.attested_at.toISOString()]));
}
