/**
 * Writes what `application-planner.ts` planned, in the caller's transaction: the rows, their reference components
 * and their history entries, a few statements whatever the number of applications; then the audit entries the
 * caller chooses; then the dashboards' figures; then, last, the change feed's events. Every application write of the
 * product passes through here, so anything that must accompany each committed change belongs here too, fed by the
 * changes it answers.
 */
import type { Knex } from 'knex';
import { linkProductVersions } from '@tm/db/catalogue-links';
import type { Application } from '@tm/shared/schemas/application';
import type { HistoryEntry } from '@tm/shared/schemas/history';
import type { Actor } from '../../http/actor.ts';
import { message } from '@tm/shared/messages/messages';
import { AppError } from '../../http/app-error.ts';
import * as audit from '../audit/audit.repository.ts';
import { requireTakingApplications } from '../municipalities/municipalities.service.ts';
import type { NewAuditEvent } from '../audit/audit.repository.ts';
import { type NewEvent, recordEvents } from '../events/events.repository.ts';
import { figuresChanged } from '../progress/figures-changed.ts';
import type { Plan, PlannedWrite } from './application-planner.ts';
import * as applications from './applications.repository.ts';
import type { StoredApplication } from './applications.repository.ts';
import * as events from './application-events.repository.ts';

/** One committed change of one application. */
export type WrittenChange = {
  action: HistoryEntry['action'];
  /** As it was stored before; null for a new application. */
  before: Application | null;
  /** As it is stored now; for a deletion, as it was last. */
  application: Application;
  /** The revision an ETag names (after a deletion, the deleted row's). */
  revision: number;
  /** The entry the change added to the application's history. */
  history: HistoryEntry;
};

/** The audit entries of a write, chosen by its caller: one per application, one for a whole request, or none. */
export type AuditEntries = (written: readonly WrittenChange[]) => NewAuditEvent[];

const byAction = (plan: Plan, action: PlannedWrite['action']) => plan.writes.filter((w) => w.action === action);
const expected = (writes: readonly PlannedWrite[]) => writes.map((w) => ({ next: w.next, revision: w.current!.revision }));

/**
 * New applications go only into municipalities that still exist (PRODUCT §12). The check takes a share lock on
 * their register rows, which a merger takes too before it moves a municipality's applications: a create waits for
 * a merger in flight and then finds the municipality gone, or the merger waits and moves what was created.
 * Changes of stored applications need no such check: a merger raises the revision of each application it moves.
 */
async function refuseMergedAway(trx: Knex.Transaction, created: readonly PlannedWrite[]): Promise<void> {
  await requireTakingApplications(trx, [...new Set(created.map((w) => w.next.municipalityCode))], { lock: true });
}

/**
 * PRODUCT §9: every application runs a product version of the catalogue. The planner leaves the link empty where a
 * write names the product anew (a new application; a changed vendor, product, version or name); here it is found by
 * the normalised keys and the stewards' aliases, added to the catalogue when unknown, in this transaction.
 */
async function linkToCatalogue(trx: Knex.Transaction, plan: Plan): Promise<Plan> {
  const unlinked = plan.writes.filter((w) => w.action !== 'deleted' && w.next.productVersionId === null);
  if (unlinked.length === 0) return plan;
  const ids = await linkProductVersions(trx, unlinked.map((w) => w.next));
  const linked = new Map(unlinked.map((w, i) => [w, ids[i]!]));
  return { ...plan, writes: plan.writes.map((w) => (linked.has(w) ? { ...w, next: { ...w.next, productVersionId: linked.get(w)! } } : w)) };
}

async function writeRows(trx: Knex.Transaction, plan: Plan): Promise<Map<string, StoredApplication>> {
  const rewritten = [...byAction(plan, 'updated'), ...byAction(plan, 'moved')];
  const changed = [...rewritten, ...byAction(plan, 'deleted')];
  const created = byAction(plan, 'created');
  await refuseMergedAway(trx, created);
  const stored = new Map([
    ...(await applications.insertAll(trx, created.map((w) => w.next))),
    ...(await applications.updateAll(trx, expected(rewritten))),
    ...(await applications.markDeleted(trx, expected(byAction(plan, 'deleted')))),
  ]);
  // The planner is given locked rows, so their revisions hold; a caller that did not lock them loses here, whole.
  if (changed.some((w) => !stored.has(w.next.id)))
    throw AppError.conflict(message('inventory.changedMeanwhile'));
  await applications.setReferenceComponents(
    trx,
    plan.writes.filter((w) => w.referenceComponentsChanged).map((w) => w.next),
  );
  return stored;
}

const FEED_EVENT_NAMES = {
  created: 'application.created',
  updated: 'application.updated',
  deleted: 'application.deleted',
  moved: 'application.moved',
} as const;

/** The change feed's event of one change: what happened to the application, with the change in its history's words. */
function feedEvent(change: WrittenChange): NewEvent {
  const retired = change.action === 'updated' && change.history.after?.['lifecycle'] === 'phased_out';
  return {
    name: retired ? 'application.retired' : FEED_EVENT_NAMES[change.action],
    subject: `applications/${change.application.id}`,
    municipalityCode: change.application.municipalityCode,
    data: { application: change.application, change: change.history },
  };
}

/** Writes `plan` as `actor`, with the audit entries `auditEntries` makes of it; answers each change, in plan order. */
export async function writePlan(trx: Knex.Transaction, planned: Plan, actor: Actor, auditEntries: AuditEntries): Promise<WrittenChange[]> {
  const plan = await linkToCatalogue(trx, planned);
  const stored = await writeRows(trx, plan);
  const history = await events.appendAll(
    trx,
    plan.writes.map((w) => ({ applicationId: w.next.id, municipalityCode: w.next.municipalityCode, ...w.event })),
    actor,
  );
  const written = plan.writes.map((w, i) => ({
    action: w.action,
    before: w.current?.application ?? null,
    application: stored.get(w.next.id)!.application,
    revision: stored.get(w.next.id)!.revision,
    history: history[i]!,
  }));
  await audit.recordAll(trx, actor, auditEntries(written));
  await figuresChanged(trx, written.map((w) => w.application.id));
  // One statement for the whole plan, after the revision: the lock order every event writer keeps.
  await recordEvents(trx, written.map(feedEvent));
  return written;
}
