import { useTranslation } from 'react-i18next';
import { useFormat } from '../../lib/format.ts';

/** A share always with its base: "23,4% (112 van 479 applicaties)"; no landscape is "geen gegevens". */
export function useShareText() {
  const { t } = useTranslation();
  const f = useFormat();
  return (share: number | null, compliant: number, landscape: number) =>
    share === null
      ? t('states.noData')
      : t('progress.shareWithBase', { share: f.percent(share), compliant: f.integer(compliant), landscape: f.integer(landscape) });
}
