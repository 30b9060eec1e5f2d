import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import type { HistoryEntry } from '@tm/shared/schemas/history';
import type { Formatters } from '../../../lib/format.ts';
import { useFormat } from '../../../lib/format.ts';
import { describeValue, type Names } from './field-values.ts';

const isEmpty = (v: unknown) =>
  v === null || v === undefined || v === '' || (Array.isArray(v) && v.length === 0) || (typeof v === 'object' && !Array.isArray(v) && Object.values(v as object).every((x) => !x));

/** Changes one per line: "gewijzigd door … op …, per …: status Legacy → Common Ground". */
export function describeChanges(entry: HistoryEntry, t: TFunction, f: Formatters, names: Names): string[] {
  const fields = [...new Set([...Object.keys(entry.before ?? {}), ...Object.keys(entry.after ?? {})])]
    // A new application lists what was filled in, not every empty field.
    .filter((field) => entry.action !== 'created' || !isEmpty(entry.after?.[field]));
  return fields.map((field) => {
    const name = t(`application.fields.${field}`, { defaultValue: field });
    const show = (value: unknown) => describeValue(field, value, t, f, names);
    if (entry.action === 'created') return `${name}: ${show(entry.after?.[field])}`;
    if (entry.action === 'deleted') return `${name}: ${show(entry.before?.[field])}`;
    return `${name}: ${show(entry.before?.[field])} → ${show(entry.after?.[field])}`;
  });
}

/** The ids of successors the entries name, to be looked up before they are shown. */
export function successorsIn(entries: readonly HistoryEntry[]): string[] {
  return entries.flatMap((e) => [e.before?.replacedBy, e.after?.replacedBy]).filter((id): id is string => typeof id === 'string');
}

export function HistoryTimeline({ entries, names }: { entries: readonly HistoryEntry[]; names: Names }) {
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
            {describeChanges(entry, t, f, names).map((line) => (
              <li key={line}>{line}</li>
            ))}
          </ul>
        </li>
      ))}
    </ol>
  );
}
