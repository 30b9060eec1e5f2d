import type { Knex } from 'knex';
import type { Attestation, FreshnessFields } from '@tm/shared/schemas/attestation';
import { freshnessOf } from '@tm/shared/measure/freshness';
import type { Actor } from '../../http/actor.ts';
import * as audit from '../audit/audit.repository.ts';
import { recordEvent } from '../events/events.repository.ts';
import { getMunicipality } from '../municipalities/municipalities.service.ts';
import { attestationsChanged } from '../progress/figures-changed.ts';
import * as attestations from './attestations.repository.ts';

export async function attest(db: Knex, municipalityCode: string, actor: Actor): Promise<Attestation> {
  return db.transaction(async (trx) => {
    const attestation = await attestations.insert(trx, municipalityCode, actor);
    await audit.record(trx, actor, {
      action: 'attestation.created',
      entityType: 'attestation',
      entityId: attestation.id,
      municipalityCode,
      after: attestation,
    });
    await attestationsChanged(trx);
    await recordEvent(trx, 'attestation.created', {
      subject: `municipalities/${municipalityCode}/attestations/${attestation.id}`,
      municipalityCode,
      data: attestation,
    });
    return attestation;
  });
}

export async function listAttestations(db: Knex, municipalityCode: string, page: { page: number; pageSize: number }) {
  await getMunicipality(db, municipalityCode);
  return attestations.list(db, municipalityCode, page);
}

/** The freshness of a municipality's figures on `today`, from its last attestation then. */
export function freshnessFields(attestedAt: string | undefined, staleAfterMonths: number, today: string): FreshnessFields {
  const attestedOn = attestedAt ? attestedAt.slice(0, 10) : null;
  return { attestedAt: attestedAt ?? null, ...freshnessOf(attestedOn, staleAfterMonths, today) };
}
