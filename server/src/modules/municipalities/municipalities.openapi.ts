import { listResponseSchema } from '@tm/shared/schemas/common';
import { municipalityCodeParamsSchema, municipalityListQuerySchema, municipalitySchema } from '@tm/shared/schemas/municipality';
import type { ApiDocs } from '../../http/openapi.ts';

export function registerMunicipalitiesDocs(docs: ApiDocs): void {
  docs.add({
    method: 'get',
    path: '/municipalities',
    summary: 'The municipalities, filtered by province, size class or text',
    description: 'The 2025 municipal register (CBS). `q` matches names without regard to accents, or an exact code.',
    tags: ['Municipalities'],
    request: { query: municipalityListQuerySchema },
    success: { 200: { description: 'Matching municipalities, by name', schema: listResponseSchema(municipalitySchema) } },
  });
  docs.add({
    method: 'get',
    path: '/municipalities/:code',
    summary: 'One municipality',
    description: 'Identified by its CBS code, such as GM0546.',
    tags: ['Municipalities'],
    request: { params: municipalityCodeParamsSchema },
    success: { 200: { description: 'The municipality', schema: municipalitySchema } },
    problems: [404],
  });
}
