import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Checkbox, FormField, FormLabel, Paragraph } from '@utrecht/component-library-react';
import { CRITERIA } from '@tm/shared/schemas/application';
import type { StatusChange } from '../hooks/use-status-change.ts';
import { EffectiveDateDialog } from './effective-date-dialog.tsx';

type Props = {
  change: StatusChange;
  /** Opens the application's form at its criteria, after a change to Common Ground. */
  onOpenCriteria: (id: string) => void;
};

/**
 * Dates the status chosen in a table row. Marking an application Common Ground offers to clear its planned
 * replacement year (nothing left to replace) and to tick the criteria behind the verdict.
 */
export function StatusChangeDialog({ change, onOpenCriteria }: Props) {
  const { t } = useTranslation();
  const pending = change.pending!;
  const { row, status } = pending;
  const toCommonGround = status === 'compliant' && row.status !== 'compliant';
  const offerYear = toCommonGround && row.plannedReplacementYear !== null;
  const askCriteria = toCommonGround && !CRITERIA.some((c) => row.criteria[c]);
  const [clearYear, setClearYear] = useState(true);
  const [openCriteria, setOpenCriteria] = useState(true);

  const confirm = (effectiveDate: string) => {
    change.confirm(effectiveDate, offerYear && clearYear ? { plannedReplacementYear: null } : {}, askCriteria && openCriteria ? () => onOpenCriteria(row.id) : undefined);
  };

  return (
    <EffectiveDateDialog
      title={t('inventory.statusChange.title', { name: row.name, status: t(`statuses.${status}`) })}
      busy={change.busy}
      onConfirm={confirm}
      onCancel={change.cancel}
      fallbackFocus={() => document.querySelector<HTMLElement>(`[data-status-of="${row.id}"]`)}
    >
      {offerYear && (
        <FormField type="checkbox">
          <Checkbox id="status-change-clear-year" checked={clearYear} onChange={(e) => setClearYear(e.target.checked)} />{' '}
          <FormLabel htmlFor="status-change-clear-year" type="checkbox">
            {t('nudge.clearYear', { year: row.plannedReplacementYear })}
          </FormLabel>
        </FormField>
      )}
      {askCriteria && (
        <>
          <Paragraph>{t('nudge.criteriaQuestion')}</Paragraph>
          <FormField type="checkbox">
            <Checkbox id="status-change-open-criteria" checked={openCriteria} onChange={(e) => setOpenCriteria(e.target.checked)} />{' '}
            <FormLabel htmlFor="status-change-open-criteria" type="checkbox">
              {t('nudge.openCriteria')}
            </FormLabel>
          </FormField>
        </>
      )}
    </EffectiveDateDialog>
  );
}
