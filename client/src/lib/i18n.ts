import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import { DEFAULT_LANGUAGE, isLanguage, type Language } from '@tm/shared/messages/languages';
import { nl } from '../locales/nl.ts';

const STORAGE_KEY = 'tm.language';

/** The language this browser chose last, Dutch if none. */
export function storedLanguage(): Language {
  try {
    const stored = globalThis.localStorage?.getItem(STORAGE_KEY);
    return stored === 'en' ? 'en' : 'nl';
  } catch {
    return 'nl';
  }
}

/** English is loaded when first asked for: most visitors read Dutch, and the first download stays small. */
async function ensureLoaded(language: Language): Promise<void> {
  if (language === 'en' && !i18n.hasResourceBundle('en', 'translation')) {
    const { en } = await import('../locales/en.ts');
    i18n.addResourceBundle('en', 'translation', en);
  }
}

/** The interface's language, which the server answers in too (the API client sends it as Accept-Language). */
export function currentLanguage(): Language {
  return isLanguage(i18n.language) ? i18n.language : DEFAULT_LANGUAGE;
}

export async function setLanguage(language: Language): Promise<void> {
  try {
    globalThis.localStorage?.setItem(STORAGE_KEY, language);
  } catch {
    // Private browsing may refuse storage; the choice then lasts for this visit only.
  }
  await ensureLoaded(language);
  await i18n.changeLanguage(language);
}

export function initI18n(language: Language = storedLanguage()) {
  if (!i18n.isInitialized) {
    void i18n.use(initReactI18next).init({
      resources: { nl: { translation: nl } },
      lng: 'nl',
      fallbackLng: 'nl',
      interpolation: { escapeValue: false },
      returnNull: false,
      showSupportNotice: false,
    });
    i18n.on('languageChanged', (lng) => {
      if (typeof document !== 'undefined') document.documentElement.lang = lng;
    });
    if (typeof document !== 'undefined') document.documentElement.lang = 'nl';
    if (language !== 'nl') void setLanguage(language);
  }
  return i18n;
}
