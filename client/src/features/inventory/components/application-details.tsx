import { useTranslation } from 'react-i18next';
import type { Application } from '@tm/shared/schemas/application';
import type { ReferenceComponent } from '@tm/shared/schemas/reference-component';
import { useFormat } from '../../../lib/format.ts';
import { useNames } from '../hooks/use-names.ts';
import { describeValue } from './field-values.ts';

const FIELDS = ['vendor', 'product', 'version', 'referenceComponentIds', 'layer', 'status', 'lifecycle', 'inUseSince', 'plannedReplacementYear',
  'annualCost', 'criteria', 'replacedBy', 'notes'] as const;

/** An application as a reader who may not change it sees it: its values, not a form with every field disabled. */
export function ApplicationDetails({ app, referenceComponents }: { app: Application; referenceComponents: readonly ReferenceComponent[] }) {
  const { t } = useTranslation();
  const f = useFormat();
  const names = useNames(referenceComponents, app.replacedBy ? [app.replacedBy] : []);
  return (
    <dl className="tm-details-list">
      {FIELDS.map((field) => (
        <div key={field}>
          <dt>{t(`application.fields.${field}`)}</dt>
          <dd>{describeValue(field, app[field], t, f, names)}</dd>
        </div>
      ))}
    </dl>
  );
}
