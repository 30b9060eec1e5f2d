import { notificationPreferencesSchema } from '@tm/shared/schemas/notification-preferences';
import type { ApiDocs } from '../../http/openapi.ts';

export function registerNotificationPreferencesDocs(docs: ApiDocs): void {
  docs.add({
    method: 'get',
    path: '/users/current/notification-preferences',
    summary: 'Which mails you get, and in which language',
    description: 'Without a choice of your own: reminders on, in Dutch.',
    tags: ['Accounts'],
    access: 'any logged-in account',
    success: { 200: { description: 'Your preferences', schema: notificationPreferencesSchema } },
  });
  docs.add({
    method: 'put',
    path: '/users/current/notification-preferences',
    summary: 'Choose which mails you get, and in which language',
    description:
      '`reminders: false` stops the reminders about inventories that are (about to go) stale. The language is that of ' +
      'every mail to you: reminders and notices about your webhook subscriptions.',
    tags: ['Accounts'],
    access: 'any logged-in account',
    request: { body: { content: { 'application/json': { schema: notificationPreferencesSchema } } } },
    success: { 200: { description: 'Your preferences now', schema: notificationPreferencesSchema } },
    problems: [415],
  });
}
