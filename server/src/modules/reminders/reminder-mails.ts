import type { ReminderOccasion } from '@tm/shared/measure/freshness';
import type { MailLanguage } from '@tm/shared/schemas/notification-preferences';
import type { Mail } from '../mail/mailer.ts';

export type DueMunicipality = { code: string; name: string; occasion: ReminderOccasion };
export type Digest = { to: string; name: string; language: MailLanguage; municipalities: DueMunicipality[]; today: string; publicUrl: string };

const LOCALES = { nl: 'nl-NL', en: 'en-GB' } as const;

function longDate(date: string, language: MailLanguage): string {
  return new Intl.DateTimeFormat(LOCALES[language], { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(`${date}T00:00:00Z`));
}

function daysUntil(date: string, today: string): number {
  return Math.round((Date.parse(date) - Date.parse(today)) / 86_400_000);
}

const TEXTS = {
  nl: {
    subjectOne: (name: string) => `Bevestig de inventaris van ${name}`,
    subjectMany: (n: number) => `Bevestig de inventarissen van ${n} gemeenten`,
    greeting: (name: string) => `Beste ${name},`,
    intro: (many: boolean) =>
      `De Transitiemonitor is zo actueel als de inventarissen erin. Wilt u bevestigen dat de inventaris van ${many ? 'deze gemeenten' : 'deze gemeente'} compleet en actueel is?`,
    upcoming: (on: string, days: number) => `verouderd op ${on}, over ${days} ${days === 1 ? 'dag' : 'dagen'}`,
    stale: (on: string) => `verouderd sinds vandaag, ${on}`,
    stillStale: (on: string) => `verouderd sinds ${on}`,
    never: 'nog nooit bevestigd',
    action: 'Controleer de inventaris en kies "Bevestig inventaris" op de pagina van de gemeente.',
    why: 'U krijgt deze herinnering als redacteur van deze gemeente(n). Geen herinneringen meer? Zet ze uit bij uw instellingen:',
    closing: ['Met vriendelijke groet,', 'Transitiemonitor Common Ground'],
  },
  en: {
    subjectOne: (name: string) => `Confirm the inventory of ${name}`,
    subjectMany: (n: number) => `Confirm the inventories of ${n} municipalities`,
    greeting: (name: string) => `Dear ${name},`,
    intro: (many: boolean) =>
      `The Transitiemonitor is only as current as its inventories. Would you confirm that the inventory of ${many ? 'these municipalities' : 'this municipality'} is complete and current?`,
    upcoming: (on: string, days: number) => `out of date on ${on}, in ${days} ${days === 1 ? 'day' : 'days'}`,
    stale: (on: string) => `out of date since today, ${on}`,
    stillStale: (on: string) => `out of date since ${on}`,
    never: 'never confirmed',
    action: 'Check the inventory and choose "Confirm inventory" on the municipality\'s page.',
    why: 'You get this reminder as an editor of these municipalities. No more reminders? Turn them off in your settings:',
    closing: ['Kind regards,', 'Transitiemonitor Common Ground'],
  },
} as const;

/** One plain mail per editor listing every municipality of theirs that is due, each with its link. */
export function reminderMail(d: Digest): Mail {
  const t = TEXTS[d.language];
  const state = ({ occasion }: DueMunicipality) => {
    const on = occasion.staleOn ? longDate(occasion.staleOn, d.language) : '';
    if (occasion.kind === 'upcoming') return t.upcoming(on, daysUntil(occasion.staleOn!, d.today));
    if (occasion.kind === 'stale') return t.stale(on);
    if (occasion.kind === 'still-stale') return t.stillStale(on);
    return t.never;
  };
  const many = d.municipalities.length > 1;
  return {
    to: d.to,
    language: d.language,
    subject: many ? t.subjectMany(d.municipalities.length) : t.subjectOne(d.municipalities[0]!.name),
    text: [
      t.greeting(d.name),
      '',
      t.intro(many),
      '',
      ...d.municipalities.flatMap((m) => [`- ${m.name}: ${state(m)}`, `  ${d.publicUrl}/gemeenten/${m.code}`]),
      '',
      t.action,
      '',
      t.why,
      `${d.publicUrl}/instellingen`,
      '',
      ...t.closing,
    ].join('\n'),
  };
}
