import { useTranslation } from 'react-i18next';
import { Button, Paragraph } from '@utrecht/component-library-react';
import type { CreatedSubscription } from '@tm/shared/schemas/subscriptions';
import { ShownOnce } from '../../../components/ui/shown-once.tsx';

/** The signing secret of a new subscription, the one time the API gives it; it stays until the reader has kept it. */
export function SecretOnce({ subscription, onDone }: { subscription: CreatedSubscription; onDone: () => void }) {
  const { t } = useTranslation();
  return (
    <ShownOnce
      title={t('subscriptions.secret.title')}
      label={t('subscriptions.secret.label')}
      value={subscription.secret}
      copy={t('subscriptions.secret.copy')}
      copied={t('subscriptions.secret.copied')}
      copyFailed={t('subscriptions.secret.copyFailed')}
      actions={
        <Button appearance="secondary-action-button" onClick={onDone}>
          {t('subscriptions.secret.done')}
        </Button>
      }
    >
      <Paragraph>{t('subscriptions.secret.intro', { url: subscription.url })}</Paragraph>
    </ShownOnce>
  );
}
