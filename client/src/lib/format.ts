import { useTranslation } from 'react-i18next';
import { nextTask } from './next-task.ts';

const LOCALES: Record<string, string> = { nl: 'nl-NL', en: 'en-GB' };

export function localeOf(language: string): string {
  return LOCALES[language] ?? 'nl-NL';
}

export type Formatters = ReturnType<typeof formatters>;

/** Made on first use: making an Intl formatter costs far more than using one, and a screen needs few of them. */
function lazily<T>(make: () => T): () => T {
  let made: T | undefined;
  return () => (made ??= make());
}

/** Number, share and date formatting for one language; every figure on screen goes through these. */
export function formatters(language: string) {
  const locale = localeOf(language);
  const number = (options: Intl.NumberFormatOptions) => lazily(() => new Intl.NumberFormat(locale, options));
  const dates = (options: Intl.DateTimeFormatOptions) => lazily(() => new Intl.DateTimeFormat(locale, options));
  const integer = number({ maximumFractionDigits: 0 });
  const decimal = number({ maximumFractionDigits: 1 });
  const percent = number({ style: 'percent', minimumFractionDigits: 1, maximumFractionDigits: 1 });
  const wholePercent = number({ style: 'percent', maximumFractionDigits: 0 });
  const rate = number({ style: 'percent', maximumFractionDigits: 2 });
  const euro = number({ style: 'currency', currency: 'EUR', maximumFractionDigits: 0 });
  const date = dates({ dateStyle: 'long', timeZone: 'UTC' });
  const shortDate = dates({ dateStyle: 'medium', timeZone: 'UTC' });
  const dateTime = dates({ dateStyle: 'long', timeStyle: 'short' });
  const month = dates({ month: 'short', year: 'numeric', timeZone: 'UTC' });
  const kilobytes = number({ style: 'unit', unit: 'kilobyte', maximumFractionDigits: 0 });
  const megabytes = number({ style: 'unit', unit: 'megabyte', maximumFractionDigits: 1 });
  const list = lazily(() => new Intl.ListFormat(locale, { type: 'conjunction' }));
  return {
    locale,
    integer: (n: number) => integer().format(n),
    decimal: (n: number) => decimal().format(n),
    /** A 0–1 share as "23,4%". */
    percent: (share: number) => percent().format(share),
    wholePercent: (share: number) => wholePercent().format(share),
    /** A rate as the programme board set it: "10%", "12,5%", never rounded to a whole number. */
    rate: (fraction: number) => rate().format(fraction),
    /** Percentage points per year from a number already in points. */
    points: (pp: number) => decimal().format(pp),
    euro: (n: number) => euro().format(n),
    /** An ISO calendar date ('2026-03-15') as "15 maart 2026". */
    date: (iso: string) => date().format(new Date(`${iso.slice(0, 10)}T00:00:00Z`)),
    /** "15 mrt 2026", for dense tables. */
    shortDate: (iso: string) => shortDate().format(new Date(`${iso.slice(0, 10)}T00:00:00Z`)),
    dateTime: (iso: string) => dateTime().format(new Date(iso)),
    month: (iso: string) => month().format(new Date(`${iso.slice(0, 10)}T00:00:00Z`)),
    /** "a, b en c". */
    list: (items: readonly string[]) => list().format(items),
    /** A file's size as people read it: "12 kB", "1,4 MB". */
    fileSize: (bytes: number) => (bytes < 1_000_000 ? kilobytes().format(Math.max(1, Math.round(bytes / 1000))) : megabytes().format(bytes / 1_000_000)),
  };
}

// Making an Intl formatter costs far more than using one, and a dashboard formats hundreds of figures.
const byLanguage = new Map<string, Formatters>();

function formattersFor(language: string): Formatters {
  let found = byLanguage.get(language);
  if (!found) byLanguage.set(language, (found = formatters(language)));
  return found;
}

export function useFormat(): Formatters {
  return formattersFor(useTranslation().i18n.language);
}

/**
 * Makes the formatters every dashboard shows first, each in a task of its own, while the app waits for its screen's
 * code and figures: each loads its share of the language's data, which inside a render cannot be sliced. The engine's
 * list of locales, which the first of them used to make, is made before the first paint (`src/prepare-intl.ts`).
 */
export async function prepareFormatters(language: string): Promise<void> {
  const f = formattersFor(language);
  for (const use of [() => f.integer(0), () => f.percent(0), () => f.date('2000-01-01')]) {
    await nextTask();
    use();
  }
}
