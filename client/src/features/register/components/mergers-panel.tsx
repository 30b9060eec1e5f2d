import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Heading2, Heading3, Paragraph } from '@utrecht/component-library-react';
import type { MunicipalityMergerRecord } from '@tm/shared/schemas/municipality-merger';
import { ConfirmDialog } from '../../../components/ui/confirm-dialog.tsx';
import type { Choice } from '../../../components/ui/multi-combobox.tsx';
import { ErrorState, MutationError, Skeleton } from '../../../components/ui/query-state.tsx';
import { StatusMessage } from '../../../components/ui/status-message.tsx';
import { useFormat } from '../../../lib/format.ts';
import { useServerErrors } from '../../../lib/use-form-errors.ts';
import { useMergers, useRegisterMerger, useUndoMerger } from '../api/mergers.ts';
import { MergerForm, mergerFieldOf } from './merger-form.tsx';
import { MergerTimeline } from './merger-timeline.tsx';

/**
 * Herindelingen (PRODUCT §12) in Beheer: register one, see every one on a timeline, undo the latest. A merger moves
 * applications and changes figures for good, so registering and undoing each say what they did.
 */
export function MergersPanel({ municipalities }: { municipalities: readonly Choice[] }) {
  const { t } = useTranslation();
  const f = useFormat();
  const mergers = useMergers();
  const register = useRegisterMerger();
  const undo = useUndoMerger();
  const [message, setMessage] = useState<string | null>(null);
  const [undoing, setUndoing] = useState<MunicipalityMergerRecord | null>(null);
  const [formKey, setFormKey] = useState(0);
  const { fields: serverErrors, other: otherError } = useServerErrors(register.error, mergerFieldOf);

  return (
    <section className="tm-panel" aria-labelledby="mergers-heading">
      <Heading2 id="mergers-heading">{t('register.title')}</Heading2>
      <Paragraph>{t('register.intro')}</Paragraph>
      <StatusMessage message={message} />
      {otherError ? <MutationError error={otherError} /> : null}
      {undo.error ? <MutationError error={undo.error} /> : null}
      <Heading3 id="merger-form-title">{t('register.formTitle')}</Heading3>
      <MergerForm
        key={formKey}
        municipalities={municipalities}
        serverErrors={serverErrors}
        busy={register.isPending}
        onSubmit={(input) =>
          register.mutate(input, {
            onSuccess: (merger) => {
              setFormKey((k) => k + 1);
              setMessage(t('register.registeredMessage', { name: merger.into.name, date: f.date(merger.date), count: merger.movedApplications }));
            },
          })
        }
      />
      <Heading3>{t('register.timeline')}</Heading3>
      {mergers.isPending ? (
        <Skeleton lines={4} />
      ) : mergers.isError ? (
        <ErrorState error={mergers.error} onRetry={() => void mergers.refetch()} />
      ) : (
        <MergerTimeline mergers={mergers.data.items} onUndo={setUndoing} />
      )}
      {undoing && (
        <ConfirmDialog
          title={t('register.undoTitle', { name: undoing.into.name })}
          body={t('register.undoBody', {
            from: undoing.fromMunicipalities.map((m) => m.name).join(', '),
            count: undoing.movedApplications,
            date: f.date(undoing.date),
          })}
          confirmLabel={t('register.undoConfirm')}
          cancelLabel={t('register.undoCancel')}
          busy={undo.isPending}
          onCancel={() => setUndoing(null)}
          onConfirm={() =>
            undo.mutate(undoing.id, {
              onSuccess: () => setMessage(t('register.undoneMessage', { name: undoing.into.name })),
              onSettled: () => setUndoing(null),
            })
          }
        />
      )}
    </section>
  );
}
