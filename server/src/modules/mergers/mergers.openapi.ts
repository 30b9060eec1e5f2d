import {
  municipalityMergerListQuerySchema,
  municipalityMergerListSchema,
  municipalityMergerParamsSchema,
  municipalityMergerRecordSchema,
  municipalityMergerSchema,
  registerUpdateQuerySchema,
  registerUpdateResultSchema,
  registerUpdateSchema,
} from '@tm/shared/schemas/municipality-merger';
import type { ApiDocs } from '../../http/openapi.ts';

export function registerMergersDocs(docs: ApiDocs): void {
  docs.add({
    method: 'get',
    path: '/municipality-mergers',
    summary: 'The mergers of municipalities registered, newest first',
    description: 'Undone ones included, with `undoneAt`; `code` finds those a municipality took part in.',
    access: 'any logged-in account; not anonymous callers',
    tags: ['Municipalities'],
    request: { query: municipalityMergerListQuerySchema },
    success: { 200: { description: 'One page of mergers', schema: municipalityMergerListSchema } },
  });
  docs.add({
    method: 'get',
    path: '/municipality-mergers/:id',
    summary: 'One merger of municipalities',
    description: 'As registered, with who registered it, whether it was undone, and whether it may still be.',
    access: 'any logged-in account; not anonymous callers',
    tags: ['Municipalities'],
    request: { params: municipalityMergerParamsSchema },
    success: { 200: { description: 'The merger', schema: municipalityMergerRecordSchema } },
    problems: [404],
  });
  docs.add({
    method: 'post',
    path: '/municipality-mergers',
    summary: 'Register a merger (herindeling)',
    description:
      'From `date` on the municipalities of `from` are one, `into` (a new code, or one of `from` that absorbs the others). ' +
      'Every application of the municipalities that end moves to `into` on that date with its history intact (a `moved` ' +
      'entry in its history); their figures before the date stay as they were, and the national figures are the same at ' +
      'every date before and after. Editors bound to them become editors of `into`. A code with a landscape of its own that ' +
      'is not in `from`, a municipality that already merged away, a date before a municipality began or in the future are ' +
      'refused (400 or 409, each problem named); so is a second merger of the same year that overlaps one not yet registered. ' +
      'Announced in the change feed as `nl.transitiemonitor.municipality.merged`, once for each municipality involved.',
    tags: ['Municipalities'],
    request: { body: { content: { 'application/json': { schema: municipalityMergerSchema } } } },
    success: { 201: { description: 'Registered', schema: municipalityMergerRecordSchema } },
    problems: [400, 409, 415],
    access: 'admin',
  });
  docs.add({
    method: 'delete',
    path: '/municipality-mergers/:id',
    summary: 'Undo a merger',
    description:
      'Only the latest merger registered, and only while no later one is (409 otherwise): the register, the editors and every ' +
      'application it moved go back (each application through a second `moved` history entry). Refused (409) while a ' +
      'municipality it formed has applications added since. The merger stays listed with `undoneAt`. Announced as ' +
      '`nl.transitiemonitor.municipality.merger-undone`.',
    tags: ['Municipalities'],
    request: { params: municipalityMergerParamsSchema },
    success: { 204: { description: 'Undone' } },
    problems: [404, 409],
    access: 'admin',
  });
  docs.add({
    method: 'post',
    path: '/municipality-register-updates',
    summary: 'Apply a reviewed register update (the yearly CBS municipality list)',
    description:
      'The file `npm run reference-data -w db -- --newer-list …` writes, once reviewed: its mergers (each as `POST ' +
      '/municipality-mergers` registers it, in date order), then its renames and population counts from its `date`, all or ' +
      'nothing. Refused (400) before its `date` (a list may be made ahead of it, as CBS publishes them), and (422) while `unresolved` lists anything. `mode=dry-run` (default) does everything and rolls it back: ' +
      'its answer, or its refusal, is what a commit would give.',
    tags: ['Municipalities'],
    request: { query: registerUpdateQuerySchema, body: { content: { 'application/json': { schema: registerUpdateSchema } } } },
    success: { 200: { description: 'What was (dry run: would be) applied', schema: registerUpdateResultSchema } },
    problems: [400, 409, 415, 422],
    access: 'admin',
  });
}
