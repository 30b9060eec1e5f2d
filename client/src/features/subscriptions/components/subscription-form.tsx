import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, ButtonGroup, Checkbox, Fieldset, FieldsetLegend, FormField, FormFieldDescription, FormLabel } from '@utrecht/component-library-react';
import { EVENT_TYPE_PREFIX, EVENT_TYPES, type EventType } from '@tm/shared/schemas/events';
import { createSubscriptionSchema, type CreateSubscriptionInput } from '@tm/shared/schemas/subscriptions';
import { ErrorSummary, summaryItems } from '../../../components/ui/error-summary.tsx';
import { type Choice, MultiCombobox } from '../../../components/ui/multi-combobox.tsx';
import { TextField } from '../../../components/ui/text-field.tsx';
import { useFormErrors } from '../../../lib/use-form-errors.ts';
import type { FieldErrors } from '../../../lib/field-errors.ts';

/** An event type in the reader's words: `nl.transitiemonitor.application.created` → "Applicatie toegevoegd". */
export const eventTypeKey = (type: EventType) => `eventTypes.${type.slice(EVENT_TYPE_PREFIX.length)}`;

type Props = {
  /** The municipalities this user may subscribe to; an editor's own, an admin's all. */
  municipalities: readonly Choice[];
  /** Whether leaving the municipalities out means every municipality (an admin) or the user's own (an editor). */
  everyMunicipality: boolean;
  serverErrors: FieldErrors;
  busy: boolean;
  onCreate: (input: CreateSubscriptionInput) => void;
};

const FIELD_ORDER = ['url', 'municipalityCodes', 'types', '_form'] as const;
const fieldId = (field: string) => `subscription-${field}`;

/** A new webhook subscription (PRODUCT §11): where to, and optionally for which municipalities and kinds of change. */
export function SubscriptionForm({ municipalities, everyMunicipality, serverErrors, busy, onCreate }: Props) {
  const { t } = useTranslation();
  const [url, setUrl] = useState('');
  const [codes, setCodes] = useState<string[]>([]);
  const [types, setTypes] = useState<EventType[]>([]);
  const { shown, summary, submit: check } = useFormErrors(serverErrors);
  const label = (field: string) => t(`subscriptions.fields.${field}`);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    // Nothing chosen is "all": the API's own default, so the field is left out.
    const values = { url: url.trim(), ...(codes.length ? { municipalityCodes: codes } : {}), ...(types.length ? { types } : {}) };
    check(createSubscriptionSchema, values, onCreate);
  };

  return (
    <form className="tm-form tm-form--narrow" onSubmit={submit} noValidate>
      <ErrorSummary ref={summary} heading={t('subscriptions.errorSummary')} items={summaryItems(FIELD_ORDER, shown, label, fieldId)} />
      <TextField
        id={fieldId('url')}
        label={label('url')}
        hint={t('subscriptions.hints.url')}
        type="url"
        autoComplete="off"
        spellCheck={false}
        required
        error={shown.url}
        value={url}
        onChange={setUrl}
      />
      <MultiCombobox
        inputId={fieldId('municipalityCodes')}
        label={label('municipalityCodes')}
        hint={t(everyMunicipality ? 'subscriptions.hints.everyMunicipality' : 'subscriptions.hints.ownMunicipalities')}
        error={shown.municipalityCodes}
        choices={municipalities}
        value={codes}
        onChange={setCodes}
      />
      <Fieldset id={fieldId('types')} aria-describedby={`${fieldId('types')}-hint`}>
        <FieldsetLegend>{label('types')}</FieldsetLegend>
        <FormFieldDescription id={`${fieldId('types')}-hint`}>{t('subscriptions.hints.types')}</FormFieldDescription>
        {EVENT_TYPES.map((type) => (
          <FormField key={type} type="checkbox">
            <Checkbox
              id={fieldId(`type-${type}`)}
              checked={types.includes(type)}
              onChange={(e) => setTypes(e.target.checked ? [...types, type] : types.filter((x) => x !== type))}
            />{' '}
            <FormLabel htmlFor={fieldId(`type-${type}`)} type="checkbox">
              {t(eventTypeKey(type))}
            </FormLabel>
          </FormField>
        ))}
      </Fieldset>
      <ButtonGroup>
        <Button type="submit" appearance="primary-action-button" busy={busy} disabled={busy}>
          {t('subscriptions.create')}
        </Button>
      </ButtonGroup>
    </form>
  );
}
