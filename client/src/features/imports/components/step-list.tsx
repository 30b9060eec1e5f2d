import { useTranslation } from 'react-i18next';
import type { WizardStep } from '../hooks/import-wizard-state.ts';

const STEPS: readonly WizardStep[] = ['choose', 'report', 'done'];

/** Where the user is among the three steps; the current one is marked for assistive technology too. */
export function StepList({ step }: { step: WizardStep }) {
  const { t } = useTranslation();
  return (
    <ol className="tm-steps" aria-label={t('imports.steps.label')}>
      {STEPS.map((s) => (
        <li key={s} className="tm-steps__item" aria-current={s === step ? 'step' : undefined}>
          {t(`imports.steps.${s}`)}
        </li>
      ))}
    </ol>
  );
}
