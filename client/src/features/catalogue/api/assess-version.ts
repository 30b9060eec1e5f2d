import { useMutation } from '@tanstack/react-query';
import type { Assessment, CreateAssessmentInput } from '@tm/shared/schemas/assessment';
import { request } from '../../../lib/api.ts';
import { DASHBOARD_KEY } from '../../../lib/dashboard-key.ts';
import { useInvalidate } from '../../../lib/versioned-mutations.ts';

/**
 * A judgement of one product version; its level follows the caller's role (an editor claims, a steward verifies).
 * A verified one moves every dashboard's verified figures, and it is in the audit trail.
 */
export function useAssessVersion() {
  const invalidate = useInvalidate([DASHBOARD_KEY, ['audit-events']]);
  return useMutation({
    mutationFn: async ({ versionId, input }: { versionId: string; input: CreateAssessmentInput }) =>
      (await request<Assessment>(`/product-versions/${encodeURIComponent(versionId)}/assessments`, { method: 'POST', body: input })).data,
    onSuccess: invalidate,
  });
}
