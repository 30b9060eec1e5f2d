import { useTranslation } from 'react-i18next';
import { Paragraph } from '@utrecht/component-library-react';
import { ShownOnce } from '../../../components/ui/shown-once.tsx';

/** The new token, shown this once: the server keeps only its hash. */
export function CreatedApiToken({ name, token }: { name: string; token: string }) {
  const { t } = useTranslation();
  return (
    <ShownOnce
      title={t('apiTokens.createdTitle', { name })}
      label={t('apiTokens.tokenLabel')}
      value={token}
      copy={t('apiTokens.copy')}
      copied={t('apiTokens.copied')}
      copyFailed={t('apiTokens.copyFailed')}
    >
      <Paragraph>{t('apiTokens.createdOnce')}</Paragraph>
    </ShownOnce>
  );
}
