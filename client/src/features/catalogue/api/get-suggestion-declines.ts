import { useQuery } from '@tanstack/react-query';
import type { SuggestionDeclineList } from '@tm/shared/schemas/suggestion';
import { catalogueKeys } from './catalogue-keys.ts';
import { pagedListQueryOptions, type PageQuery } from './paged-list.ts';

/** Editors' reasons for declining a verified verdict, newest first: where a steward looks for verdicts that may be wrong. */
export const suggestionDeclinesQueryOptions = (query: PageQuery) =>
  pagedListQueryOptions<SuggestionDeclineList>(catalogueKeys.declines(query), '/suggestion-declines', query);

export function useSuggestionDeclines(query: PageQuery) {
  return useQuery(suggestionDeclinesQueryOptions(query));
}
