import { queryOptions, useQuery } from '@tanstack/react-query';
import type { SuggestionList } from '@tm/shared/schemas/suggestion';
import { getJson } from '../../../lib/api.ts';
import { suggestionsKeys } from './suggestions-keys.ts';

/** As many as one acceptance takes at most: a municipality's suggestions come in one read. */
const ALL_AT_ONCE = 500;

export const suggestionsQueryOptions = (code: string) =>
  queryOptions({
    queryKey: suggestionsKeys.of(code),
    queryFn: ({ signal }) => getJson<SuggestionList>(`/municipalities/${encodeURIComponent(code)}/suggestions?pageSize=${ALL_AT_ONCE}`, signal),
  });

/** The applications of a municipality that depart from their version's verified verdict, for its editors. */
export function useSuggestions(code: string, { enabled }: { enabled: boolean }) {
  return useQuery({ ...suggestionsQueryOptions(code), enabled });
}
