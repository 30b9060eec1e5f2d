import { useTranslation } from 'react-i18next';
import { useFormat } from '../../../lib/format.ts';
import type { Transfer } from '../hooks/import-wizard-state.ts';

/**
 * The bar follows the bytes sent; once they are all there the server is working and the bar becomes indeterminate.
 * The phase is announced by the wizard's live region, not here: a screen reader should not read every percent.
 */
export function TransferProgress({ transfer }: { transfer: Transfer }) {
  const { t } = useTranslation();
  const f = useFormat();
  const fraction = transfer.phase === 'uploading' ? transfer.fraction : null;
  return (
    <div className="tm-transfer">
      <progress
        className="tm-transfer__bar"
        aria-label={t('imports.progress.label')}
        max={1}
        {...(fraction === null ? {} : { value: fraction, 'aria-valuetext': f.wholePercent(fraction) })}
      />
      {fraction !== null && <span className="tm-transfer__percent">{f.wholePercent(fraction)}</span>}
    </div>
  );
}
