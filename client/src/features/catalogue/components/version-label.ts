import type { TFunction } from 'i18next';

/** "Versie 5.2", or the words for applications that name no version. */
export function versionLabel(version: string | null, t: TFunction): string {
  return version === null ? t('catalogue.noVersion') : t('catalogue.version', { version });
}

/** Where a version's own section starts on its product's page. */
export const versionAnchor = (id: string) => `versie-${id}`;
