import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert, Button, Paragraph, UnorderedList, UnorderedListItem } from '@utrecht/component-library-react';
import { ApiError } from '../../lib/api.ts';
import { fieldErrorsFromProblem } from '../../lib/field-errors.ts';

/** A grey placeholder in the panel's shape while its data loads. */
export function Skeleton({ lines = 3, height }: { lines?: number; height?: number }) {
  const { t } = useTranslation();
  return (
    <div className="tm-skeleton" aria-busy="true" role="status" style={height ? { minHeight: height } : undefined}>
      <span className="tm-visually-hidden">{t('states.loading')}</span>
      {Array.from({ length: lines }, (_, i) => (
        <div key={i} className="tm-skeleton__line" />
      ))}
    </div>
  );
}

/** A plain-language failure with a way to try again; a 404 says what was not found. */
export function ErrorState({ error, onRetry, notFound }: { error: unknown; onRetry?: () => void; notFound?: ReactNode }) {
  const { t } = useTranslation();
  const missing = error instanceof ApiError && error.status === 404;
  return (
    <Alert type="error" role="alert">
      <Paragraph>{missing ? (notFound ?? t('states.notFound')) : t('states.error')}</Paragraph>
      {!missing && onRetry && (
        <Button appearance="secondary-action-button" onClick={onRetry}>
          {t('states.retry')}
        </Button>
      )}
    </Alert>
  );
}

/**
 * A write the server refused, in its own words: the reader's language, or English where the server has no
 * translation yet (and says so), which the list then declares for screen readers.
 */
export function MutationError({ error }: { error: unknown }) {
  const { t, i18n } = useTranslation();
  if (!(error instanceof ApiError) || error.status >= 500) return <ErrorState error={error} />;
  const fields = error.problem.errors?.length ? Object.values(fieldErrorsFromProblem(error.problem.errors)) : [error.problem.detail];
  return (
    <Alert type="error">
      <Paragraph>{t('states.notSaved')}</Paragraph>
      <UnorderedList lang={error.language && error.language !== i18n.language ? error.language : undefined}>
        {fields.map((message) => (
          <UnorderedListItem key={message}>{message}</UnorderedListItem>
        ))}
      </UnorderedList>
    </Alert>
  );
}

export function EmptyState({ children }: { children: ReactNode }) {
  return (
    <Alert type="info">
      <Paragraph>{children}</Paragraph>
    </Alert>
  );
}
