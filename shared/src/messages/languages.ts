/** Dutch first: every Dutch municipality reads it; English for whoever asks. */
export const LANGUAGES = ['nl', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];
export const DEFAULT_LANGUAGE: Language = 'nl';

export function isLanguage(value: unknown): value is Language {
  return LANGUAGES.some((l) => l === value);
}
