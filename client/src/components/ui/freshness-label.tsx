import { useTranslation } from 'react-i18next';

/** Whether an inventory is current, in words with an icon, never colour alone (UI.md); never attested is stale. */
export function FreshnessLabel({ stale }: { stale: boolean }) {
  const { t } = useTranslation();
  return (
    <span className={`tm-status tm-status--${stale ? 'stale' : 'fresh'}`}>
      <span aria-hidden="true">{stale ? '!' : '✓'}</span>
      {t(stale ? 'freshness.stale' : 'freshness.fresh')}
    </span>
  );
}
