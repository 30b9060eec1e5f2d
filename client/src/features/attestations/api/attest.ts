import type { Attestation } from '@tm/shared/schemas/attestation';
import { DASHBOARD_KEY } from '../../../lib/dashboard-key.ts';
import { useCreate } from '../../../lib/versioned-mutations.ts';
import { attestationsKey } from './get-latest-attestation.ts';

/** Every summary of the municipality says when it was last attested, so its dashboards are read again. */
export function useAttest(code: string) {
  return useCreate<Record<string, never>, Attestation>(`/municipalities/${encodeURIComponent(code)}/attestations`, [
    DASHBOARD_KEY,
    attestationsKey(code),
    ['audit-events'],
  ]);
}
