import { aboutQuerySchema, aboutSchema } from '@tm/shared/schemas/about';
import type { ApiDocs } from '../../http/openapi.ts';

export function registerAboutDocs(docs: ApiDocs): void {
  docs.add({
    method: 'get',
    path: '/about',
    summary: 'Version, demo flag and data sources of this installation',
    description:
      'Tells clients which version runs, whether the data are the fictional demo landscape (then every screen says so) and which sources the reference data come from, with the attribution their licences ask for.',
    tags: ['Service'],
    request: { query: aboutQuerySchema },
    success: { 200: { description: 'About this installation', schema: aboutSchema } },
  });
}
