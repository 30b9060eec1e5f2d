import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { Heading4, Paragraph } from '@utrecht/component-library-react';
import type { ImportChange } from '@tm/shared/schemas/import';
import { DataTable, type Column } from '../../../components/charts/data-table.tsx';
import { type Formatters, useFormat } from '../../../lib/format.ts';
import { describeValue } from '../../inventory/components/field-values.ts';
import { ERRORS_SHOWN } from '../hooks/report-shape.ts';

/** The report names reference components already; every other value reads as the inventory shows it. */
const NAMED = { referenceComponent: (name: string) => name, application: () => undefined };

function fieldLine({ field, before, after }: ImportChange['fields'][number], action: ImportChange['action'], t: TFunction, f: Formatters): string {
  const key = field === 'referenceComponents' ? 'referenceComponentIds' : field;
  const show = (value: unknown) => describeValue(key, value, t, f, NAMED);
  const name = t(`application.fields.${key}`, { defaultValue: field });
  return action === 'created' ? `${name}: ${show(after)}` : `${name}: ${show(before)} → ${show(after)}`;
}

/** Each application the import adds or changes, with every field it sets: before → after, as the history will say. */
export function ReportChanges({ changes }: { changes: readonly ImportChange[] }) {
  const { t } = useTranslation();
  const f = useFormat();
  if (changes.length === 0) return null;
  const columns: Column<ImportChange>[] = [
    { header: t('imports.changes.rows'), value: (c) => c.rows.join(', ') || t('imports.changes.notInFile') },
    { header: t('imports.changes.application'), value: (c) => c.name },
    { header: t('imports.changes.action'), value: (c) => t(`imports.changes.${c.action}`) },
    { header: t('imports.changes.fields'), value: (c) => c.fields.map((field) => fieldLine(field, c.action, t, f)).join('; ') },
  ];
  const hidden = Math.max(0, changes.length - ERRORS_SHOWN);
  return (
    <section aria-labelledby="import-changes-title">
      <Heading4 id="import-changes-title">{t('imports.changes.title')}</Heading4>
      <Paragraph>{t('imports.changes.intro')}</Paragraph>
      <DataTable caption={t('imports.changes.caption')} rows={changes.slice(0, ERRORS_SHOWN)} columns={columns} />
      {hidden > 0 && <Paragraph>{t('imports.changes.more', { count: hidden })}</Paragraph>}
    </section>
  );
}
