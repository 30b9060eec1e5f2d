import { z } from 'zod';

/** What one run of the reminders did, counted in editors (each gets at most one mail per run). */
export const reminderRunSchema = z.object({
  /** Mails sent (or, without SMTP_URL, written to the log). */
  sent: z.number().int().min(0),
  /** Editors with something due who got no mail: reminded of it before, or opted out. */
  skipped: z.number().int().min(0),
  /** Mails the SMTP server did not take; the next run tries them again. */
  failed: z.number().int().min(0),
});
export type ReminderRun = z.infer<typeof reminderRunSchema>;
