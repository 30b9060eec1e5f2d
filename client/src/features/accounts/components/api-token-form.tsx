import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, ButtonGroup, Checkbox, Fieldset, FieldsetLegend, FormField, FormFieldDescription, FormFieldErrorMessage, FormLabel } from '@utrecht/component-library-react';
import { API_TOKEN_SCOPES, createApiTokenSchema, type ApiTokenScope, type CreateApiTokenInput } from '@tm/shared/schemas/account';
import { ErrorSummary, summaryItems } from '../../../components/ui/error-summary.tsx';
import { TextField } from '../../../components/ui/text-field.tsx';
import { useFormErrors } from '../../../lib/use-form-errors.ts';
import type { FieldErrors } from '../../../lib/field-errors.ts';
import { checkForm } from '../../../lib/validation.ts';

type Props = {
  /** Only an admin may give a token the admin scope. */
  canAdmin: boolean;
  /** The longest a token may live, in days (the server's maximum, a year unless configured otherwise). */
  maxDays: number;
  serverErrors: FieldErrors;
  busy: boolean;
  onCreate: (input: CreateApiTokenInput) => void;
};

const FIELD_ORDER = ['name', 'scopes', 'expiresAt', '_form'] as const;
const fieldId = (field: string) => `api-token-${field}`;

const isoDay = (date: Date) => date.toISOString().slice(0, 10);

/** A new token: a name to recognise it by, what it may do (reading only, unless more is ticked) and when it ends. */
export function ApiTokenForm({ canAdmin, maxDays, serverErrors, busy, onCreate }: Props) {
  const { t } = useTranslation();
  const [name, setName] = useState('');
  const [scopes, setScopes] = useState<ApiTokenScope[]>(['read']);
  const [expiresOn, setExpiresOn] = useState('');
  const { shown, summary, reject, clear } = useFormErrors(serverErrors);
  const label = (field: string) => t(`apiTokens.fields.${field}`);
  const offered = API_TOKEN_SCOPES.filter((s) => s !== 'admin' || canAdmin);
  const today = new Date();
  const latest = isoDay(new Date(today.getTime() + maxDays * 86_400_000));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    // A token ends at the start of the chosen day (UTC), so the last day offered stays within the maximum.
    const expiresAt = expiresOn ? `${expiresOn}T00:00:00.000Z` : undefined;
    const checked = checkForm(createApiTokenSchema, { name, scopes, ...(expiresAt ? { expiresAt } : {}) });
    const errors: FieldErrors = { ...checked.errors };
    if (expiresOn && expiresOn > latest) errors.expiresAt = t('apiTokens.tooLong', { days: maxDays });
    if (checked.errors || errors.expiresAt) return reject(errors);
    clear();
    onCreate(checked.data);
  };

  const toggle = (scope: ApiTokenScope, on: boolean) => setScopes((current) => API_TOKEN_SCOPES.filter((s) => (s === scope ? on : current.includes(s))));

  return (
    <form className="tm-form tm-form--narrow" onSubmit={submit} noValidate>
      <ErrorSummary ref={summary} heading={t('apiTokens.errorSummary')} items={summaryItems(FIELD_ORDER, shown, label, fieldId)} />
      <TextField id={fieldId('name')} label={label('name')} hint={t('apiTokens.hints.name')} required error={shown.name} value={name} onChange={setName} />
      <Fieldset id={fieldId('scopes')} aria-describedby={[`${fieldId('scopes')}-hint`, shown.scopes ? `${fieldId('scopes')}-error` : ''].filter(Boolean).join(' ')}>
        <FieldsetLegend>{label('scopes')}</FieldsetLegend>
        <FormFieldDescription id={`${fieldId('scopes')}-hint`}>{t('apiTokens.hints.scopes')}</FormFieldDescription>
        {shown.scopes && <FormFieldErrorMessage id={`${fieldId('scopes')}-error`}>{shown.scopes}</FormFieldErrorMessage>}
        {offered.map((scope) => (
          <FormField key={scope} type="checkbox">
            <Checkbox id={fieldId(`scope-${scope}`)} checked={scopes.includes(scope)} onChange={(e) => toggle(scope, e.target.checked)} />{' '}
            <FormLabel htmlFor={fieldId(`scope-${scope}`)} type="checkbox">
              {t(`apiTokens.scopeHints.${scope}`)}
            </FormLabel>
          </FormField>
        ))}
      </Fieldset>
      <TextField
        id={fieldId('expiresAt')}
        label={label('expiresAt')}
        hint={t('apiTokens.hints.expiresAt', { days: maxDays })}
        type="date"
        min={isoDay(new Date(today.getTime() + 86_400_000))}
        max={latest}
        error={shown.expiresAt}
        value={expiresOn}
        onChange={setExpiresOn}
      />
      <ButtonGroup>
        <Button type="submit" appearance="primary-action-button" busy={busy} disabled={busy}>
          {t('apiTokens.create')}
        </Button>
      </ButtonGroup>
    </form>
  );
}
