import { listResponseSchema } from '@tm/shared/schemas/common';
import { referenceComponentSchema } from '@tm/shared/schemas/reference-component';
import type { ApiDocs } from '../../http/openapi.ts';

export function registerReferenceComponentsDocs(docs: ApiDocs): void {
  docs.add({
    method: 'get',
    path: '/reference-components',
    summary: 'The GEMMA reference components (GEMMA, VNG Realisatie)',
    description: 'The functional slots of the GEMMA reference architecture that applications fill; ids are the GEMMA object ids.',
    tags: ['Reference components'],
    success: { 200: { description: 'All reference components, by name', schema: listResponseSchema(referenceComponentSchema) } },
  });
}
