import { useQueries } from '@tanstack/react-query';
import { ApiError } from '../../../lib/api.ts';
import { applicationQueryOptions } from './get-application.ts';

/**
 * The names of applications known by id only (a successor in `replacedBy`, in the form or the history), read one by
 * one: there are seldom more than one or two. A removed application gets no name; the caller says it is gone.
 */
export function useApplicationNames(ids: readonly string[]): ReadonlyMap<string, string | null> {
  const unique = [...new Set(ids)];
  const results = useQueries({ queries: unique.map((id) => ({ ...applicationQueryOptions(id), staleTime: 60_000 })) });
  const names = new Map<string, string | null>();
  unique.forEach((id, i) => {
    const result = results[i]!;
    if (result.data) names.set(id, result.data.data.name);
    else if (result.error instanceof ApiError && result.error.status === 404) names.set(id, null);
  });
  return names;
}
