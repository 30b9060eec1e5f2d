import { queryOptions, useQuery } from '@tanstack/react-query';
import type { ApplicationList } from '@tm/shared/schemas/application';
import type { Suggestion, SuggestionList } from '@tm/shared/schemas/suggestion';
import { getJson } from '../../../lib/api.ts';
import { suggestionsKeys } from './suggestions-keys.ts';

/** The API's largest page: a municipality's suggestions and its landscape fit in one. */
const ALL_AT_ONCE = 500;

const path = (code: string) => `/municipalities/${encodeURIComponent(code)}`;

export const suggestionsQueryOptions = (code: string) =>
  queryOptions({
    queryKey: suggestionsKeys.of(code),
    queryFn: ({ signal }) => getJson<SuggestionList>(`${path(code)}/suggestions?pageSize=${ALL_AT_ONCE}`, signal),
  });

/** A suggestion with the application it is about, by name and product, as the editor knows it from the inventory. */
export type SuggestionRow = Suggestion & { name: string; product: string | null; vendor: string | null; version: string | null };

/**
 * The suggestions of a municipality for one of its editors. Suggestions name applications by id; their names come
 * from the inventory, read only when there is something to show.
 */
export function useSuggestions(code: string, { enabled }: { enabled: boolean }) {
  const suggestions = useQuery({ ...suggestionsQueryOptions(code), enabled });
  const applications = useQuery({
    queryKey: suggestionsKeys.applications(code),
    queryFn: ({ signal }) => getJson<ApplicationList>(`${path(code)}/applications?pageSize=${ALL_AT_ONCE}`, signal),
    enabled: enabled && (suggestions.data?.total ?? 0) > 0,
  });
  const byId = new Map((applications.data?.items ?? []).map((a) => [a.id, a]));
  const rows: SuggestionRow[] | undefined =
    suggestions.data && applications.data
      ? suggestions.data.items.map((s) => {
          const app = byId.get(s.applicationId);
          return { ...s, name: app?.name ?? s.applicationId, product: app?.product ?? null, vendor: app?.vendor ?? null, version: app?.version ?? null };
        })
      : undefined;
  return { total: suggestions.data?.total ?? 0, rows, suggestions, applications };
}
