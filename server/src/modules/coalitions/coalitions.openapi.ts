import {
  coalitionDetailSchema,
  coalitionIdParamsSchema,
  coalitionListQuerySchema,
  coalitionListSchema,
  coalitionMemberParamsSchema,
  coalitionSchema,
  createCoalitionSchema,
  joinCoalitionSchema,
  updateCoalitionSchema,
} from '@tm/shared/schemas/coalition';
import type { ApiDocs } from '../../http/openapi.ts';

const TAGS = ['Coalitions'];

const REPLACED =
  'A member has `replaced` the product when it has had applications of it and none of them is legacy in today’s ' +
  'landscape any more (each retired or compliant); `replacedCount` counts them. Every change is audited and announced ' +
  'in the change feed (`nl.transitiemonitor.coalition.*`).';

const json = <T>(schema: T) => ({ content: { 'application/json': { schema } } });

export function registerCoalitionsDocs(docs: ApiDocs): void {
  docs.add({
    method: 'get',
    path: '/coalitions',
    summary: 'Coalitions: municipalities replacing one product together by a target year',
    description: `The nearest target year first. \`productId\` lists the coalitions for one product, \`municipalityCode\` those a municipality takes part in. ${REPLACED}`,
    tags: TAGS,
    access: 'everyone signed in',
    request: { query: coalitionListQuerySchema },
    success: { 200: { description: 'One page of coalitions and the total that match', schema: coalitionListSchema } },
  });
  docs.add({
    method: 'post',
    path: '/coalitions',
    summary: 'Start a coalition',
    description:
      'The caller becomes its coordinator, who describes it. `targetYear` is this year or later (400 otherwise); a ' +
      'product the catalogue does not have is a 404; one merged into another gives a coalition for that one. ' +
      `With \`municipalityCode\` (one of the editor’s own) that municipality joins at once. ${REPLACED}`,
    tags: TAGS,
    access: 'editors',
    request: { body: json(createCoalitionSchema) },
    success: { 201: { description: 'Started', schema: coalitionSchema } },
    problems: [404, 415],
  });
  docs.add({
    method: 'get',
    path: '/coalitions/:id',
    summary: 'One coalition, its members’ progress and its candidates',
    description:
      '`candidates`: municipalities that are not members, run the product as legacy and plan to replace it within two ' +
      `years of the target year, each with its planned year closest to the target. ${REPLACED}`,
    tags: TAGS,
    access: 'everyone signed in',
    request: { params: coalitionIdParamsSchema },
    success: { 200: { description: 'The coalition', schema: coalitionDetailSchema } },
    problems: [404],
  });
  docs.add({
    method: 'patch',
    path: '/coalitions/:id',
    summary: 'Describe a coalition: its name, target year and description',
    description: 'Only its coordinator may. A target year in the past is a 400.',
    tags: TAGS,
    access: 'the coalition’s coordinator',
    request: { params: coalitionIdParamsSchema, body: json(updateCoalitionSchema) },
    success: { 200: { description: 'As it is now', schema: coalitionSchema } },
    problems: [404, 415],
  });
  docs.add({
    method: 'post',
    path: '/coalitions/:id/members',
    summary: 'Join a coalition for a municipality',
    description: 'For one of the editor’s own municipalities (403 otherwise); a municipality that is a member already is a 409.',
    tags: TAGS,
    access: 'editors, for their own municipalities',
    request: { params: coalitionIdParamsSchema, body: json(joinCoalitionSchema) },
    success: { 201: { description: 'Joined; the coalition as it is now', schema: coalitionSchema } },
    problems: [404, 409, 415],
  });
  docs.add({
    method: 'delete',
    path: '/coalitions/:id/members/:code',
    summary: 'Leave a coalition for a municipality',
    description: 'For one of the editor’s own municipalities (403 otherwise); one that is not a member is a 404.',
    tags: TAGS,
    access: 'editors, for their own municipalities',
    request: { params: coalitionMemberParamsSchema },
    success: { 204: { description: 'Left' } },
    problems: [404],
  });
}
