import { listResponseSchema } from '@tm/shared/schemas/common';
import { municipalityCodeParamsSchema, municipalityListQuerySchema, municipalityQuerySchema, municipalitySchema } from '@tm/shared/schemas/municipality';
import type { ApiDocs } from '../../http/openapi.ts';

export function registerMunicipalitiesDocs(docs: ApiDocs): void {
  docs.add({
    method: 'get',
    path: '/municipalities',
    summary: 'The municipalities, filtered by province, size class or text',
    description:
      'The municipal register (CBS; 2025 at first, then as mergers and register updates change it) on `date`, today when left out: ' +
      'the municipalities that existed that day with their names, provinces, population and size class of that day. ' +
      '`q` matches names without regard to accents, or an exact code.',
    tags: ['Municipalities'],
    request: { query: municipalityListQuerySchema },
    success: { 200: { description: 'Matching municipalities, by name', schema: listResponseSchema(municipalitySchema) } },
  });
  docs.add({
    method: 'get',
    path: '/municipalities/:code',
    summary: 'One municipality',
    description:
      'Identified by its CBS code, such as GM0546, as the register has it on `date` (today when left out). One that has ' +
      'merged into another is still found, with its last name, the day it ended (`validTo`) and where it went (`mergedInto`); ' +
      'a date before it began is a 404.',
    tags: ['Municipalities'],
    request: { params: municipalityCodeParamsSchema, query: municipalityQuerySchema },
    success: { 200: { description: 'The municipality', schema: municipalitySchema } },
    problems: [404],
  });
}
