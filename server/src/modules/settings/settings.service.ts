import type { Knex } from 'knex';
import type { Settings } from '@tm/shared/schemas/settings';
import { bumpMeasureRevision } from '@tm/db/measure-revision';
import { rebuildStartRollup } from '@tm/db/progress-rollups';
import type { Actor } from '../../http/actor.ts';
import * as audit from '../audit/audit.repository.ts';
import { recordEvent } from '../events/events.repository.ts';
import * as settings from './settings.repository.ts';

export function getSettings(db: Knex): Promise<Settings> {
  return settings.read(db);
}

export async function putSettings(db: Knex, next: Settings, actor: Actor): Promise<Settings> {
  return db.transaction(async (trx) => {
    const previous = await settings.read(trx);
    await settings.write(trx, next);
    // Every starting share (and so every target) hangs on the programme start.
    if (previous.programmeStart !== next.programmeStart) await rebuildStartRollup(trx);
    await audit.record(trx, actor, { action: 'settings.updated', entityType: 'settings', entityId: 'programme', before: previous, after: next });
    const current = await settings.read(trx);
    await bumpMeasureRevision(trx);
    await recordEvent(trx, 'settings.updated', { subject: 'settings', municipalityCode: null, data: current });
    return current;
  });
}
