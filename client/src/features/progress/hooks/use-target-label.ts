import { useTranslation } from 'react-i18next';
import { useFormat } from '../../../lib/format.ts';
import { useSettings } from '../../settings/api/get-settings.ts';

/** "Doel (10% per jaar)", with the rate the programme board set. */
export function useTargetLabel(): string {
  const { t } = useTranslation();
  const f = useFormat();
  const settings = useSettings();
  return settings.data ? t('charts.targetLabel', { rate: f.rate(settings.data.annualRate) }) : t('charts.target');
}
