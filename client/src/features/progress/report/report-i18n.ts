import { createInstance, type i18n as I18n } from 'i18next';
import type { ReportLanguage } from '@tm/shared/schemas/report';
import { en } from '../../../locales/en.ts';
import { nl } from '../../../locales/nl.ts';

const instances = new Map<ReportLanguage, I18n>();

/** The screens' words in one language, loaded at once: a report is written in one go, never switched. */
export function reportI18n(language: ReportLanguage): I18n {
  let instance = instances.get(language);
  if (!instance) {
    instance = createInstance({
      resources: { nl: { translation: nl }, en: { translation: en } },
      lng: language,
      fallbackLng: 'nl',
      interpolation: { escapeValue: false },
      initAsync: false,
      showSupportNotice: false,
    });
    void instance.init();
    instances.set(language, instance);
  }
  return instance;
}
