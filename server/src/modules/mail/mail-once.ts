import type { Knex } from 'knex';
import type { Delivery, Mail, Mailer } from './mailer.ts';

/**
 * Sends a mail for the occasions named by `keys` that have not had one yet, and records them, in one transaction:
 * the record commits only once the SMTP server took the mail, and a second server sending for the same occasion
 * waits on the first one's record and then skips it. So each occasion gets one mail, whatever the restarts, crashes
 * or other servers; a failed send records nothing and is tried again on the next run. (Only a crash in the instant
 * between the SMTP server's "accepted" and our commit could send one twice.)
 *
 * `compose` gets the keys that still needed a mail and makes it; with none left nothing is sent (undefined).
 */
export async function mailOnce(db: Knex, mailer: Mailer, keys: readonly string[], compose: (open: string[]) => Mail): Promise<Delivery | undefined> {
  if (keys.length === 0) return undefined;
  return db.transaction(async (trx) => {
    const open = ((await trx('mail_occasions')
      .insert(keys.map((key) => ({ key, delivery: 'sent' })))
      .onConflict('key')
      .ignore()
      .returning('key')) as { key: string }[]).map((r) => r.key);
    if (open.length === 0) return undefined;
    const delivery = await mailer.send(compose(open));
    if (delivery !== 'sent') await trx('mail_occasions').whereIn('key', open).update({ delivery });
    return delivery;
  });
}
