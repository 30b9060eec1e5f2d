import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, ButtonGroup, Paragraph } from '@utrecht/component-library-react';
import { createCoalitionSchema } from '@tm/shared/schemas/coalition';
import { ErrorSummary, summaryItems } from '../../../components/ui/error-summary.tsx';
import { MutationError } from '../../../components/ui/query-state.tsx';
import { SelectField } from '../../../components/ui/select-field.tsx';
import { useFormErrors, useServerErrors } from '../../../lib/use-form-errors.ts';
import { useStartCoalition } from '../api/coalition-mutations.ts';
import { CoalitionFields, useCoalitionValues } from './coalition-fields.tsx';
import type { OwnMunicipality } from './own-municipality.ts';

const FIELD_ORDER = ['name', 'targetYear', 'description', 'municipalityCode', '_form'] as const;

/** An editor starts a coalition for the product, coordinates it, and joins it for one of their municipalities. */
export function StartCoalitionForm({ productId, own }: { productId: string; own: readonly OwnMunicipality[] }) {
  const { t } = useTranslation();
  const id = useId();
  const fieldId = (field: string) => `${id}-${field}`;
  const start = useStartCoalition();
  const server = useServerErrors(start.error);
  const { shown, summary, submit } = useFormErrors(server.fields);
  const fields = useCoalitionValues({ name: '', targetYear: String(new Date().getFullYear() + 2), description: '' });
  const [municipalityCode, setMunicipalityCode] = useState(own[0]?.code ?? '');
  const label = (field: string) => t(`collective.start.fields.${field}`);

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    submit(createCoalitionSchema, { ...fields.input(), productId, municipalityCode }, (input) => start.mutate(input, { onSuccess: fields.reset }));
  };

  return (
    <form className="tm-form tm-form--narrow" onSubmit={onSubmit} noValidate aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`} className="utrecht-heading-3">
        {t('collective.start.title')}
      </h3>
      <Paragraph className="tm-muted">{t('collective.start.intro')}</Paragraph>
      <ErrorSummary ref={summary} heading={t('collective.start.errorSummary')} items={summaryItems(FIELD_ORDER, shown, label, fieldId)} />
      <CoalitionFields fields={fields} shown={shown} fieldId={fieldId} />
      <SelectField id={fieldId('municipalityCode')} label={label('municipalityCode')} error={shown.municipalityCode} value={municipalityCode} options={own.map((m) => ({ value: m.code, label: m.name }))} onChange={setMunicipalityCode} />
      {server.other !== null && <MutationError error={server.other} />}
      {start.isSuccess && <Paragraph role="status">{t('collective.start.done', { name: start.data.name })}</Paragraph>}
      <ButtonGroup>
        <Button type="submit" appearance="primary-action-button" busy={start.isPending} disabled={start.isPending}>
          {t('collective.start.submit')}
        </Button>
      </ButtonGroup>
    </form>
  );
}
