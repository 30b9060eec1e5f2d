import type { TFunction } from 'i18next';
import type { Formatters } from '../../../lib/format.ts';

const TRANSLATED: Record<string, string> = { status: 'statuses', layer: 'layers', lifecycle: 'lifecycles' };

/** Names for what an application refers to by id: a reader sees names, never ids. */
export type Names = {
  referenceComponent: (id: string) => string | undefined;
  /** undefined while unknown; null for an application that no longer exists. */
  application: (id: string) => string | null | undefined;
};

/** One field's value of an application as a reader sees it: translated, formatted, named. */
export function describeValue(field: string, value: unknown, t: TFunction, f: Formatters, names: Names): string {
  if (value === null || value === undefined || value === '' || (Array.isArray(value) && value.length === 0)) return t('application.empty');
  const group = TRANSLATED[field];
  if (group && typeof value === 'string') return t(`${group}.${value}`);
  if (field === 'annualCost' && typeof value === 'number') return f.euro(value);
  if ((field === 'inUseSince' || field === 'retiredAt') && typeof value === 'string') return f.date(value);
  if (field === 'referenceComponentIds' && Array.isArray(value))
    return value.map((id) => names.referenceComponent(String(id)) ?? t('picker.unknown')).join(', ');
  if (field === 'replacedBy' && typeof value === 'string') {
    const name = names.application(value);
    return name === undefined ? t('states.loading') : name === null ? t('successor.removed') : name;
  }
  if (typeof value === 'object') return Object.entries(value).filter(([, v]) => v).map(([k]) => t(`criteria.${k}`)).join(', ') || t('application.empty');
  return String(value);
}
