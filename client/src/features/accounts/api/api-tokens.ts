import { keepPreviousData, queryOptions, useMutation, useQuery } from '@tanstack/react-query';
import type { ApiToken, ApiTokenListQuery, CreateApiTokenInput, OwnedApiToken } from '@tm/shared/schemas/account';
import { getJson, request, toQueryString } from '../../../lib/api.ts';
import { useCreate, useInvalidate } from '../../../lib/versioned-mutations.ts';

export const apiTokenKeys = {
  all: ['api-tokens'] as const,
  own: ['api-tokens', 'own'] as const,
  everyone: (query: ApiTokenListQuery) => ['api-tokens', 'everyone', query] as const,
};

/** The signed-in user's live tokens. */
export const ownTokensQueryOptions = () =>
  queryOptions({
    queryKey: apiTokenKeys.own,
    queryFn: ({ signal }) => getJson<{ items: ApiToken[]; total: number }>('/users/current/tokens', signal),
  });

export function useOwnTokens() {
  return useQuery(ownTokensQueryOptions());
}

/** Makes a token; the answer holds the token itself, the only time it is shown. */
export function useCreateToken() {
  return useCreate<CreateApiTokenInput, ApiToken & { token: string }>('/users/current/tokens', [apiTokenKeys.all]);
}

/** Every account's live tokens, for admins; a page stays on screen while the next loads. */
export const everyonesTokensQueryOptions = (query: ApiTokenListQuery) =>
  queryOptions({
    queryKey: apiTokenKeys.everyone(query),
    queryFn: ({ signal }) => getJson<{ items: OwnedApiToken[]; total: number }>(`/api-tokens${toQueryString(query)}`, signal),
    placeholderData: keepPreviousData,
  });

export function useEveryonesTokens(query: ApiTokenListQuery) {
  return useQuery(everyonesTokensQueryOptions(query));
}

/** Revokes a token: one's own, or as an admin anyone's. Both lists are read again. */
export function useRevokeToken(scope: 'own' | 'any') {
  const invalidate = useInvalidate([apiTokenKeys.all]);
  return useMutation({
    mutationFn: async (id: string) => {
      await request<void>(scope === 'own' ? `/users/current/tokens/${encodeURIComponent(id)}` : `/api-tokens/${encodeURIComponent(id)}`, { method: 'DELETE' });
    },
    onSettled: invalidate,
  });
}
