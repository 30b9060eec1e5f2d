import type { Knex } from 'knex';
import { DEFAULT_NOTIFICATION_PREFERENCES, type NotificationPreferences } from '@tm/shared/schemas/notification-preferences';

export async function read(db: Knex, userId: string): Promise<NotificationPreferences> {
  const row = (await db('notification_preferences').where({ user_id: userId }).first('reminders', 'language')) as NotificationPreferences | undefined;
  return row ? { reminders: row.reminders, language: row.language } : DEFAULT_NOTIFICATION_PREFERENCES;
}

export async function write(db: Knex, userId: string, preferences: NotificationPreferences): Promise<void> {
  await db('notification_preferences')
    .insert({ user_id: userId, ...preferences, updated_at: db.fn.now() })
    .onConflict('user_id')
    .merge();
}
