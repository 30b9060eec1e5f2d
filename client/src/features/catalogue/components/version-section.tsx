import { useTranslation } from 'react-i18next';
import { Heading3, Heading4 } from '@utrecht/component-library-react';
import type { AssessmentLevel } from '@tm/shared/schemas/assessment';
import type { ProductVersionDetail } from '@tm/shared/schemas/product';
import { AssessVersion } from './assess-version.tsx';
import { AssessmentHistory } from './assessment-history.tsx';
import { VerdictBadge } from './verdict-badge.tsx';
import { versionAnchor, versionLabel } from './version-label.ts';
import { VersionMunicipalities } from './version-municipalities.tsx';

type Props = {
  version: ProductVersionDetail;
  /** What this reader's judgement would count as; null for those who may not judge. */
  assessLevel: AssessmentLevel | null;
  /** This page's address, for the log-in that brings a visitor back. */
  returnTo: string;
};

/** One version: its current verdict, the form to judge it, every judgement before, and who runs it. */
export function VersionSection({ version, assessLevel, returnTo }: Props) {
  const { t } = useTranslation();
  const label = versionLabel(version.version, t);
  const id = versionAnchor(version.id);
  return (
    <section className="tm-version" aria-labelledby={`${id}-heading`} id={id}>
      <Heading3 id={`${id}-heading`} className="tm-version__heading">
        <span className="tm-version__name">{label}</span> <VerdictBadge assessment={version.assessment} />
      </Heading3>
      {assessLevel && <AssessVersion versionId={version.id} label={label} level={assessLevel} />}
      <Heading4>{t('catalogue.history.title')}</Heading4>
      <AssessmentHistory assessments={version.assessments} />
      <Heading4>{t('catalogue.municipalities.title')}</Heading4>
      <VersionMunicipalities version={version} label={label} returnTo={returnTo} />
    </section>
  );
}
