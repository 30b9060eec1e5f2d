import type { Knex } from 'knex';
import { bumpMeasureRevision } from '@tm/db/measure-revision';
import { todayIso } from '@tm/shared/dates';
import type { Role } from '@tm/shared/schemas/account';
import type { Assessment, AssessmentLevel, CreateAssessmentInput } from '@tm/shared/schemas/assessment';
import { message } from '@tm/shared/messages/messages';
import type { Actor } from '../../http/actor.ts';
import { AppError } from '../../http/app-error.ts';
import * as audit from '../audit/audit.repository.ts';
import { recordEvent } from '../events/events.repository.ts';
import { verdictsChanged } from '../progress/figures-changed.ts';
import * as assessments from './assessments.repository.ts';
import type { Audience } from './products.service.ts';

/** PRODUCT §9: the level follows who judges: a steward verifies, an editor claims. */
const LEVEL_OF_ROLE: Partial<Record<Role, AssessmentLevel>> = { steward: 'verified', editor: 'claimed' };

export function levelOf(role: Role): AssessmentLevel | undefined {
  return LEVEL_OF_ROLE[role];
}

/**
 * The version, held (FOR SHARE) until the judgement is written: a merge that moves it waits, or has already moved
 * it and the caller is told where it went.
 */
async function liveVersion(db: Knex, id: string): Promise<void> {
  const version = await db('product_versions').where({ id }).forShare().first('merged_into');
  if (!version) throw AppError.notFound(message('catalogue.versionNotFound', { id }));
  if (version.merged_into)
    throw AppError.conflict(message('catalogue.versionMerged', { into: version.merged_into }));
}

export async function assess(db: Knex, versionId: string, input: CreateAssessmentInput, role: Role, actor: Actor): Promise<Assessment> {
  const level = levelOf(role);
  if (!level) throw AppError.forbidden(message('catalogue.judgeRole'));
  return db.transaction(async (trx) => {
    await liveVersion(trx, versionId);
    const row = await assessments.insert(trx, { ...input, productVersionId: versionId, level, effectiveDate: input.effectiveDate ?? todayIso() }, actor);
    const assessment = assessments.toAssessment(row, true);
    // A verified judgement weighs in the figures of every application running the version (verified share,
    // disagreements); any judgement shows on the product pages, which the measure revision keeps.
    if (level === 'verified') await verdictsChanged(trx, [versionId]);
    else await bumpMeasureRevision(trx);
    await audit.record(trx, actor, { action: 'assessment.created', entityType: 'product-version', entityId: versionId, after: assessment });
    // A judgement is the whole programme's, like the settings: every feed reader hears of it. Last, as events are.
    await recordEvent(trx, 'assessment.created', { subject: `product-versions/${versionId}/assessments/${assessment.id}`, municipalityCode: null, data: assessment });
    return assessment;
  });
}

export async function historyOf(db: Knex, versionId: string, audience: Audience): Promise<{ items: Assessment[]; total: number }> {
  if (!(await db('product_versions').where({ id: versionId }).first('id'))) throw AppError.notFound(message('catalogue.versionNotFound', { id: versionId }));
  const items = (await assessments.historyOf(db, [versionId])).map((r) => assessments.toAssessment(r, audience.signedIn));
  return { items, total: items.length };
}
