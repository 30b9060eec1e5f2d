import { z } from 'zod';
import {
  applicationIdParamsSchema,
  applicationListQuerySchema,
  applicationListSchema,
  applicationSchema,
  createApplicationSchema,
  updateApplicationSchema,
} from '@tm/shared/schemas/application';
import { historyListSchema } from '@tm/shared/schemas/history';
import { municipalityCodeParamsSchema } from '@tm/shared/schemas/municipality';
import type { ApiDocs } from '../../http/openapi.ts';

const etagHeader = { ETag: { description: 'Send it back in If-Match to change or delete', schema: { type: 'string' as const } } };
const ifMatch = z.object({ 'If-Match': z.string().meta({ description: 'The ETag from the last GET' }) });

export function registerInventoryDocs(docs: ApiDocs): void {
  docs.add({
    method: 'get',
    path: '/municipalities/:code/applications',
    access: 'any logged-in account; not anonymous callers',
    summary: "A municipality's applications: filter, search, sort, page",
    description: 'Filters combine; list filters take comma-separated values. `missing` finds applications that lower the completeness score.',
    tags: ['Inventory'],
    request: { params: municipalityCodeParamsSchema, query: applicationListQuerySchema },
    success: { 200: { description: 'One page of applications and the total that match', schema: applicationListSchema } },
    problems: [404],
  });
  docs.add({
    method: 'post',
    path: '/municipalities/:code/applications',
    access: 'editors of this municipality',
    summary: 'Add an application to the landscape',
    description: 'An `effectiveDate` (or `inUseSince`) dates the initial status and lifecycle; default today.',
    tags: ['Inventory'],
    request: { params: municipalityCodeParamsSchema, body: { content: { 'application/json': { schema: createApplicationSchema } } } },
    success: { 201: { description: 'Created', schema: applicationSchema, headers: etagHeader } },
    problems: [404, 415],
  });
  docs.add({
    method: 'get',
    path: '/applications/:id',
    access: 'any logged-in account; not anonymous callers',
    summary: 'One application, with its ETag',
    description: 'The ETag is needed to change or delete the application.',
    tags: ['Inventory'],
    request: { params: applicationIdParamsSchema },
    success: { 200: { description: 'The application', schema: applicationSchema, headers: etagHeader } },
    problems: [404],
  });
  docs.add({
    method: 'patch',
    path: '/applications/:id',
    access: 'editors of the application\'s municipality',
    summary: 'Change an application',
    description:
      'Needs `If-Match`. A change of `status` or `lifecycle` may carry `effectiveDate` (default today): when it ' +
      'happened in reality. Retire an application by setting `lifecycle` to `phased_out`, optionally with `replacedBy`.',
    tags: ['Inventory'],
    request: {
      params: applicationIdParamsSchema,
      headers: ifMatch,
      body: { content: { 'application/json': { schema: updateApplicationSchema } } },
    },
    success: { 200: { description: 'Changed', schema: applicationSchema, headers: etagHeader } },
    problems: [404, 412, 415, 428],
  });
  docs.add({
    method: 'delete',
    path: '/applications/:id',
    access: 'editors of the application\'s municipality',
    summary: 'Delete an entry made by mistake (to retire an application, set its lifecycle instead)',
    description: 'Needs `If-Match`. The entry leaves every figure; its history stays readable.',
    tags: ['Inventory'],
    request: { params: applicationIdParamsSchema, headers: ifMatch },
    success: { 204: { description: 'Deleted; its history stays readable' } },
    problems: [404, 412, 428],
  });
  docs.add({
    method: 'get',
    path: '/applications/:id/history',
    access: 'any logged-in account; not anonymous callers',
    summary: 'Every change of an application: who, when recorded, effective date, before and after',
    description: 'Newest recorded first. Each entry lists only the fields that change touched.',
    tags: ['Inventory'],
    request: { params: applicationIdParamsSchema },
    success: { 200: { description: 'Newest first', schema: historyListSchema } },
    problems: [404],
  });
}
