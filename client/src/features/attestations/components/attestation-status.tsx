import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, Paragraph } from '@utrecht/component-library-react';
import type { TFunction } from 'i18next';
import type { MunicipalitySummary } from '@tm/shared/schemas/progress';
import { ConfirmDialog } from '../../../components/ui/confirm-dialog.tsx';
import { FreshnessLabel } from '../../../components/ui/freshness-label.tsx';
import { MutationError } from '../../../components/ui/query-state.tsx';
import { StatusMessage } from '../../../components/ui/status-message.tsx';
import { type Formatters, useFormat } from '../../../lib/format.ts';
import { canEdit, useSession } from '../../accounts/api/session.ts';
import { type ProgressParams, useMunicipalityProgress } from '../../progress/api/get-municipality-progress.ts';
import { useAttest } from '../api/attest.ts';
import { useLatestAttestation } from '../api/get-latest-attestation.ts';

/** "Bevestigd op … door …; actueel tot …", the name only for those who may see it. */
function freshnessSentence(summary: MunicipalitySummary, by: string | undefined, t: TFunction, f: Formatters): string {
  if (summary.attestedAt === null || summary.staleOn === null) return t('attestations.never');
  const key = `attestations.${summary.stale ? 'stale' : 'fresh'}${by ? 'By' : ''}`;
  return t(key, { date: f.date(summary.attestedAt), name: by, until: f.date(summary.staleOn) });
}

type Props = {
  code: string;
  name: string;
  /** The figures the page shows, so the line speaks of the same moment ("stand per"); today by count when left out. */
  params?: ProgressParams | undefined;
};

/**
 * How current the municipality's inventory is, by its last attestation (PRODUCT §11), and for its editors the
 * button that attests it now.
 */
export function AttestationStatus({ code, name, params = { measure: 'count' } }: Props) {
  const { t } = useTranslation();
  const f = useFormat();
  const session = useSession();
  const progress = useMunicipalityProgress(code, params);
  const latest = useLatestAttestation(code, Boolean(session.data));
  const attest = useAttest(code);
  const [confirming, setConfirming] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  const summary = progress.data?.summary;
  // The page says what went wrong with its figures; this line only stays away.
  if (!summary) return null;
  // The latest attestation names who made it when it is the one the figures are as of.
  const by = latest.data?.attestedAt === summary.attestedAt ? latest.data?.actor.name : undefined;
  // The dialog gives focus back to the button that opened it.
  const close = () => setConfirming(false);

  return (
    <>
      <div className="tm-freshness">
        <Paragraph className="tm-freshness__line">
          <FreshnessLabel stale={summary.stale} />
          <span aria-hidden="true"> · </span>
          {freshnessSentence(summary, by, t, f)}
        </Paragraph>
        {canEdit(session.data, code) && (
          <Button appearance="secondary-action-button" onClick={() => setConfirming(true)}>
            {t('attestations.attest')}
          </Button>
        )}
      </div>
      <StatusMessage message={message} />
      {confirming && (
        <ConfirmDialog
          title={t('attestations.confirmTitle', { name })}
          body={
            <>
              <Paragraph>{t('attestations.confirmBody', { name })}</Paragraph>
              {attest.error && <MutationError error={attest.error} />}
            </>
          }
          confirmLabel={t('attestations.confirm')}
          cancelLabel={t('attestations.cancel')}
          busy={attest.isPending}
          onCancel={close}
          onConfirm={() =>
            attest.mutate({}, {
              onSuccess: (made) => {
                setMessage(t('attestations.done', { name, date: f.date(made.attestedAt) }));
                close();
              },
            })
          }
        />
      )}
    </>
  );
}
