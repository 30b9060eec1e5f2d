import { useId, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, ButtonGroup } from '@utrecht/component-library-react';
import { type Coalition, updateCoalitionSchema } from '@tm/shared/schemas/coalition';
import { ErrorSummary, summaryItems } from '../../../components/ui/error-summary.tsx';
import { MutationError } from '../../../components/ui/query-state.tsx';
import { useFormErrors, useServerErrors } from '../../../lib/use-form-errors.ts';
import { useDescribeCoalition } from '../api/coalition-mutations.ts';
import { CoalitionFields, useCoalitionValues } from './coalition-fields.tsx';

const FIELD_ORDER = ['name', 'targetYear', 'description', '_form'] as const;

/** The coordinator's own words about the coalition: its name, target year and description. */
export function DescribeCoalitionForm({ coalition, onDone }: { coalition: Coalition; onDone: () => void }) {
  const { t } = useTranslation();
  const id = useId();
  const fieldId = (field: string) => `${id}-${field}`;
  const describe = useDescribeCoalition();
  const server = useServerErrors(describe.error);
  const { shown, summary, submit } = useFormErrors(server.fields);
  const fields = useCoalitionValues({ name: coalition.name, targetYear: String(coalition.targetYear), description: coalition.description });

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    submit(updateCoalitionSchema, fields.input(), (change) => describe.mutate({ id: coalition.id, change }, { onSuccess: onDone }));
  };

  return (
    <form className="tm-form tm-form--narrow" onSubmit={onSubmit} noValidate aria-label={t('collective.describe.title', { name: coalition.name })}>
      <ErrorSummary ref={summary} heading={t('collective.describe.errorSummary')} items={summaryItems(FIELD_ORDER, shown, (f) => t(`collective.start.fields.${f}`), fieldId)} />
      <CoalitionFields fields={fields} shown={shown} fieldId={fieldId} />
      {server.other !== null && <MutationError error={server.other} />}
      <ButtonGroup>
        <Button type="submit" appearance="primary-action-button" busy={describe.isPending} disabled={describe.isPending}>
          {t('collective.describe.submit')}
        </Button>
        <Button appearance="secondary-action-button" onClick={onDone}>
          {t('collective.describe.cancel')}
        </Button>
      </ButtonGroup>
    </form>
  );
}
