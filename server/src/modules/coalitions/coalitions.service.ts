import type { Knex } from 'knex';
import { message } from '@tm/shared/messages/messages';
import type { User } from '@tm/shared/schemas/account';
import {
  CANDIDATE_YEARS,
  type Coalition,
  type CoalitionDetail,
  type CoalitionList,
  type CoalitionListQuery,
  type CreateCoalitionInput,
  type UpdateCoalitionInput,
} from '@tm/shared/schemas/coalition';
import type { EventName } from '@tm/shared/schemas/events';
import type { Actor } from '../../http/actor.ts';
import { AppError } from '../../http/app-error.ts';
import { isEditorOf } from '../../http/authorize.ts';
import * as audit from '../audit/audit.repository.ts';
import { recordEvent } from '../events/events.repository.ts';
import * as coalitions from './coalitions.repository.ts';

function toCoalition(row: coalitions.CoalitionRow, members: Coalition['members']): Coalition {
  return {
    id: row.id,
    name: row.name,
    productId: row.product_id,
    product: { id: row.product_id, vendor: row.product_vendor, name: row.product_name },
    targetYear: row.target_year,
    description: row.description,
    coordinator: { id: row.coordinator_id, name: row.coordinator_name },
    createdAt: row.created_at.toISOString(),
    members,
    replacedCount: members.filter((m) => m.replaced).length,
  };
}

async function found(db: Knex, id: string, options?: { lock: boolean }): Promise<coalitions.CoalitionRow> {
  const row = await coalitions.find(db, id, options);
  if (!row) throw AppError.notFound(message('coalitions.notFound', { id }));
  return row;
}

async function read(db: Knex, id: string): Promise<Coalition> {
  return toCoalition(await found(db, id), (await coalitions.membersOf(db, [id])).get(id)!);
}

export async function list(db: Knex, query: CoalitionListQuery): Promise<CoalitionList> {
  const { rows, total } = await coalitions.list(db, query);
  const members = await coalitions.membersOf(db, rows.map((r) => r.id));
  return { items: rows.map((r) => toCoalition(r, members.get(r.id)!)), total };
}

export async function get(db: Knex, id: string): Promise<CoalitionDetail> {
  const row = await found(db, id);
  const [members, candidates] = await Promise.all([coalitions.membersOf(db, [id]), coalitions.candidatesOf(db, row, CANDIDATE_YEARS)]);
  return { ...toCoalition(row, members.get(id)!), candidates };
}

function requireEditorOf(user: User, code: string): void {
  if (!isEditorOf(user, code)) throw AppError.forbidden(message('auth.editorOf', { code }));
}

/** Audits the change and announces it in the change feed, last in its transaction (see `recordEvents`). */
async function announce(
  trx: Knex.Transaction,
  actor: Actor,
  name: Extract<EventName, `coalition.${string}`>,
  before: Coalition | null,
  after: Coalition,
  municipalityCode: string | null,
): Promise<void> {
  await audit.record(trx, actor, { action: name, entityType: 'coalition', entityId: after.id, municipalityCode, before, after });
  await recordEvent(trx, name, { subject: `coalitions/${after.id}`, municipalityCode, data: after });
}

/** An editor starts a coalition and coordinates it; with `municipalityCode`, that municipality joins at once. */
export async function create(db: Knex, input: CreateCoalitionInput, user: User, actor: Actor): Promise<Coalition> {
  if (input.municipalityCode) requireEditorOf(user, input.municipalityCode);
  return db.transaction(async (trx) => {
    const productId = await coalitions.currentProductOf(trx, input.productId);
    if (!productId) throw AppError.notFound(message('coalitions.productNotFound', { id: input.productId }));
    const id = await coalitions.insert(trx, {
      name: input.name,
      productId,
      targetYear: input.targetYear,
      description: input.description,
      coordinator: { id: user.id, name: user.name },
    });
    if (input.municipalityCode) await coalitions.addMember(trx, id, input.municipalityCode);
    const created = await read(trx, id);
    await announce(trx, actor, 'coalition.created', null, created, input.municipalityCode ?? null);
    return created;
  });
}

/** The coordinator describes the coalition: its name, target year and description. */
export async function describe(db: Knex, id: string, change: UpdateCoalitionInput, user: User, actor: Actor): Promise<Coalition> {
  return db.transaction(async (trx) => {
    const row = await found(trx, id, { lock: true });
    if (row.coordinator_id !== user.id) throw AppError.forbidden(message('coalitions.coordinatorOnly'));
    const before = await read(trx, id);
    await coalitions.update(trx, id, change);
    const after = await read(trx, id);
    await announce(trx, actor, 'coalition.updated', before, after, null);
    return after;
  });
}

export async function join(db: Knex, id: string, code: string, user: User, actor: Actor): Promise<Coalition> {
  requireEditorOf(user, code);
  return db.transaction(async (trx) => {
    await found(trx, id, { lock: true });
    const before = await read(trx, id);
    if (!(await coalitions.addMember(trx, id, code))) throw AppError.conflict(message('coalitions.alreadyMember', { code }));
    const after = await read(trx, id);
    await announce(trx, actor, 'coalition.joined', before, after, code);
    return after;
  });
}

export async function leave(db: Knex, id: string, code: string, user: User, actor: Actor): Promise<void> {
  requireEditorOf(user, code);
  await db.transaction(async (trx) => {
    await found(trx, id, { lock: true });
    const before = await read(trx, id);
    if (!(await coalitions.removeMember(trx, id, code))) throw AppError.notFound(message('coalitions.notMember', { code }));
    await announce(trx, actor, 'coalition.left', before, await read(trx, id), code);
  });
}
