import { afterAll, describe, expect, it } from 'vitest';
import { startTestSmtp } from '../../../test/smtp.ts';
import { createLogger } from '../../http/request-log.ts';
import { createMailer } from './mailer.ts';

const smtp = await startTestSmtp();
afterAll(() => smtp.stop());

const mail = { to: 'cio@gemeente.test', subject: 'Bevestig de inventaris van Leiden', text: 'Beste CIO,\n\nHet is tijd.', language: 'nl' as const };

describe('mailer', () => {
  it('when there is no SMTP_URL, then the mail is written to the log, marked as not sent', async () => {
    const lines: string[] = [];
    const mailer = createMailer({}, createLogger('info', { write: (line: string) => lines.push(line) }));
    expect(await mailer.send(mail)).toBe('logged');
    expect(lines.map((l) => JSON.parse(l))).toEqual([expect.objectContaining({ sent: false, mail: { to: mail.to, subject: mail.subject, text: mail.text } })]);
  });

  it('when there is an SMTP server, then the mail reaches it as plain text from SMTP_FROM, with its language', async () => {
    const mailer = createMailer({ smtpUrl: smtp.url, from: 'Monitor <monitor@gemeente.test>' }, createLogger('silent'));
    expect(await mailer.send(mail)).toBe('sent');
    expect(smtp.mails.at(-1)).toEqual({ from: 'monitor@gemeente.test', to: [mail.to], subject: mail.subject, text: `${mail.text}\n`, language: 'nl' });
    mailer.close();
  });

  it('when the SMTP server is down, then sending fails, so that the caller can try again', async () => {
    const mailer = createMailer({ smtpUrl: 'smtp://127.0.0.1:9' }, createLogger('silent'));
    await expect(mailer.send(mail)).rejects.toThrow(/ECONNREFUSED/);
  });
});
