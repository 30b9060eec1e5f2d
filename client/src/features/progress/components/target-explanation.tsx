import { useTranslation } from 'react-i18next';
import { Paragraph, UnorderedList, UnorderedListItem } from '@utrecht/component-library-react';
import type { ProgressSummary } from '@tm/shared/schemas/progress';
import { PROGRESS_STATUSES } from '@tm/shared/vocabulary/progress';
import { STATUS_BAND } from '@tm/shared/measure/target';
import { StatusLabel } from '../../../components/ui/status-label.tsx';
import { useFormat } from '../../../lib/format.ts';
import { useSettings } from '../../settings/api/get-settings.ts';

type Props = {
  summary: Pick<ProgressSummary, 'startShare' | 'deadline'>;
  /** The municipality whose target this is; without it, the national one. */
  name?: string;
};

/**
 * Where the target comes from (the own share at the programme start, the annual rate, the own deadline) and what
 * each status word means, 100% included: folded away under the KPI row, for whoever wonders.
 */
function useTargetWords(summary: Pick<ProgressSummary, 'startShare' | 'deadline'>) {
  const f = useFormat();
  const settings = useSettings();
  return (
    settings.data && {
      start: f.percent(summary.startShare ?? 0),
      programmeStart: f.date(settings.data.programmeStart),
      points: f.decimal(settings.data.annualRate * 100),
      deadline: f.date(summary.deadline),
    }
  );
}

/**
 * One sentence under the KPI row: when the target reaches 100% and why then. The cost measure's target grows from the
 * cost share at the start, so its deadline differs from the count's; the sentence says so rather than leave the board
 * to wonder why the date moved.
 */
export function DeadlineNote({ summary }: { summary: Pick<ProgressSummary, 'startShare' | 'deadline' | 'measure'> }) {
  const { t } = useTranslation();
  const words = useTargetWords(summary);
  if (!words) return null;
  return <Paragraph className="tm-deadline-note">{t(summary.measure === 'cost' ? 'targetExplained.deadlineCost' : 'targetExplained.deadline', words)}</Paragraph>;
}

export function TargetExplanation({ summary, name }: Props) {
  const { t } = useTranslation();
  const f = useFormat();
  const band = f.decimal(STATUS_BAND * 100);
  const words = useTargetWords(summary);
  return (
    <details className="tm-details tm-explanation">
      <summary>{t('targetExplained.title')}</summary>
      {words && <Paragraph>{name ? t('targetExplained.municipality', { ...words, name }) : t('targetExplained.national', words)}</Paragraph>}
      <Paragraph>{t('targetExplained.statusesIntro')}</Paragraph>
      <UnorderedList>
        {PROGRESS_STATUSES.map((status) => (
          <UnorderedListItem key={status}>
            <StatusLabel status={status} />: {t(`targetExplained.${status}`, { band })}
          </UnorderedListItem>
        ))}
      </UnorderedList>
      <Paragraph>{t('targetExplained.full', { ceiling: f.wholePercent(1 - STATUS_BAND) })}</Paragraph>
    </details>
  );
}
