import { listResponseSchema } from '@tm/shared/schemas/common';
import { municipalityCodeParamsSchema } from '@tm/shared/schemas/municipality';
import { createPeerGroupSchema, peerGroupIdParamsSchema, peerGroupSchema, peersQuerySchema, peersSchema } from '@tm/shared/schemas/peers';
import type { ApiDocs } from '../../http/openapi.ts';
import { MEASURE_RULES } from '../progress/progress.openapi.ts';

export function registerPeersDocs(docs: ApiDocs): void {
  docs.add({
    method: 'get',
    path: '/municipalities/:code/peers',
    summary: 'How a municipality compares with its peers, and what they replaced its legacy components with',
    description:
      `Groups: \`sizeClass\` (default), \`province\`, \`all\`, or the id of a saved peer group (the municipality is ` +
      'always a member). Rank 1 is the highest share; equal shares share a rank; no share, no rank. Median and ' +
      'quartiles interpolate linearly, over members with a share. `recommendations`: for each reference component ' +
      'the municipality still fills with a legacy application, the catalogue products other members use for it as ' +
      'compliant today, the components most members use a compliant product for first; a version the catalogue ' +
      'judges `not_compliant` is never recommended, and `assessmentLevel` says how the versions counted are judged ' +
      "(`claimed` only by editors is marked as such); `legacyHere` lists the municipality's own legacy applications " +
      'of a product that those members count as compliant. `products` lists the ten most members use, and every ' +
      'one the municipality runs as legacy; `productCount` counts them all. ' +
      `${MEASURE_RULES} An unknown saved group is a 400 naming \`group\`.`,
    tags: ['Peers'],
    request: { params: municipalityCodeParamsSchema, query: peersQuerySchema },
    success: { 200: { description: 'The comparison', schema: peersSchema } },
    problems: [404],
    access: 'any logged-in account (the recommendations show other municipalities’ inventories)',
  });
  docs.add({
    method: 'get',
    path: '/peer-groups',
    summary: 'The saved peer groups',
    description: 'Every saved group, whoever saved it: a group is there to compare against.',
    tags: ['Peers'],
    access: 'any logged-in account',
    success: { 200: { description: 'The groups, by name', schema: listResponseSchema(peerGroupSchema) } },
  });
  docs.add({
    method: 'post',
    path: '/peer-groups',
    summary: 'Save a named peer group, such as a regional cooperation',
    description: 'At least two different existing municipalities; the saving user is its owner.',
    tags: ['Peers'],
    access: 'board or admin',
    request: { body: { content: { 'application/json': { schema: createPeerGroupSchema } } } },
    success: { 201: { description: 'Saved', schema: peerGroupSchema } },
    problems: [415],
  });
  docs.add({
    method: 'get',
    path: '/peer-groups/:id',
    summary: 'One saved peer group',
    description: 'With its member codes.',
    tags: ['Peers'],
    access: 'any logged-in account',
    request: { params: peerGroupIdParamsSchema },
    success: { 200: { description: 'The group', schema: peerGroupSchema } },
    problems: [404],
  });
  docs.add({
    method: 'delete',
    path: '/peer-groups/:id',
    summary: 'Delete a saved peer group',
    description: 'The group is gone; comparisons with it answer 400 from then on.',
    tags: ['Peers'],
    access: 'whoever saved the group (a board member), or an admin',
    request: { params: peerGroupIdParamsSchema },
    success: { 204: { description: 'Deleted' } },
    problems: [404],
  });
}
