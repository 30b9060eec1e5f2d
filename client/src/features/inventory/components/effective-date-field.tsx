import { useTranslation } from 'react-i18next';
import { todayIso } from '@tm/shared/dates';
import { TextField } from '../../../components/ui/text-field.tsx';

type Props = { id: string; label: string; error?: string | undefined; value: string; onChange: (value: string) => void };

/** When a change of status or lifecycle happened in reality (PRODUCT §3.2): today at the latest. */
export function EffectiveDateField({ id, label, error, value, onChange }: Props) {
  const { t } = useTranslation();
  return <TextField id={id} label={label} hint={t('application.hints.effectiveDate')} error={error} type="date" max={todayIso()} value={value} onChange={onChange} />;
}
