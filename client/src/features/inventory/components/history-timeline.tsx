import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import type { HistoryEntry } from '@tm/shared/schemas/history';
import type { Formatters } from '../../../lib/format.ts';
import { useFormat } from '../../../lib/format.ts';

const TRANSLATED: Record<string, string> = { status: 'statuses', layer: 'layers', lifecycle: 'lifecycles' };

function show(field: string, value: unknown, t: TFunction, f: Formatters): string {
  if (value === null || value === undefined || value === '') return t('application.empty');
  const group = TRANSLATED[field];
  if (group && typeof value === 'string') return t(`${group}.${value}`);
  if (field === 'annualCost' && typeof value === 'number') return f.euro(value);
  if (Array.isArray(value)) return String(value.length);
  if (typeof value === 'object') return Object.entries(value).filter(([, v]) => v).map(([k]) => t(`criteria.${k}`)).join(', ') || t('application.empty');
  return String(value);
}

/** Changes one per line: "gewijzigd door … op …, per …: status Legacy → Common Ground". */
export function describeChanges(entry: HistoryEntry, t: TFunction, f: Formatters): string[] {
  const empty = (v: unknown) => v === null || v === undefined || v === '' || (Array.isArray(v) && v.length === 0) || (typeof v === 'object' && !Array.isArray(v) && Object.values(v as object).every((x) => !x));
  const fields = [...new Set([...Object.keys(entry.before ?? {}), ...Object.keys(entry.after ?? {})])]
    // A new application lists what was filled in, not every empty field.
    .filter((field) => entry.action !== 'created' || !empty(entry.after?.[field]));
  return fields.map((field) => {
    const name = t(`application.fields.${field}`, { defaultValue: field });
    const before = entry.before?.[field];
    const after = entry.after?.[field];
    if (entry.action === 'created') return `${name}: ${show(field, after, t, f)}`;
    if (entry.action === 'deleted') return `${name}: ${show(field, before, t, f)}`;
    return `${name}: ${show(field, before, t, f)} → ${show(field, after, t, f)}`;
  });
}

export function HistoryTimeline({ entries }: { entries: readonly HistoryEntry[] }) {
  const { t } = useTranslation();
  const f = useFormat();
  const newestFirst = [...entries].sort((a, b) => b.recordedAt.localeCompare(a.recordedAt));
  return (
    <ol className="tm-timeline">
      {newestFirst.map((entry) => (
        <li key={entry.id}>
          <strong>
            {t(`application.history${entry.action[0]!.toUpperCase()}${entry.action.slice(1)}`, {
              actor: entry.actor.name,
              recorded: f.dateTime(entry.recordedAt),
              effective: f.date(entry.effectiveDate),
            })}
          </strong>
          <ul>
            {describeChanges(entry, t, f).map((line) => (
              <li key={line}>{line}</li>
            ))}
          </ul>
        </li>
      ))}
    </ol>
  );
}
