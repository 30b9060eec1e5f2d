import { useTranslation } from 'react-i18next';
import { Button, Paragraph } from '@utrecht/component-library-react';
import type { MunicipalityMergerRecord } from '@tm/shared/schemas/municipality-merger';
import { AppLink } from '../../../components/ui/router-link.tsx';
import { useFormat } from '../../../lib/format.ts';

type Props = {
  mergers: readonly MunicipalityMergerRecord[];
  /** Offered on the one merger that may still be undone. */
  onUndo: (merger: MunicipalityMergerRecord) => void;
};

/** Mergers by the year they take effect, newest first: a timeline of the register. */
export function mergersByYear(mergers: readonly MunicipalityMergerRecord[]): { year: string; mergers: MunicipalityMergerRecord[] }[] {
  const sorted = [...mergers].sort((a, b) => b.date.localeCompare(a.date) || b.registeredAt.localeCompare(a.registeredAt));
  const years = [...new Set(sorted.map((m) => m.date.slice(0, 4)))];
  return years.map((year) => ({ year, mergers: sorted.filter((m) => m.date.startsWith(year)) }));
}

/** The register's mergers on a timeline: what merged into what and when, who registered it, and what was undone. */
export function MergerTimeline({ mergers, onUndo }: Props) {
  const { t } = useTranslation();
  const f = useFormat();
  if (mergers.length === 0) return <Paragraph>{t('register.none')}</Paragraph>;
  return (
    <ol className="tm-merger-timeline" aria-label={t('register.timeline')}>
      {mergersByYear(mergers).map(({ year, mergers: ofYear }) => (
        <li key={year} className="tm-merger-timeline__year">
          <span className="tm-merger-timeline__label" aria-hidden="true">
            {year}
          </span>
          <ol aria-label={t('register.year', { year })}>
            {ofYear.map((m) => (
              <li key={m.id} className={m.undoneAt ? 'tm-merger tm-merger--undone' : 'tm-merger'}>
                <Paragraph>
                  <time dateTime={m.date}>{f.date(m.date)}</time>:{' '}
                  {t('register.merged', { from: m.fromMunicipalities.map((p) => `${p.name} (${p.code})`).join(', ') })}{' '}
                  {m.undoneAt ? <strong>{`${m.into.name} (${m.into.code})`}</strong> : <AppLink href={`/gemeenten/${m.into.code}`}>{`${m.into.name} (${m.into.code})`}</AppLink>}
                </Paragraph>
                <Paragraph className="tm-muted">
                  {t('register.moved', { count: m.movedApplications, formatted: f.integer(m.movedApplications) })}{' '}
                  {t('register.registered', { actor: m.registeredBy.name, when: f.dateTime(m.registeredAt) })}
                  {m.undoneAt && m.undoneBy ? ` ${t('register.undone', { actor: m.undoneBy.name, when: f.dateTime(m.undoneAt) })}` : ''}
                </Paragraph>
                {m.undoable && (
                  <Button appearance="secondary-action-button" onClick={() => onUndo(m)}>
                    {t('register.undo', { name: m.into.name })}
                  </Button>
                )}
              </li>
            ))}
          </ol>
        </li>
      ))}
    </ol>
  );
}
