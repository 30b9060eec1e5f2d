/**
 * PRODUCT §9, suggestions: where a municipality's own status departs from the verified judgement of the product
 * version it runs. An editor accepts them (one bulk change through the one writer, each effective on its
 * judgement's date unless the editor picks another) or declines one with a reason that stewards read.
 */
import type { Knex } from 'knex';
import { message } from '@tm/shared/messages/messages';
import { todayIso } from '@tm/shared/dates';
import {
  type AcceptSuggestionsInput,
  type DeclineSuggestionInput,
  type Suggestion,
  type SuggestionAcceptance,
  type SuggestionDecline,
  type SuggestionList,
  type SuggestionListQuery,
  suggestedStatusOf,
} from '@tm/shared/schemas/suggestion';
import type { Actor } from '../../http/actor.ts';
import { type AppFieldError, AppError } from '../../http/app-error.ts';
import * as audit from '../audit/audit.repository.ts';
import { recordEvents } from '../events/events.repository.ts';
import type { ApplicationOnRecord } from '../inventory/application-planner.ts';
import { planChanges } from '../inventory/application-planner.ts';
import { writePlan } from '../inventory/application-writer.ts';
import * as applications from '../inventory/applications.repository.ts';
import { getMunicipality, requireTakingApplications } from '../municipalities/municipalities.service.ts';
import * as declines from './declines.repository.ts';
import * as suggestions from './suggestions.repository.ts';

function toSuggestion(r: suggestions.SuggestionRow): Suggestion {
  return {
    applicationId: r.application_id,
    productVersionId: r.product_version_id,
    status: r.status,
    suggestedStatus: suggestedStatusOf(r.verdict),
    effectiveDate: r.effective_date,
    assessmentId: r.assessment_id,
    applicationName: r.application_name,
    product: { id: r.product_id, vendor: r.vendor, name: r.product_name },
    version: r.version,
    updatedAt: r.updated_at.toISOString(),
  };
}

export async function listSuggestions(db: Knex, code: string, query: SuggestionListQuery): Promise<SuggestionList> {
  await getMunicipality(db, code);
  const { rows, total } = await suggestions.offered(db, code, query);
  return { items: rows.map(toSuggestion), total };
}

/** What is offered now for these applications of `code`, by application. */
async function offeredFor(db: Knex, code: string, applicationIds: readonly string[]): Promise<Map<string, Suggestion>> {
  const { rows } = await suggestions.offered(db, code, { applicationIds, page: 1, pageSize: applicationIds.length });
  return new Map(rows.map((r) => [r.application_id, toSuggestion(r)]));
}

/**
 * The date an accepted status takes effect: the one asked, but never before a status the application's history
 * already has in force later, which would otherwise still decide today's status and leave the disagreement.
 */
function effectiveDateFor(current: ApplicationOnRecord, wanted: string): string {
  const lastStatus = current.timeline.filter((e) => e.status !== null).reduce((latest, e) => (e.effectiveDate > latest ? e.effectiveDate : latest), '');
  return wanted > lastStatus ? wanted : lastStatus;
}

/** Every listed suggestion that cannot be accepted as offered, so the editor sees all of them at once. */
function refusals(code: string, input: AcceptSuggestionsInput, found: ReadonlyMap<string, ApplicationOnRecord>, now: ReadonlyMap<string, Suggestion>) {
  const unknown: AppFieldError[] = [];
  const stale: AppFieldError[] = [];
  input.suggestions.forEach((o, i) => {
    const stored = found.get(o.applicationId);
    const suggestion = now.get(o.applicationId);
    if (!stored) unknown.push({ path: `suggestions.${i}.applicationId`, message: message('suggestions.unknownApplication', { code }) });
    else if (Date.parse(o.updatedAt) !== Date.parse(stored.application.updatedAt))
      stale.push({ path: `suggestions.${i}.updatedAt`, message: message('suggestions.changedSince', { updatedAt: stored.application.updatedAt }) });
    else if (suggestion?.assessmentId !== o.assessmentId)
      stale.push({ path: `suggestions.${i}.assessmentId`, message: message('suggestions.notOffered') });
  });
  return { unknown, stale };
}

/**
 * Accepts suggestions as one bulk change: all or nothing, one history entry per application, one audit entry for
 * the request, and a `suggestion.accepted` event per application next to its `application.updated`. A suggestion
 * whose application changed since it was offered, or whose judgement is no longer the one offered, refuses the
 * whole request with 409, listing each such suggestion.
 */
export async function acceptSuggestions(db: Knex, code: string, input: AcceptSuggestionsInput, actor: Actor): Promise<SuggestionAcceptance> {
  await getMunicipality(db, code);
  await requireTakingApplications(db, [code]);
  const ids = input.suggestions.map((o) => o.applicationId);
  return db.transaction(async (trx) => {
    const found = await applications.findForChange(trx, { ids, municipalityCode: code }, { lock: true });
    const now = await offeredFor(trx, code, ids);
    const { unknown, stale } = refusals(code, input, found, now);
    if (unknown.length > 0) throw AppError.badRequest(message('suggestions.unknown', { count: unknown.length, code }), [...unknown, ...stale]);
    if (stale.length > 0) throw AppError.conflict(message('suggestions.stale', { count: stale.length }), stale);

    const changes = ids.map((id) => {
      const current = found.get(id)!;
      const suggestion = now.get(id)!;
      return {
        kind: 'update' as const,
        current,
        values: { status: suggestion.suggestedStatus },
        effectiveDate: effectiveDateFor(current, input.effectiveDate ?? suggestion.effectiveDate),
      };
    });
    const plan = planChanges(changes, todayIso());
    const written = await writePlan(trx, plan, actor, (changed) => [
      {
        action: 'suggestions.accepted',
        entityType: 'municipality',
        entityId: code,
        municipalityCode: code,
        after: {
          suggestions: changed.map((c) => ({ applicationId: c.application.id, assessmentId: now.get(c.application.id)!.assessmentId, status: c.application.status, effectiveDate: c.history.effectiveDate })),
        },
      },
    ]);
    await recordEvents(
      trx,
      written.map((w) => ({
        name: 'suggestion.accepted' as const,
        subject: `applications/${w.application.id}`,
        municipalityCode: code,
        data: {
          applicationId: w.application.id,
          productVersionId: now.get(w.application.id)!.productVersionId,
          assessmentId: now.get(w.application.id)!.assessmentId,
          status: w.application.status,
          effectiveDate: w.history.effectiveDate,
        },
      })),
    );
    const byId = new Map(written.map((w) => [w.application.id, w.application]));
    return { accepted: written.length, applications: ids.map((id) => byId.get(id) ?? found.get(id)!.application) };
  });
}

/**
 * An editor's "this does not apply to us", with the reason: the suggestion is no longer offered for that judgement
 * (a later verified one offers it again), and stewards read the reason. Refused with 409 when it is not offered.
 */
export async function declineSuggestion(db: Knex, code: string, input: DeclineSuggestionInput, actor: Actor): Promise<SuggestionDecline> {
  await getMunicipality(db, code);
  return db.transaction(async (trx) => {
    const found = await applications.findForChange(trx, { ids: [input.applicationId], municipalityCode: code }, { lock: true });
    if (!found.has(input.applicationId))
      throw AppError.badRequest(message('suggestions.unknown', { count: 1, code }), [
        { path: 'applicationId', message: message('suggestions.unknownApplication', { code }) },
      ]);
    const offered = (await offeredFor(trx, code, [input.applicationId])).get(input.applicationId);
    if (offered?.assessmentId !== input.assessmentId)
      throw AppError.conflict(message('suggestions.notOffered'), [{ path: 'assessmentId', message: message('suggestions.notOffered') }]);
    const id = await suggestions.insertDecline(trx, { ...input, municipalityCode: code }, actor);
    const decline = (await declines.find(trx, id))!;
    await audit.record(trx, actor, { action: 'suggestion.declined', entityType: 'application', entityId: input.applicationId, municipalityCode: code, after: decline });
    await recordEvents(trx, [{ name: 'suggestion.declined', subject: `applications/${input.applicationId}`, municipalityCode: code, data: decline }]);
    return decline;
  });
}
