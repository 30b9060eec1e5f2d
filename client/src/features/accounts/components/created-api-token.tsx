import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert, Button, Heading3, Paragraph } from '@utrecht/component-library-react';

/** The new token, shown this once: the server keeps only its hash. */
export function CreatedApiToken({ name, token }: { name: string; token: string }) {
  const { t } = useTranslation();
  const [copied, setCopied] = useState(false);
  return (
    <Alert type="warning">
      <Heading3>{t('apiTokens.createdTitle', { name })}</Heading3>
      <Paragraph>{t('apiTokens.createdOnce')}</Paragraph>
      <Paragraph>
        <code className="tm-break" aria-label={t('apiTokens.tokenLabel')}>
          {token}
        </code>
      </Paragraph>
      <Button
        appearance="secondary-action-button"
        onClick={() => void navigator.clipboard.writeText(token).then(() => setCopied(true), () => setCopied(false))}
      >
        {t('apiTokens.copy')}
      </Button>
      <span role="status" aria-live="polite">
        {copied ? ` ${t('apiTokens.copied')}` : ''}
      </span>
    </Alert>
  );
}
