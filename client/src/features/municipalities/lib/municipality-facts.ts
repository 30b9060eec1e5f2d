import type { Municipality } from '@tm/shared/schemas/municipality';
import type { Words } from '../../progress/report/headline-figures.ts';

/** "Zuid-Holland · Grootteklasse 5 · 124.000 inwoners", under a municipality's name. */
export function municipalityFacts(m: Municipality, { t, f }: Words): string {
  return `${m.province} · ${t('municipality.sizeClass', { label: t(`sizeClasses.${m.sizeClass}`) })} · ${t('municipality.inhabitants', { count: m.population, formatted: f.integer(m.population) })}`;
}
