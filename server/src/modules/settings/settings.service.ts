import type { Knex } from 'knex';
import type { Settings } from '@tm/shared/schemas/settings';
import type { Actor } from '../../http/actor.ts';
import * as audit from '../audit/audit.repository.ts';
import { recordEvent } from '../events/events.repository.ts';
import { settingsChanged } from '../progress/figures-changed.ts';
import * as settings from './settings.repository.ts';

export function getSettings(db: Knex): Promise<Settings> {
  return settings.read(db);
}

export async function putSettings(db: Knex, next: Settings, actor: Actor): Promise<Settings> {
  return db.transaction(async (trx) => {
    const previous = await settings.read(trx);
    await settings.write(trx, next);
    await audit.record(trx, actor, { action: 'settings.updated', entityType: 'settings', entityId: 'programme', before: previous, after: next });
    await settingsChanged(trx, previous.programmeStart !== next.programmeStart);
    const current = await settings.read(trx);
    await recordEvent(trx, 'settings.updated', { subject: 'settings', municipalityCode: null, data: current });
    return current;
  });
}
