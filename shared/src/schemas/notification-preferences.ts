import { z } from 'zod';

export const MAIL_LANGUAGES = ['nl', 'en'] as const;
export type MailLanguage = (typeof MAIL_LANGUAGES)[number];

/** What an account wants by mail (PRODUCT §11): the reminders about stale inventories, and the mails' language. */
export const notificationPreferencesSchema = z.strictObject({
  /** Reminders to attest the inventories you edit, before and once they go stale. */
  reminders: z.boolean(),
  language: z.enum(MAIL_LANGUAGES),
});
export type NotificationPreferences = z.infer<typeof notificationPreferencesSchema>;

export const DEFAULT_NOTIFICATION_PREFERENCES: NotificationPreferences = { reminders: true, language: 'nl' };
