import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import { todayIso } from '@tm/shared/dates';
import { useFormat } from '../../lib/format.ts';
import { usePrinting } from '../../lib/use-printing.ts';

/**
 * On paper only: the day it was printed and, for figures "stand per" an earlier day (`?stand=` in the address), that
 * day, so that a printout taken into a meeting says which figures it holds. Made when printing starts, so a page left
 * open overnight prints the day it is printed, and a page that is never printed never pays for the date formatter
 * (the first one a page makes is one of the longest tasks of its start on a slow phone).
 */
export function PrintDate() {
  return usePrinting() ? <PrintedOn /> : null;
}

function PrintedOn() {
  const { t } = useTranslation();
  const f = useFormat();
  const stand = useSearchParams()[0].get('stand');
  const printed = f.date(todayIso());
  return (
    <p className="tm-print-only tm-print-date">
      {stand && /^\d{4}-\d{2}-\d{2}$/.test(stand) ? t('app.printedKnownAt', { stand: f.date(stand), printed }) : t('app.printed', { printed })}
    </p>
  );
}
