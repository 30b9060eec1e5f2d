import type { MailLanguage } from '@tm/shared/schemas/notification-preferences';
import type { Mail } from '../mail/mailer.ts';

export type DisabledNotice = { to: string; name: string; language: MailLanguage; url: string; reason: string; link: string };

const TEXTS = {
  nl: {
    subject: 'Webhook uitgeschakeld',
    greeting: 'Beste',
    intro: 'De Transitiemonitor Common Ground heeft uw webhook-abonnement uitgeschakeld:',
    reason: 'Reden',
    resume: [
      'Er gaan geen gebeurtenissen meer naar dit adres. Werkt de ontvanger weer, schakel het abonnement dan opnieuw in',
      'onder Meldingen; het gaat verder bij de gebeurtenis waar het stopte:',
    ],
    closing: ['Met vriendelijke groet,', 'Transitiemonitor Common Ground'],
  },
  en: {
    subject: 'Webhook disabled',
    greeting: 'Dear',
    intro: 'The Transitiemonitor Common Ground has disabled your webhook subscription:',
    reason: 'Reason',
    resume: [
      'No more events are sent to this address. Once the receiver works again, enable the subscription under',
      'Notifications; it resumes with the event it stopped at:',
    ],
    closing: ['Kind regards,', 'Transitiemonitor Common Ground'],
  },
} as const;

/** The plain mail to a subscription's owner when its deliveries gave up. */
export function disabledMail(n: DisabledNotice): Mail {
  const t = TEXTS[n.language];
  return {
    to: n.to,
    language: n.language,
    subject: `${t.subject}: ${n.url}`,
    text: [`${t.greeting} ${n.name},`, '', t.intro, '', `  ${n.url}`, '', `${t.reason}: ${n.reason}`, '', ...t.resume, '', n.link, '', ...t.closing].join('\n'),
  };
}
