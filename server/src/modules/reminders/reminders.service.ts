import type { Knex } from 'knex';
import { reminderOccasion } from '@tm/shared/measure/freshness';
import type { ReminderRun } from '@tm/shared/schemas/reminders';
import type { Logger } from '../../http/request-log.ts';
import { mailOnce } from '../mail/mail-once.ts';
import type { Mailer } from '../mail/mailer.ts';
import { getSettings } from '../settings/settings.service.ts';
import { type DueMunicipality, reminderMail } from './reminder-mails.ts';
import { editorsWithTheirMunicipalities, type EditorOfMunicipality } from './reminders.repository.ts';

export type ReminderContext = { db: Knex; mailer: Mailer; logger: Logger; publicUrl: string };

/** The occasion a reminder is for, one editor and one municipality: the same key is never mailed twice. */
const occasionKey = (userId: string, m: DueMunicipality) => `reminder:${userId}:${m.code}:${m.occasion.key}`;

/**
 * PRODUCT §11: every editor whose municipalities are about to go stale (14 days ahead), go stale today, or are
 * stale for another month gets one mail listing them. Each (editor, municipality, occasion) is mailed once, however
 * often this runs and on however many servers; a mail the SMTP server did not take is tried again next run.
 */
export async function runReminders(ctx: ReminderContext, today: string): Promise<ReminderRun> {
  const { staleAfterMonths } = await getSettings(ctx.db);
  const byEditor = new Map<string, EditorOfMunicipality[]>();
  for (const row of await editorsWithTheirMunicipalities(ctx.db)) byEditor.set(row.userId, [...(byEditor.get(row.userId) ?? []), row]);
  const run: ReminderRun = { sent: 0, skipped: 0, failed: 0 };
  for (const [userId, rows] of byEditor) {
    const editor = rows[0]!;
    const due: DueMunicipality[] = rows.flatMap((r) => {
      const occasion = reminderOccasion(r.attestedAt ? r.attestedAt.toISOString().slice(0, 10) : null, staleAfterMonths, today);
      return occasion ? [{ code: r.code, name: r.municipality, occasion }] : [];
    });
    if (due.length === 0) continue;
    if (!editor.reminders) {
      run.skipped += 1;
      continue;
    }
    try {
      const delivery = await mailOnce(ctx.db, ctx.mailer, due.map((m) => occasionKey(userId, m)), (open) =>
        reminderMail({
          to: editor.email,
          name: editor.name,
          language: editor.language,
          municipalities: due.filter((m) => open.includes(occasionKey(userId, m))),
          today,
          publicUrl: ctx.publicUrl,
        }),
      );
      if (delivery) run.sent += 1;
      else run.skipped += 1;
    } catch (error) {
      run.failed += 1;
      ctx.logger.warn({ err: error, userId }, 'reminder not sent: tried again on the next run');
    }
  }
  ctx.logger.info({ ...run, today }, 'reminder run');
  return run;
}
