import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, ButtonGroup, Paragraph } from '@utrecht/component-library-react';
import { createCoalitionSchema } from '@tm/shared/schemas/coalition';
import { ErrorSummary, summaryItems } from '../../../components/ui/error-summary.tsx';
import { MutationError } from '../../../components/ui/query-state.tsx';
import { SelectField } from '../../../components/ui/select-field.tsx';
import { TextAreaField } from '../../../components/ui/text-area-field.tsx';
import { TextField } from '../../../components/ui/text-field.tsx';
import { useFormErrors, useServerErrors } from '../../../lib/use-form-errors.ts';
import { useStartCoalition } from '../api/coalition-mutations.ts';
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
  const [name, setName] = useState('');
  const [targetYear, setTargetYear] = useState(String(new Date().getFullYear() + 2));
  const [description, setDescription] = useState('');
  const [municipalityCode, setMunicipalityCode] = useState(own[0]?.code ?? '');
  const label = (field: string) => t(`collective.start.fields.${field}`);

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    submit(createCoalitionSchema, { name, productId, targetYear: Number(targetYear), description, municipalityCode }, (input) =>
      start.mutate(input, { onSuccess: () => { setName(''); setDescription(''); } }),
    );
  };

  return (
    <form className="tm-form tm-form--narrow" onSubmit={onSubmit} noValidate aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`} className="utrecht-heading-3">
        {t('collective.start.title')}
      </h3>
      <Paragraph className="tm-muted">{t('collective.start.intro')}</Paragraph>
      <ErrorSummary ref={summary} heading={t('collective.start.errorSummary')} items={summaryItems(FIELD_ORDER, shown, label, fieldId)} />
      <TextField id={fieldId('name')} label={label('name')} required error={shown.name} value={name} onChange={setName} />
      <TextField id={fieldId('targetYear')} label={label('targetYear')} type="number" inputMode="numeric" required error={shown.targetYear} value={targetYear} onChange={setTargetYear} />
      <TextAreaField id={fieldId('description')} label={label('description')} hint={t('collective.start.descriptionHint')} error={shown.description} value={description} onChange={setDescription} />
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
