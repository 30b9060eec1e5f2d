import nodemailer from 'nodemailer';
import type { Logger } from '../../http/request-log.ts';

export type Mail = { to: string; subject: string; text: string; language?: 'nl' | 'en' };
export type Delivery = 'sent' | 'logged';

export type Mailer = {
  /** Hands the mail to the SMTP server (`sent`), or, without one, writes it to the log (`logged`). Throws when the SMTP server refuses it or cannot be reached. */
  send(mail: Mail): Promise<Delivery>;
  close(): void;
};

export type MailSettings = { smtpUrl?: string | undefined; from?: string | undefined };

export const DEFAULT_FROM = 'Transitiemonitor Common Ground <noreply@transitiemonitor.invalid>';

export function createMailer(settings: MailSettings, logger: Logger): Mailer {
  if (!settings.smtpUrl) {
    return {
      async send(mail) {
        logger.info({ mail: { to: mail.to, subject: mail.subject, text: mail.text }, sent: false }, 'mail not sent (no SMTP_URL): written to the log instead');
        return 'logged';
      },
      close() {},
    };
  }
  // Short timeouts: a reminder run or a webhook's last word waits on the server, and retries come later anyway.
  const transport = nodemailer.createTransport(settings.smtpUrl, {
    from: settings.from ?? DEFAULT_FROM,
    connectionTimeout: 10_000,
    greetingTimeout: 10_000,
    socketTimeout: 30_000,
  } as object);
  return {
    async send(mail) {
      await transport.sendMail({
        to: mail.to,
        subject: mail.subject,
        text: mail.text,
        ...(mail.language ? { headers: { 'Content-Language': mail.language } } : {}),
      });
      return 'sent';
    },
    close: () => transport.close(),
  };
}
