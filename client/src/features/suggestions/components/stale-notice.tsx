import { useTranslation } from 'react-i18next';
import { Alert, Paragraph } from '@utrecht/component-library-react';
import type { Suggestion } from '@tm/shared/schemas/suggestion';
import { MutationError } from '../../../components/ui/query-state.tsx';
import { ApiError } from '../../../lib/api.ts';
import { useFormat } from '../../../lib/format.ts';

/** Whether the server refused an answer because an application changed after the list was read (PRODUCT §9). */
const isStale = (error: unknown): error is ApiError => error instanceof ApiError && (error.status === 412 || error.status === 409);

/** The applications a stale refusal lists: its errors name the answered suggestions by position (`suggestions.2.updatedAt`). */
function staleNames(error: ApiError, answered: readonly Suggestion[]): string[] {
  const positions = (error.problem.errors ?? []).map((e) => /^suggestions\.(\d+)\./.exec(e.path)?.[1]).filter((i): i is string => i !== undefined);
  return [...new Set(positions.map((i) => answered[Number(i)]?.applicationName).filter((n): n is string => n !== undefined))];
}

/**
 * A refused answer. Stale: nothing was written, the list has been read again, and the applications that changed are
 * named, so the editor looks once more; any other refusal in the server's words.
 */
export function AnswerError({ error, answered }: { error: unknown; answered: readonly Suggestion[] }) {
  const { t } = useTranslation();
  const f = useFormat();
  if (!error) return null;
  if (!isStale(error)) return <MutationError error={error} />;
  const names = staleNames(error, answered);
  return (
    <Alert type="warning" role="alert">
      <Paragraph>{names.length > 0 ? t('suggestions.staleNamed', { count: names.length, names: f.list(names) }) : t('suggestions.stale')}</Paragraph>
    </Alert>
  );
}
