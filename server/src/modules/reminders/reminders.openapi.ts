import { reminderRunSchema } from '@tm/shared/schemas/reminders';
import type { ApiDocs } from '../../http/openapi.ts';

export function registerRemindersDocs(docs: ApiDocs): void {
  docs.add({
    method: 'post',
    path: '/reminder-runs',
    summary: 'Send the reminders that are due, now',
    description:
      'What the servers also do at start and every hour: each editor whose municipalities go stale within 14 days, go ' +
      'stale today or have been stale for another month gets one mail listing them, unless they opted out. Each ' +
      'reminder goes once, whatever runs when on which server; one the SMTP server did not take is counted as failed ' +
      'and sent by a later run. Without SMTP_URL mails are written to the log instead. No body.',
    tags: ['Attestations'],
    access: 'admins',
    success: { 200: { description: 'What the run did', schema: reminderRunSchema } },
  });
}
