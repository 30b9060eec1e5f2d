import type { Knex } from 'knex';
import type { NotificationPreferences } from '@tm/shared/schemas/notification-preferences';
import type { Actor } from '../../http/actor.ts';
import * as audit from '../audit/audit.repository.ts';
import * as preferences from './notification-preferences.repository.ts';

export function getPreferences(db: Knex, userId: string): Promise<NotificationPreferences> {
  return preferences.read(db, userId);
}

export async function putPreferences(db: Knex, userId: string, next: NotificationPreferences, actor: Actor): Promise<NotificationPreferences> {
  return db.transaction(async (trx) => {
    const before = await preferences.read(trx, userId);
    await preferences.write(trx, userId, next);
    await audit.record(trx, actor, { action: 'notification-preferences.updated', entityType: 'user', entityId: userId, before, after: next });
    return next;
  });
}
