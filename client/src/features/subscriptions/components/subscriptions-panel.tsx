import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Heading2, Link, Paragraph } from '@utrecht/component-library-react';
import type { CreatedSubscription } from '@tm/shared/schemas/subscriptions';
import type { Choice } from '../../../components/ui/multi-combobox.tsx';
import { EmptyState, ErrorState, MutationError, Skeleton } from '../../../components/ui/query-state.tsx';
import { StatusMessage } from '../../../components/ui/status-message.tsx';
import { useServerErrors } from '../../../lib/use-form-errors.ts';
import { useCreateSubscription } from '../api/change-subscription.ts';
import { useSubscriptions } from '../api/get-subscriptions.ts';
import { SecretOnce } from './secret-once.tsx';
import { SubscriptionForm } from './subscription-form.tsx';
import { SubscriptionItem } from './subscription-item.tsx';

type Props = {
  /** The municipalities the user may subscribe to. */
  municipalities: readonly Choice[];
  /** An admin: subscribes to any municipality, or to everything, and sees everyone's subscriptions. */
  admin: boolean;
};

/** Meldingen (PRODUCT §11): the reader's webhook subscriptions with their deliveries, and a new one. */
export function SubscriptionsPanel({ municipalities, admin }: Props) {
  const { t } = useTranslation();
  const subscriptions = useSubscriptions();
  const create = useCreateSubscription();
  const [created, setCreated] = useState<CreatedSubscription | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const names = useMemo(() => new Map(municipalities.map((m) => [m.value, m.label])), [municipalities]);
  const refused = useServerErrors(create.error);

  return (
    <>
      <section className="tm-panel" aria-labelledby="subscription-new">
        <Heading2 id="subscription-new">{t('subscriptions.newTitle')}</Heading2>
        <Paragraph>
          {t('subscriptions.newIntro')} <Link href="/api/v1/docs">{t('subscriptions.apiDocs')}</Link>.
        </Paragraph>
        {created && <SecretOnce subscription={created} onDone={() => setCreated(null)} />}
        {refused.other ? <MutationError error={refused.other} /> : null}
        <SubscriptionForm
          // A fresh form after each subscription made.
          key={created?.id ?? 'new'}
          municipalities={municipalities}
          everyMunicipality={admin}
          serverErrors={refused.fields}
          busy={create.isPending}
          onCreate={(input) => create.mutate(input, { onSuccess: setCreated })}
        />
      </section>
      <section className="tm-panel" aria-labelledby="subscription-list">
        <Heading2 id="subscription-list">{t(admin ? 'subscriptions.listTitleAll' : 'subscriptions.listTitle')}</Heading2>
        <StatusMessage message={message} />
        {subscriptions.isPending ? (
          <Skeleton lines={4} />
        ) : subscriptions.isError ? (
          <ErrorState error={subscriptions.error} onRetry={() => void subscriptions.refetch()} />
        ) : subscriptions.data.items.length === 0 ? (
          <EmptyState>{t('subscriptions.empty')}</EmptyState>
        ) : (
          <ul className="tm-subscriptions">
            {subscriptions.data.items.map((s) => (
              <SubscriptionItem key={s.id} subscription={s} municipalityNames={names} showOwner={admin} onMessage={setMessage} />
            ))}
          </ul>
        )}
      </section>
    </>
  );
}
