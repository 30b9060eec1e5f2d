import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, ButtonGroup } from '@utrecht/component-library-react';
import { settingsSchema, type Settings } from '@tm/shared/schemas/settings';
import { ErrorSummary, summaryItems } from '../../../components/ui/error-summary.tsx';
import { TextField } from '../../../components/ui/text-field.tsx';
import { localeOf } from '../../../lib/format.ts';
import { parseNumber } from '../../../lib/numbers.ts';
import { useFormErrors } from '../../../lib/use-form-errors.ts';
import type { FieldErrors } from '../../../lib/field-errors.ts';

type Props = {
  current: Settings;
  serverErrors: FieldErrors;
  busy: boolean;
  onSave: (settings: Settings) => void;
};

const FIELD_ORDER = ['programmeStart', 'annualRate', 'staleAfterMonths', '_form'] as const;
const fieldId = (field: string) => `settings-${field}`;

/** A fraction as the percentage people type: 0.125 → "12,5"; never the float noise of 0.07 × 100. */
export function percentText(fraction: number, language: string): string {
  return new Intl.NumberFormat(localeOf(language), { maximumFractionDigits: 4, useGrouping: false }).format(fraction * 100);
}

/** The typed percentage as the fraction the API stores, rounded so "7" is 0.07 exactly; empty or no number stays so. */
export function fractionOf(text: string): number | undefined {
  const percent = parseNumber(text);
  if (percent === null) return undefined;
  return Number.isNaN(percent) ? percent : Math.round(percent * 1e4) / 1e6;
}

/**
 * Programme start and annual rate (PRODUCT §3.3): the rate is shown and typed as a percentage, stored as a fraction;
 * and how many months an attestation keeps an inventory fresh (§11).
 */
export function SettingsForm({ current, serverErrors, busy, onSave }: Props) {
  const { t, i18n } = useTranslation();
  const [programmeStart, setProgrammeStart] = useState(current.programmeStart);
  const [rate, setRate] = useState(() => percentText(current.annualRate, i18n.language));
  const [staleAfterMonths, setStaleAfterMonths] = useState(String(current.staleAfterMonths));
  const { shown, summary, submit: check } = useFormErrors(serverErrors);
  const label = (field: string) => t(`settings.fields.${field}`);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    check(settingsSchema, { programmeStart, annualRate: fractionOf(rate), staleAfterMonths: parseNumber(staleAfterMonths) ?? undefined }, onSave);
  };

  return (
    <form className="tm-form tm-form--narrow" onSubmit={submit} noValidate>
      <ErrorSummary ref={summary} heading={t('settings.errorSummary')} items={summaryItems(FIELD_ORDER, shown, label, fieldId)} />
      <TextField
        id={fieldId('programmeStart')}
        label={label('programmeStart')}
        hint={t('settings.hints.programmeStart')}
        type="date"
        required
        error={shown.programmeStart}
        value={programmeStart}
        onChange={setProgrammeStart}
      />
      <TextField
        id={fieldId('annualRate')}
        label={label('annualRate')}
        hint={t('settings.hints.annualRate')}
        inputMode="decimal"
        required
        error={shown.annualRate}
        value={rate}
        onChange={setRate}
      />
      <TextField
        id={fieldId('staleAfterMonths')}
        label={label('staleAfterMonths')}
        hint={t('settings.hints.staleAfterMonths')}
        inputMode="numeric"
        required
        error={shown.staleAfterMonths}
        value={staleAfterMonths}
        onChange={setStaleAfterMonths}
      />
      <ButtonGroup>
        <Button type="submit" appearance="primary-action-button" busy={busy} disabled={busy}>
          {t('settings.save')}
        </Button>
      </ButtonGroup>
    </form>
  );
}
