import { useTranslation } from 'react-i18next';
import { Alert, Paragraph, UnorderedList, UnorderedListItem } from '@utrecht/component-library-react';
import { ApiError } from '../../../lib/api.ts';
import { reportOfRefusedCommit } from '../api/import-spreadsheet.ts';

const BY_STATUS: Record<number, string> = {
  400: 'imports.problems.badRequest',
  401: 'imports.problems.loggedOut',
  403: 'imports.problems.forbidden',
  404: 'imports.problems.notFound',
  409: 'imports.problems.conflict',
  413: 'imports.problems.tooLarge',
  415: 'imports.problems.unsupported',
  422: 'imports.problems.unreadable',
  429: 'imports.problems.busy',
};

/** What went wrong with the upload in the reader's language, with the server's own explanation below. */
export function problemMessageKey(error: unknown): string {
  if (reportOfRefusedCommit(error)) return (error as ApiError).status === 409 ? 'imports.problems.stale' : 'imports.problems.refused';
  if (error instanceof ApiError) return BY_STATUS[error.status] ?? 'imports.problems.other';
  return error instanceof TypeError ? 'imports.problems.network' : 'imports.problems.other';
}

export function ImportProblem({ error }: { error: unknown }) {
  const { t } = useTranslation();
  const explained = error instanceof ApiError && error.status < 500 && ![401, 403].includes(error.status) ? error : undefined;
  return (
    <Alert type="error" role="alert">
      <Paragraph>{t(problemMessageKey(error))}</Paragraph>
      {explained && (
        <Paragraph>
          {t('imports.problems.detail')} <span lang={explained.language}>{explained.problem.detail}</span>
        </Paragraph>
      )}
      {/* An exchange file that breaks the format names each identifier concerned. */}
      {explained?.problem.errors && explained.problem.errors.length > 0 && (
        <UnorderedList>
          {explained.problem.errors.map((e, i) => (
            <UnorderedListItem key={i}>
              <code>{e.path}</code>: <span lang={explained.language}>{e.message}</span>
            </UnorderedListItem>
          ))}
        </UnorderedList>
      )}
    </Alert>
  );
}
