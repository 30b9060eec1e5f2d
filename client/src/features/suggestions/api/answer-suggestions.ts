import { useMutation } from '@tanstack/react-query';
import type { AcceptSuggestionsInput, DeclineSuggestionInput, SuggestionAcceptance, SuggestionDecline } from '@tm/shared/schemas/suggestion';
import { request } from '../../../lib/api.ts';
import { DASHBOARD_KEY } from '../../../lib/dashboard-key.ts';
import { useInvalidate } from '../../../lib/versioned-mutations.ts';

const path = (code: string) => `/municipalities/${encodeURIComponent(code)}/suggestions`;

/**
 * Accepting suggestions is one bulk change of the inventory: every dashboard reads again. Refused as stale (an
 * application changed since the list was read), nothing was written, and the list is read again either way.
 */
export function useAcceptSuggestions(code: string) {
  // The inventory's lists, details and histories live under `applications`; the audit trail has the change too.
  const invalidate = useInvalidate([DASHBOARD_KEY, ['applications'], ['audit-events']]);
  return useMutation({
    mutationFn: async (input: AcceptSuggestionsInput) =>
      (await request<SuggestionAcceptance>(`${path(code)}/acceptances`, { method: 'POST', body: input })).data,
    // Not awaited: the refetch may take the last suggestion, and the list with it, away before the caller hears of success.
    onSettled: () => void invalidate(),
  });
}

/** A decline keeps its reason for the stewards; the suggestion leaves this municipality's list. */
export function useDeclineSuggestion(code: string) {
  const invalidate = useInvalidate([DASHBOARD_KEY]);
  return useMutation({
    mutationFn: async (input: DeclineSuggestionInput) => (await request<SuggestionDecline>(`${path(code)}/declines`, { method: 'POST', body: input })).data,
    onSettled: () => void invalidate(),
  });
}
