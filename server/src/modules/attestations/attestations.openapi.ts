import { attestationListSchema, attestationSchema, createAttestationSchema } from '@tm/shared/schemas/attestation';
import { pageQuerySchema } from '@tm/shared/schemas/common';
import { municipalityCodeParamsSchema } from '@tm/shared/schemas/municipality';
import type { ApiDocs } from '../../http/openapi.ts';

export function registerAttestationsDocs(docs: ApiDocs): void {
  docs.add({
    method: 'post',
    path: '/municipalities/:code/attestations',
    summary: "Confirm that the municipality's inventory is complete and current",
    description:
      'The inventory is fresh from now until `staleAfterMonths` (a programme setting) have passed; every figure of the ' +
      'municipality says when it was last attested. The body is empty (`{}` or none). Announced in the change feed as ' +
      '`nl.transitiemonitor.attestation.created`.',
    tags: ['Attestations'],
    access: 'editors of the municipality',
    request: { params: municipalityCodeParamsSchema, body: { content: { 'application/json': { schema: createAttestationSchema } }, required: false } },
    success: { 201: { description: 'The attestation', schema: attestationSchema } },
    problems: [415],
  });
  docs.add({
    method: 'get',
    path: '/municipalities/:code/attestations',
    summary: "The municipality's attestations: when, and by whom",
    description: 'Newest first, paged.',
    tags: ['Attestations'],
    access: 'any logged-in account; not anonymous callers',
    request: { params: municipalityCodeParamsSchema, query: pageQuerySchema.strict() },
    success: { 200: { description: 'One page of attestations', schema: attestationListSchema } },
    problems: [404],
  });
}
