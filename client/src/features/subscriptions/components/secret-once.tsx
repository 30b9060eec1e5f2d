import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert, Button, ButtonGroup, Heading3, Paragraph } from '@utrecht/component-library-react';
import type { CreatedSubscription } from '@tm/shared/schemas/subscriptions';

type Props = { subscription: CreatedSubscription; onDone: () => void };

/**
 * The signing secret of a new subscription, the one time the API gives it: the reader is told so, can copy it with
 * one button, and it stays on screen until they say they have kept it. It takes focus, so nobody misses it.
 */
export function SecretOnce({ subscription, onDone }: Props) {
  const { t } = useTranslation();
  const heading = useRef<HTMLHeadingElement>(null);
  const [copied, setCopied] = useState<boolean | null>(null);
  useEffect(() => heading.current?.focus(), []);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(subscription.secret);
      setCopied(true);
    } catch {
      // No clipboard without a secure context or the user's permission: the secret can still be selected.
      setCopied(false);
    }
  };
  return (
    <Alert type="ok">
      <Heading3 ref={heading} tabIndex={-1}>
        {t('subscriptions.secret.title')}
      </Heading3>
      <Paragraph>{t('subscriptions.secret.intro', { url: subscription.url })}</Paragraph>
      <Paragraph>
        <span id="subscription-secret-label">{t('subscriptions.secret.label')}</span>{' '}
        <code className="tm-secret" aria-labelledby="subscription-secret-label">
          {subscription.secret}
        </code>
      </Paragraph>
      <ButtonGroup>
        <Button appearance="primary-action-button" onClick={() => void copy()}>
          {t('subscriptions.secret.copy')}
        </Button>
        <Button appearance="secondary-action-button" onClick={onDone}>
          {t('subscriptions.secret.done')}
        </Button>
      </ButtonGroup>
      <p role="status" className="tm-muted">
        {copied === null ? '' : t(copied ? 'subscriptions.secret.copied' : 'subscriptions.secret.copyFailed')}
      </p>
    </Alert>
  );
}
