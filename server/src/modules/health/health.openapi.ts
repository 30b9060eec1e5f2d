import { healthSchema } from '@tm/shared/schemas/health';
import type { ApiDocs } from '../../http/openapi.ts';

export function registerHealthDocs(docs: ApiDocs): void {
  docs.add({
    method: 'get',
    path: '/health',
    summary: 'Whether the service and its database are up',
    description: 'Answers 503 with Retry-After when the database cannot be reached, so load balancers and monitors can tell.',
    tags: ['Service'],
    success: { 200: { description: 'Up', schema: healthSchema } },
  });
}
