import type { Knex } from 'knex';
import { LAYERS, type Layer } from '@tm/shared/schemas/application';
import type { Municipality } from '@tm/shared/schemas/municipality';
import type { CreatePeerGroupInput, PeerGroup, Peers, PeersQuery } from '@tm/shared/schemas/peers';
import { dutchOrder } from '@tm/shared/dutch-order';
import { quartiles, ranks } from '@tm/shared/measure/distribution';
import { shareOf } from '@tm/shared/measure/share';
import type { User } from '@tm/shared/schemas/account';
import type { Actor } from '../../http/actor.ts';
import * as audit from '../audit/audit.repository.ts';
import { message } from '@tm/shared/messages/messages';
import { todayIso } from '@tm/shared/dates';
import { AppError, type AppFieldError } from '../../http/app-error.ts';
import { getMunicipality } from '../municipalities/municipalities.service.ts';
import * as municipalities from '../municipalities/municipalities.repository.ts';
import { peerGroupsChanged } from '../progress/figures-changed.ts';
import { currentNation } from '../progress/kept-municipality-rows.ts';
import { referenceDate, standings } from '../progress/progress.service.ts';
import { getSettings } from '../settings/settings.service.ts';
import * as peers from './peers.repository.ts';

const SIZE_CLASS_NAMES: Record<number, string> = {
  1: 'minder dan 5.000 inwoners',
  2: '5.000 tot 10.000 inwoners',
  3: '10.000 tot 20.000 inwoners',
  4: '20.000 tot 50.000 inwoners',
  5: '50.000 tot 100.000 inwoners',
  6: '100.000 tot 150.000 inwoners',
  7: '150.000 tot 250.000 inwoners',
  8: '250.000 inwoners of meer',
};

/** Peers as the register has them on `date` (PRODUCT §12): its municipalities, their size classes and provinces. */
async function groupOf(db: Knex, me: Municipality, group: PeersQuery['group'], all: readonly Municipality[]): Promise<{ key: string; name: string; members: readonly Municipality[] }> {
  if (group === 'all') return { key: 'all', name: 'Alle gemeenten', members: all };
  if (group === 'sizeClass')
    return { key: 'sizeClass', name: `Gemeenten met ${SIZE_CLASS_NAMES[me.sizeClass]}`, members: all.filter((m) => m.sizeClass === me.sizeClass) };
  if (group === 'province')
    return { key: 'province', name: `Gemeenten in ${me.province}`, members: all.filter((m) => m.province === me.province) };
  const saved = await peers.findGroup(db, group);
  if (!saved) throw AppError.badRequest(message('peers.unknownGroup'), [{ path: 'group', message: message('peers.noSavedGroup', { id: group }) }]);
  // The municipality is compared with the group, so it is always among the members; a member that merged away is
  // represented by the municipality it is part of now.
  const successor = new Map(all.flatMap((m) => m.predecessors.map((p) => [p, m.code] as const)));
  const codes = new Set([...saved.municipalityCodes.map((c) => successor.get(c) ?? c), me.code]);
  return { key: saved.id, name: saved.name, members: all.filter((m) => codes.has(m.code)) };
}

export async function peersOf(db: Knex, code: string, query: PeersQuery): Promise<Peers> {
  const date = referenceDate(query.knownAt);
  // Today's peers are compared from the rows this server keeps of every municipality, brought up to date by what
  // changed; as known at a moment, from rows read for the question.
  const [nation, me, populationsToday] = await Promise.all([
    query.knownAt === undefined ? currentNation(db) : undefined,
    getMunicipality(db, code, date),
    // The register as known at a moment has the population of that moment; the recommendations compare today's.
    query.knownAt === undefined ? undefined : municipalities.populationsOn(db, [code], todayIso()),
  ]);
  const [register, settings] = nation?.date === date ? [nation.members, nation.settings] : await Promise.all([municipalities.list(db, { date }), getSettings(db)]);
  const group = await groupOf(db, me, query.group, register);
  const codes = group.members.map((m) => m.code);
  const [standing, recommendations] = await Promise.all([
    standings(db, settings, group.members, { measure: query.measure, knownAt: query.knownAt, all: query.group === 'all', nation }),
    peers.recommendations(db, { code, population: populationsToday ? populationsToday.get(code)! : me.population }, codes, nation?.componentProducts),
  ]);
  const shares = standing.map((s) => s.share.share);
  const rank = ranks(shares);
  const members = standing
    .map((s, i) => ({ ...s.share, rank: rank[i]! }))
    .sort((a, b) => (a.rank ?? Infinity) - (b.rank ?? Infinity) || dutchOrder(a.name, b.name));
  const mine = standing.find((s) => s.share.code === code)!;
  const layers: (Layer | null)[] = [...LAYERS, ...(standing.some((s) => (s.byLayer.get(null)?.landscape ?? 0) > 0) ? [null] : [])];
  return {
    municipalityCode: code,
    group: { key: group.key, name: group.name, size: group.members.length },
    rank: members.find((m) => m.code === code)!.rank,
    share: mine.share.share,
    ...quartiles(shares),
    members,
    byLayer: layers.map((layer) => {
      const layerShare = (s: (typeof standing)[number]) => {
        const c = s.byLayer.get(layer);
        return c ? shareOf(c, query.measure) : null;
      };
      return { layer, share: layerShare(mine), ...quartiles(standing.map(layerShare)) };
    }),
    recommendations,
  };
}

export async function createPeerGroup(db: Knex, input: CreatePeerGroupInput, actor: Actor): Promise<PeerGroup> {
  const known = new Set((await municipalities.list(db, {})).map((m) => m.code));
  const errors: AppFieldError[] = [];
  input.municipalityCodes.forEach((c, i) => {
    if (!known.has(c)) errors.push({ path: `municipalityCodes.${i}`, message: message('municipalities.notFound', { code: c }) });
  });
  if (errors.length > 0) throw AppError.badRequest(message('peers.unknownMunicipalities'), errors);
  if (new Set(input.municipalityCodes).size < 2)
    throw AppError.badRequest(message('validation.groupTooSmall', { min: 2 }), [{ path: 'municipalityCodes', message: message('validation.groupTooSmall', { min: 2 }) }]);
  return db.transaction(async (trx) => {
    const group = await peers.insertGroup(trx, input, actor.id);
    await audit.record(trx, actor, { action: 'peer-group.created', entityType: 'peer-group', entityId: group.id, after: group });
    await peerGroupsChanged(trx);
    return group;
  });
}

export function listPeerGroups(db: Knex): Promise<PeerGroup[]> {
  return peers.listGroups(db);
}

export async function getPeerGroup(db: Knex, id: string): Promise<PeerGroup> {
  const found = await peers.findGroup(db, id);
  if (!found) throw AppError.notFound(message('peers.notFound', { id }));
  return found;
}

/** A saved group is its maker's: another board member may use it, but only the maker or an admin deletes it. */
export async function deletePeerGroup(db: Knex, id: string, user: User, actor: Actor): Promise<void> {
  await db.transaction(async (trx) => {
    const group = await peers.findGroup(trx, id);
    if (group && group.ownerId !== user.id && user.role !== 'admin')
      throw AppError.forbidden(message('peers.onlyOwner'));
    if (!group || !(await peers.deleteGroup(trx, id))) throw AppError.notFound(message('peers.notFound', { id }));
    await audit.record(trx, actor, { action: 'peer-group.deleted', entityType: 'peer-group', entityId: id, before: group });
    await peerGroupsChanged(trx);
  });
}
