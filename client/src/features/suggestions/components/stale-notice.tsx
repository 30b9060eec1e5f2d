import { useTranslation } from 'react-i18next';
import { Alert, Paragraph } from '@utrecht/component-library-react';
import { MutationError } from '../../../components/ui/query-state.tsx';
import { ApiError } from '../../../lib/api.ts';

/** Whether the server refused an answer because an application changed after the list was read (PRODUCT §9). */
export const isStale = (error: unknown) => error instanceof ApiError && (error.status === 412 || error.status === 409);

/**
 * A refused answer. Stale: nothing was written and the list has been read again, so the editor looks once more;
 * any other refusal in the server's words.
 */
export function AnswerError({ error }: { error: unknown }) {
  const { t } = useTranslation();
  if (!error) return null;
  if (!isStale(error)) return <MutationError error={error} />;
  return (
    <Alert type="warning" role="alert">
      <Paragraph>{t('suggestions.stale')}</Paragraph>
    </Alert>
  );
}
