import { useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, ButtonGroup, FormField, FormFieldDescription, FormFieldErrorMessage, FormLabel, Textbox } from '@utrecht/component-library-react';
import { pastOrTodaySchema } from '@tm/shared/schemas/application';
import { todayIso } from '@tm/shared/dates';
import { ModalDialog } from '../../../components/ui/modal-dialog.tsx';
import { checkForm } from '../../../lib/validation.ts';

type Props = {
  title: string;
  busy: boolean;
  onConfirm: (effectiveDate: string) => void;
  onCancel: () => void;
  /** More to decide with the date, such as what else changes with a new status. */
  children?: ReactNode;
  fallbackFocus?: (() => HTMLElement | null) | undefined;
};

/** Asks when a change of status or lifecycle happened in reality before it is saved (PRODUCT §3.2). */
export function EffectiveDateDialog({ title, busy, onConfirm, onCancel, children, fallbackFocus }: Props) {
  const { t } = useTranslation();
  const [date, setDate] = useState(todayIso());
  const [error, setError] = useState<string | null>(null);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const checked = checkForm(pastOrTodaySchema, date);
    if (checked.errors) {
      setError(checked.errors._form ?? null);
      return;
    }
    onConfirm(checked.data);
  };

  return (
    <ModalDialog title={title} onCancel={onCancel} fallbackFocus={fallbackFocus}>
      <form onSubmit={submit} noValidate className="tm-form">
        <FormField invalid={Boolean(error)}>
          <FormLabel htmlFor="status-change-date">{t('inventory.statusChange.effectiveDate')}</FormLabel>
          <FormFieldDescription id="status-change-date-hint">{t('inventory.statusChange.effectiveDateHint')}</FormFieldDescription>
          {error && <FormFieldErrorMessage id="status-change-date-error">{error}</FormFieldErrorMessage>}
          <Textbox
            id="status-change-date"
            type="date"
            value={date}
            max={todayIso()}
            invalid={Boolean(error)}
            aria-describedby={error ? 'status-change-date-hint status-change-date-error' : 'status-change-date-hint'}
            onChange={(e) => setDate(e.target.value)}
          />
        </FormField>
        {children}
        <ButtonGroup>
          <Button type="submit" appearance="primary-action-button" busy={busy} disabled={busy}>
            {t('inventory.statusChange.confirm')}
          </Button>
          <Button type="button" appearance="secondary-action-button" onClick={onCancel}>
            {t('inventory.statusChange.cancel')}
          </Button>
        </ButtonGroup>
      </form>
    </ModalDialog>
  );
}
