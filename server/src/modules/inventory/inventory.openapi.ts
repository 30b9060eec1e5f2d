import { z } from 'zod';
import {
  applicationIdParamsSchema,
  applicationListQuerySchema,
  applicationListSchema,
  applicationSchema,
  createApplicationSchema,
  updateApplicationSchema,
} from '@tm/shared/schemas/application';
import { bulkUpdateResultSchema, bulkUpdateSchema, MAX_BULK_APPLICATIONS } from '@tm/shared/schemas/application-bulk-update';
import { historyListSchema } from '@tm/shared/schemas/history';
import { municipalityCodeParamsSchema } from '@tm/shared/schemas/municipality';
import type { ApiDocs } from '../../http/openapi.ts';
import { APPLICATION_FORMATS } from './application-formats.ts';

const etagHeader = { ETag: { description: 'Send it back in If-Match to change or delete', schema: { type: 'string' as const } } };
const ifMatch = z.object({ 'If-Match': z.string().meta({ description: 'The ETag from the last GET' }) });

export function registerInventoryDocs(docs: ApiDocs): void {
  docs.add({
    method: 'get',
    path: '/municipalities/:code/applications',
    access: 'any logged-in account; not anonymous callers',
    summary: "A municipality's applications: filter, search, sort, page",
    description:
      'Filters combine; list filters take comma-separated values. `missing` finds applications that lower the completeness score. ' +
      '`format=csv` or `format=xlsx` answers every matching application (no paging) as a spreadsheet with Dutch column names, ' +
      'which the import reads back unchanged; cells that a spreadsheet would run as a formula are prefixed with an apostrophe. ' +
      '`format=archimate` answers them as an ArchiMate 3.1 Model Exchange File (`application/xml`, The Open Group): each ' +
      'application an `ApplicationComponent` with its fields as properties, each GEMMA reference component it fills an ' +
      'element under its GEMMA identifier that the application realizes; the import reads it back unchanged too.',
    tags: ['Inventory'],
    request: { params: municipalityCodeParamsSchema, query: applicationListQuerySchema },
    success: {
      200: {
        description: 'One page of applications and the total that match; or, with `format`, a file of all of them',
        schema: applicationListSchema,
        alternatives: Object.fromEntries(
          Object.values(APPLICATION_FORMATS)
            .filter((f) => !f.paged)
            .map((f) => [f.contentType.split(';')[0]!, z.string().meta({ format: 'binary' })]),
        ),
      },
    },
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
    method: 'post',
    path: '/municipalities/:code/applications/bulk-updates',
    access: 'editors of this municipality',
    summary: 'Set the same status, layer, lifecycle, planned replacement year, reference components or annual cost on many applications at once',
    description:
      `Up to ${MAX_BULK_APPLICATIONS} applications of this municipality per request, all or nothing. Give each with the ` +
      '`updatedAt` you saw to have your change refused when someone else changed it since. Fields left out of ' +
      '`changes` stay as they are; `effectiveDate` (default today) dates a change of `status` or `lifecycle`, as in ' +
      '`PATCH /applications/{id}`. `referenceComponents` adds its `ids` to those each application has (`mode: add`) or ' +
      'puts them in their place (`mode: replace`). Each application that changes gets one history entry; one that already has every ' +
      'value asked for is left alone. The whole request is one entry in the audit trail. ' +
      'When any listed id is unknown or of another municipality the answer is 400, when any listed application ' +
      'was changed since its `updatedAt` it is 409; either way nothing is written and `errors` lists every such ' +
      'application by its place in the request (`applications.3.id`, `applications.7.updatedAt`).',
    tags: ['Inventory'],
    request: { params: municipalityCodeParamsSchema, body: { content: { 'application/json': { schema: bulkUpdateSchema } } } },
    success: { 200: { description: 'Changed: the counts and every listed application as it is now', schema: bulkUpdateResultSchema } },
    problems: [404, 409, 413, 415],
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
