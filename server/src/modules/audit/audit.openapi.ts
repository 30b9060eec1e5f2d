import { auditEventListQuerySchema, auditEventListSchema, municipalityAuditQuerySchema } from '@tm/shared/schemas/audit';
import { municipalityCodeParamsSchema } from '@tm/shared/schemas/municipality';
import type { ApiDocs } from '../../http/openapi.ts';

export function registerAuditDocs(docs: ApiDocs): void {
  docs.add({
    method: 'get',
    path: '/municipalities/:code/audit-events',
    summary: "Every write to a municipality's inventory: who, when, what, before and after",
    description: 'Newest first, paged. Each entry names the request (`X-Request-Id`) that made it.',
    tags: ['Audit'],
    access: 'any logged-in account; not anonymous callers',
    request: { params: municipalityCodeParamsSchema, query: municipalityAuditQuerySchema },
    success: { 200: { description: 'One page of audit entries', schema: auditEventListSchema } },
    problems: [404],
  });
  docs.add({
    method: 'get',
    path: '/audit-events',
    summary: 'The full audit trail',
    description: 'Every write of every kind (inventory, accounts, tokens, sessions, settings), newest first, paged and filterable.',
    tags: ['Audit'],
    access: 'admins',
    request: { query: auditEventListQuerySchema },
    success: { 200: { description: 'One page of audit entries', schema: auditEventListSchema } },
  });
}
