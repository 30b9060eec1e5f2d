import { queryOptions, useMutation, useQuery } from '@tanstack/react-query';
import type { MunicipalityMergerInput, MunicipalityMergerRecord } from '@tm/shared/schemas/municipality-merger';
import { getJson, request } from '../../../lib/api.ts';
import { DASHBOARD_KEY } from '../../../lib/dashboard-key.ts';
import { useInvalidate } from '../../../lib/versioned-mutations.ts';

const MERGERS_KEY = ['municipality-mergers'] as const;
/** A merger changes the register, every figure grouped by it, the inventories that moved and the audit trail. */
const CHANGED_BY_A_MERGER = [MERGERS_KEY, ['municipalities'], DASHBOARD_KEY, ['applications'], ['audit-events']];

export const mergersQueryOptions = () =>
  queryOptions({
    queryKey: MERGERS_KEY,
    queryFn: ({ signal }) => getJson<{ items: MunicipalityMergerRecord[]; total: number }>('/municipality-mergers?pageSize=500', signal),
  });

export function useMergers() {
  return useQuery(mergersQueryOptions());
}

export function useRegisterMerger() {
  const invalidate = useInvalidate(CHANGED_BY_A_MERGER);
  return useMutation({
    mutationFn: async (input: MunicipalityMergerInput) =>
      (await request<MunicipalityMergerRecord>('/municipality-mergers', { method: 'POST', body: input })).data,
    onSuccess: invalidate,
  });
}

export function useUndoMerger() {
  const invalidate = useInvalidate(CHANGED_BY_A_MERGER);
  return useMutation({
    mutationFn: async (id: string) => {
      await request<void>(`/municipality-mergers/${encodeURIComponent(id)}`, { method: 'DELETE' });
    },
    onSettled: invalidate,
  });
}
