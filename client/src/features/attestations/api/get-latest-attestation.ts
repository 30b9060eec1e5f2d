import { queryOptions, useQuery } from '@tanstack/react-query';
import type { Attestation } from '@tm/shared/schemas/attestation';
import { getJson } from '../../../lib/api.ts';

export const attestationsKey = (code: string) => ['attestations', code] as const;

/** The municipality's last attestation with who made it; accounts only, as who changed an inventory is. */
export const latestAttestationQueryOptions = (code: string) =>
  queryOptions({
    queryKey: [...attestationsKey(code), 'latest'],
    queryFn: async ({ signal }) =>
      (await getJson<{ items: Attestation[] }>(`/municipalities/${encodeURIComponent(code)}/attestations?pageSize=1`, signal)).items[0] ?? null,
  });

export function useLatestAttestation(code: string, signedIn: boolean) {
  return useQuery({ ...latestAttestationQueryOptions(code), enabled: signedIn });
}
