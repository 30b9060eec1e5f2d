import { useMutation } from '@tanstack/react-query';
import type { Coalition, CreateCoalitionInput, UpdateCoalitionInput } from '@tm/shared/schemas/coalition';
import { request } from '../../../lib/api.ts';
import { useCreate, useInvalidate } from '../../../lib/versioned-mutations.ts';
import { collectiveKeys } from './collective-keys.ts';

/** Every change of a coalition is in the audit trail, and it moves the coalition lists it appears in. */
const INVALIDATES = [collectiveKeys.all, ['audit-events']] as const;
const useInvalidateCoalitions = () => useInvalidate(INVALIDATES);

export function useStartCoalition() {
  return useCreate<CreateCoalitionInput, Coalition>('/coalitions', INVALIDATES);
}

export function useJoinCoalition() {
  const invalidate = useInvalidateCoalitions();
  return useMutation({
    mutationFn: async ({ id, municipalityCode }: { id: string; municipalityCode: string }) =>
      (await request<Coalition>(`/coalitions/${encodeURIComponent(id)}/members`, { method: 'POST', body: { municipalityCode } })).data,
    onSuccess: invalidate,
  });
}

export function useLeaveCoalition() {
  const invalidate = useInvalidateCoalitions();
  return useMutation({
    mutationFn: async ({ id, municipalityCode }: { id: string; municipalityCode: string }) =>
      (await request<void>(`/coalitions/${encodeURIComponent(id)}/members/${encodeURIComponent(municipalityCode)}`, { method: 'DELETE' })).data,
    onSuccess: invalidate,
  });
}

/** The coordinator describes the coalition: its name, target year and description. */
export function useDescribeCoalition() {
  const invalidate = useInvalidateCoalitions();
  return useMutation({
    mutationFn: async ({ id, change }: { id: string; change: UpdateCoalitionInput }) =>
      (await request<Coalition>(`/coalitions/${encodeURIComponent(id)}`, { method: 'PATCH', body: change })).data,
    onSuccess: invalidate,
  });
}
