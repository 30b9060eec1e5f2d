import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import { en } from '../locales/en.ts';
import { nl } from '../locales/nl.ts';

export const LANGUAGES = ['nl', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];
const STORAGE_KEY = 'tm.language';

function storedLanguage(): Language {
  try {
    const stored = globalThis.localStorage?.getItem(STORAGE_KEY);
    return stored === 'en' ? 'en' : 'nl';
  } catch {
    return 'nl';
  }
}

export function setLanguage(language: Language): void {
  try {
    globalThis.localStorage?.setItem(STORAGE_KEY, language);
  } catch {
    // Private browsing may refuse storage; the choice then lasts for this visit only.
  }
  void i18n.changeLanguage(language);
}

export function initI18n(language: Language = storedLanguage()) {
  if (!i18n.isInitialized) {
    void i18n.use(initReactI18next).init({
      resources: { nl: { translation: nl }, en: { translation: en } },
      lng: language,
      fallbackLng: 'nl',
      interpolation: { escapeValue: false },
      returnNull: false,
      showSupportNotice: false,
    });
    i18n.on('languageChanged', (lng) => {
      if (typeof document !== 'undefined') document.documentElement.lang = lng;
    });
    if (typeof document !== 'undefined') document.documentElement.lang = language;
  }
  return i18n;
}
