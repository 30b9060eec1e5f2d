import { useTranslation } from 'react-i18next';
import type { Assessment, AssessmentLevel } from '@tm/shared/schemas/assessment';

type Judgement = Pick<Assessment, 'verdict' | 'level'> | null;

/** The badge's kind: a verified verdict, a claimed one, or none; each its own words and colour. */
export function verdictKind(assessment: Judgement): 'verifiedCompliant' | 'verifiedNotCompliant' | 'claimedCompliant' | 'claimedNotCompliant' | 'none' {
  if (!assessment) return 'none';
  const verdict = assessment.verdict === 'compliant' ? 'Compliant' : 'NotCompliant';
  return `${assessment.level}${verdict}`;
}

/** A product a top list or a recommendation counts as compliant, at the level its versions are judged. */
export function compliantAt(level: AssessmentLevel | null): Judgement {
  return level ? { verdict: 'compliant', level } : null;
}

const ICONS = { verifiedCompliant: '✓', verifiedNotCompliant: '✕', claimedCompliant: '?', claimedNotCompliant: '?', none: '–' } as const;

/** A version's current judgement (PRODUCT §9) in words with an icon, never colour alone. */
export function VerdictBadge({ assessment }: { assessment: Judgement }) {
  const { t } = useTranslation();
  const kind = verdictKind(assessment);
  return (
    <span className={`utrecht-badge-status tm-verdict tm-verdict--${kind}`}>
      <span aria-hidden="true">{ICONS[kind]} </span>
      {t(`catalogue.verdicts.${kind}`)}
    </span>
  );
}
