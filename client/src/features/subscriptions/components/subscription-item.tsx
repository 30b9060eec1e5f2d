import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert, Button, Heading3, Paragraph } from '@utrecht/component-library-react';
import type { TFunction } from 'i18next';
import type { Subscription } from '@tm/shared/schemas/subscriptions';
import { ConfirmDialog } from '../../../components/ui/confirm-dialog.tsx';
import { MutationError } from '../../../components/ui/query-state.tsx';
import { useFormat } from '../../../lib/format.ts';
import { useDeleteSubscription, useSetSubscriptionEnabled } from '../api/change-subscription.ts';
import { DeliveriesTable } from './deliveries-table.tsx';
import { eventTypeKey } from './subscription-form.tsx';

/** Why the server disabled a subscription, in the reader's words; a reason it does not know yet, as it wrote it. */
function reasonText(reason: string | null, t: TFunction): { text: string; lang?: string } {
  if (!reason) return { text: '' };
  if (reason.startsWith('The receiver answered 410 Gone')) return { text: t('subscriptions.reasons.gone') };
  if (reason === 'Disabled by hand.') return { text: t('subscriptions.reasons.byHand') };
  const failing = /^No delivery succeeded for 24 hours\. The last error: (.*)\.$/.exec(reason);
  if (failing) return { text: t('subscriptions.reasons.failing', { error: failing[1] }) };
  return { text: reason, lang: 'en' };
}

type Props = {
  subscription: Subscription;
  municipalityNames: ReadonlyMap<string, string>;
  /** Admins see everyone's subscriptions, so each says whose it is. */
  showOwner: boolean;
  onMessage: (message: string) => void;
};

/** One subscription: where it delivers, what it lets through, how it fares, and its latest deliveries. */
export function SubscriptionItem({ subscription: s, municipalityNames, showOwner, onMessage }: Props) {
  const { t } = useTranslation();
  const f = useFormat();
  const id = useId();
  const setEnabled = useSetSubscriptionEnabled();
  const remove = useDeleteSubscription();
  const [deleting, setDeleting] = useState(false);
  const reason = reasonText(s.disabledReason, t);
  const toggle = (enabled: boolean) =>
    setEnabled.mutate({ id: s.id, enabled }, { onSuccess: () => onMessage(t(enabled ? 'subscriptions.enabled' : 'subscriptions.disabled', { url: s.url })) });

  return (
    <li className="tm-subscription" aria-labelledby={`${id}-url`}>
      <Heading3 id={`${id}-url`} className="tm-subscription__url">
        {s.url}
      </Heading3>
      <dl className="tm-facts">
        <dt>{t('subscriptions.status')}</dt>
        <dd>
          <span className="tm-status">
            <span aria-hidden="true">{s.status === 'active' ? '●' : '⏸'}</span>
            {t(`subscriptions.statuses.${s.status}`)}
          </span>
        </dd>
        <dt>{t('subscriptions.fields.municipalityCodes')}</dt>
        <dd>{s.municipalityCodes ? f.list(s.municipalityCodes.map((c) => municipalityNames.get(c) ?? c)) : t('subscriptions.allMunicipalities')}</dd>
        <dt>{t('subscriptions.fields.types')}</dt>
        <dd>{s.types ? f.list(s.types.map((type) => t(eventTypeKey(type)))) : t('subscriptions.allTypes')}</dd>
        {showOwner && (
          <>
            <dt>{t('subscriptions.owner')}</dt>
            <dd>{s.owner.name}</dd>
          </>
        )}
        <dt>{t('subscriptions.createdAt')}</dt>
        <dd>{f.dateTime(s.createdAt)}</dd>
      </dl>
      {s.status === 'active' && s.failingSince && (
        <Alert type="warning">
          <Paragraph>{t('subscriptions.failing', { since: f.dateTime(s.failingSince) })}</Paragraph>
        </Alert>
      )}
      {s.status === 'disabled' && (
        <Alert type="error">
          <Paragraph>
            {t('subscriptions.disabledAt', { at: s.disabledAt ? f.dateTime(s.disabledAt) : '' })} <span lang={reason.lang}>{reason.text}</span>
          </Paragraph>
          <Paragraph>{t('subscriptions.resume')}</Paragraph>
        </Alert>
      )}
      {setEnabled.error && <MutationError error={setEnabled.error} />}
      {remove.error && <MutationError error={remove.error} />}
      <div className="tm-actions">
        {s.status === 'disabled' ? (
          <Button appearance="primary-action-button" busy={setEnabled.isPending} disabled={setEnabled.isPending} onClick={() => toggle(true)} aria-describedby={`${id}-url`}>
            {t('subscriptions.enable')}
          </Button>
        ) : (
          <Button appearance="secondary-action-button" busy={setEnabled.isPending} disabled={setEnabled.isPending} onClick={() => toggle(false)} aria-describedby={`${id}-url`}>
            {t('subscriptions.disable')}
          </Button>
        )}
        <Button appearance="subtle-button" onClick={() => setDeleting(true)} aria-describedby={`${id}-url`}>
          {t('subscriptions.delete')}
        </Button>
      </div>
      <DeliveriesTable id={s.id} caption={t('subscriptions.deliveries.caption', { url: s.url })} />
      {deleting && (
        <ConfirmDialog
          title={t('subscriptions.deleteTitle')}
          body={t('subscriptions.deleteBody', { url: s.url })}
          confirmLabel={t('subscriptions.delete')}
          cancelLabel={t('subscriptions.cancel')}
          busy={remove.isPending}
          onCancel={() => setDeleting(false)}
          onConfirm={() =>
            remove.mutate(s.id, {
              onSuccess: () => onMessage(t('subscriptions.deleted', { url: s.url })),
              onSettled: () => setDeleting(false),
            })
          }
        />
      )}
    </li>
  );
}
