import type supertest from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, addMonths } from '@tm/shared/measure/calendar';
import { todayIso } from '@tm/shared/dates';
import { useTestApp } from '../../../test/harness.ts';
import { startTestSmtp } from '../../../test/smtp.ts';
import { createLogger } from '../../http/request-log.ts';
import { createMailer } from '../mail/mailer.ts';

const smtp = await startTestSmtp();
const logger = createLogger('silent');
const { db, signIn } = useTestApp({
  logger,
  mailer: createMailer({ smtpUrl: smtp.url }, logger),
  publicUrl: 'https://monitor.example.nl',
});
let admin: supertest.Agent;
beforeAll(async () => {
  admin = (await signIn({ role: 'admin' })).agent;
});
afterAll(() => smtp.stop());

const today = todayIso();
const longDate = (date: string, locale: string) => new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(`${date}T00:00:00Z`));

async function attestedOn(code: string, date: string): Promise<void> {
  await db()('attestations').insert({ municipality_code: code, attested_at: new Date(`${date}T12:00:00Z`), actor_name: 'eerder@test.local' });
}

async function editorOf(codes: string[], preferences?: { reminders: boolean; language: 'nl' | 'en' }) {
  const editor = await signIn({ role: 'editor', municipalityCodes: codes });
  if (preferences) await editor.agent.put('/api/v1/users/current/notification-preferences').send(preferences).expect(200);
  return editor;
}

const run = async () => (await admin.post('/api/v1/reminder-runs').expect(200)).body;
const mailsTo = (email: string) => smtp.mails.filter((m) => m.to.includes(email));

describe('reminders', () => {
  it('when inventories are about to go, go or stay stale, then each editor gets one mail listing them, in their language, once', async () => {
    await attestedOn('GM0546', addDays(addMonths(today, -6), 10)); // stale in 10 days
    await attestedOn('GM0547', addMonths(today, -6)); // stale today
    await attestedOn('GM0579', addMonths(today, -8)); // stale for two months
    await attestedOn('GM0014', addMonths(today, -1)); // fresh; GM0638 was never attested
    const dutch = await editorOf(['GM0546', 'GM0547', 'GM0014']);
    const english = await editorOf(['GM0579', 'GM0638'], { reminders: true, language: 'en' });
    const fresh = await editorOf(['GM0014']);
    const optedOut = await editorOf(['GM0546'], { reminders: false, language: 'nl' });

    expect(await run()).toEqual({ sent: 2, skipped: 1, failed: 0 });
    const [nl] = mailsTo(dutch.email);
    expect(mailsTo(dutch.email)).toHaveLength(1);
    expect(nl).toMatchObject({ subject: 'Bevestig de inventarissen van 2 gemeenten', language: 'nl' });
    expect(nl!.text).toContain(`- Leiden: verouderd op ${longDate(addMonths(addDays(addMonths(today, -6), 10), 6), 'nl-NL')}, over 10 dagen`);
    expect(nl!.text).toContain(`- Leiderdorp: verouderd sinds vandaag, ${longDate(addMonths(addMonths(today, -6), 6), 'nl-NL')}`);
    expect(nl!.text).toContain('https://monitor.example.nl/gemeenten/GM0546');
    expect(nl!.text).not.toContain('GM0014');
    const [en] = mailsTo(english.email);
    expect(en).toMatchObject({ subject: 'Confirm the inventories of 2 municipalities', language: 'en' });
    expect(en!.text).toContain(`out of date since ${longDate(addMonths(today, -2), 'en-GB')}`);
    expect(en!.text).toContain('never confirmed');
    expect(mailsTo(fresh.email)).toEqual([]);
    expect(mailsTo(optedOut.email)).toEqual([]);

    const mails = smtp.mails.length;
    expect(await run()).toEqual({ sent: 0, skipped: 3, failed: 0 });
    // Attested, Leiden is due for nothing: the editor who opted out has nothing left; Leiderdorp's reminder went already.
    await dutch.agent.post('/api/v1/municipalities/GM0546/attestations').send({}).expect(201);
    expect(await run()).toEqual({ sent: 0, skipped: 2, failed: 0 });
    expect(smtp.mails.length).toBe(mails);
  });

  it('when two runs race, as on two servers, then each reminder is mailed once', async () => {
    const editors = await Promise.all(['GM0503', 'GM0518', 'GM0599'].map((code) => editorOf([code])));
    const runs = await Promise.all([run(), run(), run()]);
    expect(runs.reduce((n, r) => n + r.sent, 0)).toBe(3);
    for (const editor of editors) expect(mailsTo(editor.email)).toHaveLength(1);
  });

  it('when the SMTP server is down, then the reminders wait and go once it is back, once', async () => {
    const editor = await editorOf(['GM0344']);
    await smtp.stop();
    try {
      expect(await run()).toMatchObject({ sent: 0, failed: 1 });
    } finally {
      await smtp.start();
    }
    expect(await run()).toMatchObject({ sent: 1, failed: 0 });
    expect(await run()).toMatchObject({ sent: 0, failed: 0 });
    expect(mailsTo(editor.email)).toHaveLength(1);
  });
});

describe('notification preferences', () => {
  it('when an account never chose, then it gets reminders in Dutch; its choice is kept, and bad input is 400 per field', async () => {
    const { agent } = await signIn({ role: 'viewer' });
    expect((await agent.get('/api/v1/users/current/notification-preferences').expect(200)).body).toEqual({ reminders: true, language: 'nl' });
    await agent.put('/api/v1/users/current/notification-preferences').send({ reminders: false, language: 'en' }).expect(200);
    expect((await agent.get('/api/v1/users/current/notification-preferences').expect(200)).body).toEqual({ reminders: false, language: 'en' });
    const bad = await agent.put('/api/v1/users/current/notification-preferences').send({ reminders: 'nee', language: 'de', colour: 'red' }).expect(400);
    expect((bad.body.errors as { path: string }[]).map((e) => e.path).sort()).toEqual(['colour', 'language', 'reminders']);
  });
});
