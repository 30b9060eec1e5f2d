import { useTranslation } from 'react-i18next';
import type { ProgressStatus } from '@tm/shared/schemas/progress';

const ICONS: Record<ProgressStatus, string> = { ahead: '▲', on_track: '●', behind: '▼' };

/** Progress status in words with an icon, never colour alone (UI.md). */
export function StatusLabel({ status }: { status: ProgressStatus | null }) {
  const { t } = useTranslation();
  if (!status) return <span className="tm-muted">{t('states.noData')}</span>;
  return (
    <span className={`tm-status tm-status--${status}`}>
      <span aria-hidden="true">{ICONS[status]}</span>
      {t(`progressStatus.${status}`)}
    </span>
  );
}
