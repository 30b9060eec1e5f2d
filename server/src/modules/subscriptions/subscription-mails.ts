import type { MailLanguage } from '@tm/shared/schemas/notification-preferences';
import type { Mail } from '../mail/mailer.ts';

export type DisabledNotice = { to: string; name: string; language: MailLanguage; url: string; reason: string; link: string };

/** The plain mail to a subscription's owner when its deliveries gave up. */
export function disabledMail(n: DisabledNotice): Mail {
  if (n.language === 'en')
    return {
      to: n.to,
      language: 'en',
      subject: `Webhook disabled: ${n.url}`,
      text: [
        `Dear ${n.name},`,
        '',
        'The Transitiemonitor Common Ground has disabled your webhook subscription:',
        '',
        `  ${n.url}`,
        '',
        `Reason: ${n.reason}`,
        '',
        'No more events are sent to this address. Once the receiver works again, enable the subscription under',
        'Notifications; it resumes with the event it stopped at:',
        '',
        n.link,
        '',
        'Kind regards,',
        'Transitiemonitor Common Ground',
      ].join('\n'),
    };
  return {
    to: n.to,
    language: 'nl',
    subject: `Webhook uitgeschakeld: ${n.url}`,
    text: [
      `Beste ${n.name},`,
      '',
      'De Transitiemonitor Common Ground heeft uw webhook-abonnement uitgeschakeld:',
      '',
      `  ${n.url}`,
      '',
      `Reden: ${n.reason}`,
      '',
      'Er gaan geen gebeurtenissen meer naar dit adres. Werkt de ontvanger weer, schakel het abonnement dan opnieuw in',
      'onder Meldingen; het gaat verder bij de gebeurtenis waar het stopte:',
      '',
      n.link,
      '',
      'Met vriendelijke groet,',
      'Transitiemonitor Common Ground',
    ].join('\n'),
  };
}
