import { useTranslation } from 'react-i18next';
import { Paragraph, UnorderedList, UnorderedListItem } from '@utrecht/component-library-react';
import type { BulkChanges } from '@tm/shared/schemas/application-bulk-update';
import type { ReferenceComponent } from '@tm/shared/schemas/reference-component';
import { ConfirmDialog } from '../../../components/ui/confirm-dialog.tsx';
import { useFormat } from '../../../lib/format.ts';

type Props = {
  count: number;
  changes: BulkChanges;
  referenceComponents: readonly ReferenceComponent[];
  busy: boolean;
  onConfirm: () => void;
  onCancel: () => void;
};

/** Says how many rows change and to what before anything is written (UI.md: bulk edit). */
export function BulkConfirmDialog({ count, changes, referenceComponents, busy, onConfirm, onCancel }: Props) {
  const { t } = useTranslation();
  const f = useFormat();
  const names = (ids: readonly string[]) => f.list(ids.map((id) => referenceComponents.find((rc) => rc.id === id)?.name ?? t('picker.unknown')));
  const dated = (text: string) => (changes.effectiveDate ? `${text} ${t('inventory.bulk.per', { date: f.date(changes.effectiveDate) })}` : text);
  const lines = [
    changes.status !== undefined && dated(`${t('application.fields.status')}: ${t(`statuses.${changes.status}`)}`),
    changes.layer !== undefined && `${t('application.fields.layer')}: ${changes.layer ? t(`layers.${changes.layer}`) : t('layers.none')}`,
    changes.lifecycle !== undefined && dated(`${t('application.fields.lifecycle')}: ${t(`lifecycles.${changes.lifecycle}`)}`),
    changes.plannedReplacementYear !== undefined && `${t('application.fields.plannedReplacementYear')}: ${changes.plannedReplacementYear ?? t('application.empty')}`,
    changes.referenceComponents && t(`inventory.bulk.referenceChange.${changes.referenceComponents.mode}`, { names: names(changes.referenceComponents.ids) }),
    changes.annualCost !== undefined && `${t('application.fields.annualCost')}: ${changes.annualCost === null ? t('application.empty') : f.euro(changes.annualCost)}`,
  ].filter((line): line is string => Boolean(line));

  return (
    <ConfirmDialog
      title={t('inventory.bulk.confirmTitle', { count, formatted: f.integer(count) })}
      body={
        <>
          <UnorderedList>
            {lines.map((line) => (
              <UnorderedListItem key={line}>{line}</UnorderedListItem>
            ))}
          </UnorderedList>
          <Paragraph>{t('inventory.bulk.confirmIntro')}</Paragraph>
        </>
      }
      confirmLabel={t('inventory.bulk.confirm', { count, formatted: f.integer(count) })}
      cancelLabel={t('inventory.statusChange.cancel')}
      busy={busy}
      onConfirm={onConfirm}
      onCancel={onCancel}
    />
  );
}
