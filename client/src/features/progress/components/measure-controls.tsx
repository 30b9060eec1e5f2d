import { useTranslation } from 'react-i18next';
import { ButtonLink, FormField, FormFieldDescription, FormLabel, Select, SelectOption, Textbox } from '@utrecht/component-library-react';
import type { Measure } from '@tm/shared/schemas/progress';
import { todayIso } from '@tm/shared/dates';

type Props = {
  measure: Measure;
  onMeasure: (measure: Measure) => void;
  /** A calendar date, or undefined for "now"; omit onKnownAt to hide the picker. */
  knownAt?: string | undefined;
  onKnownAt?: (date: string | undefined) => void;
  /** The address of this page's PDF report, for the same measure and date. */
  reportHref?: string;
};

/** Count / cost switch and the "stand per" date, both kept in the address by the page, and the report of both. */
export function MeasureControls({ measure, onMeasure, knownAt, onKnownAt, reportHref }: Props) {
  const { t } = useTranslation();
  return (
    <div className="tm-toolbar tm-measure">
      <FormField>
        <FormLabel htmlFor="measure">{t('progress.measure')}</FormLabel>
        <Select id="measure" value={measure} onChange={(e) => onMeasure(e.target.value as Measure)}>
          <SelectOption value="count">{t('progress.measureCount')}</SelectOption>
          <SelectOption value="cost">{t('progress.measureCost')}</SelectOption>
        </Select>
      </FormField>
      {onKnownAt && (
        <FormField>
          <FormLabel htmlFor="known-at">{t('progress.knownAt')}</FormLabel>
          <FormFieldDescription id="known-at-hint">{t('progress.knownAtHint')}</FormFieldDescription>
          <Textbox
            id="known-at"
            type="date"
            max={todayIso()}
            value={knownAt ?? ''}
            aria-describedby="known-at-hint"
            onChange={(e) => onKnownAt(e.target.value || undefined)}
          />
        </FormField>
      )}
      {reportHref && (
        <div>
          <ButtonLink appearance="secondary-action-button" href={reportHref} download aria-describedby="report-hint">
            {t('report.download')}
          </ButtonLink>
          <span id="report-hint" className="tm-visually-hidden">
            {t('report.downloadHint')}
          </span>
        </div>
      )}
    </div>
  );
}
