import { assessmentListSchema, assessmentSchema, createAssessmentSchema, productVersionIdParamsSchema } from '@tm/shared/schemas/assessment';
import {
  createProductAliasSchema,
  createProductDistinctionSchema,
  createProductMergeSchema,
  productAliasListSchema,
  productAliasParamsSchema,
  productAliasSchema,
  productDistinctionSchema,
  productDuplicateListQuerySchema,
  productDuplicateListSchema,
  productIdParamsSchema,
  productListQuerySchema,
  productListSchema,
  productMergeIdParamsSchema,
  productMergeListQuerySchema,
  productMergeListSchema,
  productMergeSchema,
  productSchema,
  productVersionListQuerySchema,
  productVersionListSchema,
} from '@tm/shared/schemas/product';
import { municipalityCodeParamsSchema } from '@tm/shared/schemas/municipality';
import {
  acceptSuggestionsSchema,
  declineSuggestionSchema,
  suggestionAcceptanceSchema,
  suggestionDeclineListQuerySchema,
  suggestionDeclineListSchema,
  suggestionDeclineSchema,
  suggestionListQuerySchema,
  suggestionListSchema,
} from '@tm/shared/schemas/suggestion';
import type { ApiDocs } from '../../http/openapi.ts';

const TAGS = ['Catalogue'];

const MATCHING =
  'Applications are linked to a product version by vendor, product (or, when that is blank, the application’s name) ' +
  'and version, compared without regard to case, spaces, punctuation, accents or a vendor’s legal form (B.V., N.V., ' +
  'Ltd, GmbH, …): "Kwakkel B.V." and "kwakkel bv" are one vendor, "1.12" and "11.2" two versions.';

const RUNNING = 'Counts are of the landscape today: applications in production or being phased out.';

const CURRENT = 'A version’s `assessment` is its current judgement: the latest verified one, else the latest claimed one (latest by effective date, then by when it was recorded), or null.';

export function registerCatalogueDocs(docs: ApiDocs): void {
  docs.add({
    method: 'get',
    path: '/products',
    summary: 'The product catalogue: search and page',
    description:
      `${MATCHING} \`q\` finds products by words of vendor or name, roughly spelled (pg_trgm word similarity), closest ` +
      `first; without it products are listed by name. \`sort=-municipalityCount\` lists the products most municipalities run ` +
      `first, \`sort=name\` by name also when searching. Each product carries what runs it, all versions together (a ` +
      `municipality running two versions counts once), and its versions, most used first. ${RUNNING} ${CURRENT}`,
    tags: TAGS,
    request: { query: productListQuerySchema },
    success: { 200: { description: 'One page of products and the total that match', schema: productListSchema } },
  });
  docs.add({
    method: 'get',
    path: '/products/:id',
    summary: 'One product: its versions with their judgements, who runs them, and what replaced it',
    description:
      `Each version has its whole assessment history (newest first), the applications and municipalities running it by ` +
      `the status they report, and, for callers who are logged in, the municipalities by name. \`replacedBy\`: the ` +
      `products that municipalities replaced this one with. A product merged into another still answers, with ` +
      `\`mergedInto\` set and no versions (they moved). ${RUNNING} ${CURRENT}`,
    tags: TAGS,
    request: { params: productIdParamsSchema },
    success: { 200: { description: 'The product', schema: productSchema } },
    problems: [404],
  });
  docs.add({
    method: 'get',
    path: '/product-versions',
    summary: 'Every product version, most municipalities first: what to judge next',
    description: `\`assessment=none\` lists the versions nobody has judged yet, \`claimed\` those judged only by editors. ${RUNNING} ${CURRENT}`,
    tags: TAGS,
    request: { query: productVersionListQuerySchema },
    success: { 200: { description: 'One page of versions and the total that match', schema: productVersionListSchema } },
  });
  docs.add({
    method: 'get',
    path: '/product-versions/:id/assessments',
    summary: 'Every judgement of a product version, newest first',
    description: 'Judgements are a history: never changed, never removed. Who made one is shown to callers who are logged in.',
    tags: TAGS,
    request: { params: productVersionIdParamsSchema },
    success: { 200: { description: 'The judgements', schema: assessmentListSchema } },
    problems: [404],
  });
  docs.add({
    method: 'post',
    path: '/product-versions/:id/assessments',
    summary: 'Judge a product version compliant or not',
    description:
      'The level follows the caller: a catalogue steward’s judgement is `verified`, an editor’s `claimed`. `evidence` (a ' +
      'link or a text) is required; `effectiveDate` (from when the verdict holds) may not lie in the future and is ' +
      'today when left out. A version merged into another is a 409 naming that one.',
    tags: TAGS,
    access: 'editors (a claim) and catalogue stewards (a verification)',
    request: { params: productVersionIdParamsSchema, body: { content: { 'application/json': { schema: createAssessmentSchema } } } },
    success: { 201: { description: 'Recorded', schema: assessmentSchema } },
    problems: [404, 409, 415],
  });
  docs.add({
    method: 'get',
    path: '/products/:id/aliases',
    summary: 'Other spellings of a product',
    description: 'Applications written in one of these spellings are linked to this product.',
    tags: TAGS,
    request: { params: productIdParamsSchema },
    success: { 200: { description: 'The aliases, oldest first', schema: productAliasListSchema } },
    problems: [404],
  });
  docs.add({
    method: 'post',
    path: '/products/:id/aliases',
    summary: 'Tie another spelling to a product',
    description:
      `From now on applications written this way (create, edit, import) are linked to this product. ${MATCHING} A ` +
      'spelling that another product has is a 409: merge that product instead, so that its applications follow. So is ' +
      'a spelling that is an alias already, or the product’s own, or a product merged away.',
    tags: TAGS,
    access: 'catalogue stewards',
    request: { params: productIdParamsSchema, body: { content: { 'application/json': { schema: createProductAliasSchema } } } },
    success: { 201: { description: 'Added', schema: productAliasSchema } },
    problems: [404, 409, 415],
  });
  docs.add({
    method: 'delete',
    path: '/products/:id/aliases/:aliasId',
    summary: 'Untie a spelling from a product',
    description: 'Applications linked already stay where they are; new ones written this way become a product of their own.',
    tags: TAGS,
    access: 'catalogue stewards',
    request: { params: productAliasParamsSchema },
    success: { 204: { description: 'Removed' } },
    problems: [404],
  });
  docs.add({
    method: 'post',
    path: '/product-merges',
    summary: 'Merge a duplicate product into the one that stays',
    description:
      'Every version of `from` goes to `into`: one that `into` has already is combined with it (applications and ' +
      'judgements move there), any other becomes a version of `into`. `from`’s aliases move too, and its own spelling ' +
      'becomes an alias of `into`, so later imports land there. Nothing is deleted: `from` stays, marked merged, and ' +
      'the merge can be read back. Merging a product into itself, or from or into a product merged away already, is a ' +
      '409; of two stewards merging the same products at once, one succeeds and the other gets a 409.',
    tags: TAGS,
    access: 'catalogue stewards',
    request: { body: { content: { 'application/json': { schema: createProductMergeSchema } } } },
    success: { 201: { description: 'Merged', schema: productMergeSchema } },
    problems: [409, 415],
  });
  docs.add({
    method: 'get',
    path: '/product-merges',
    summary: 'The merges of the catalogue, newest first',
    description: 'With `productId`, the merges from or into that product.',
    tags: TAGS,
    access: 'any logged-in account',
    request: { query: productMergeListQuerySchema },
    success: { 200: { description: 'One page of merges and their total', schema: productMergeListSchema } },
  });
  docs.add({
    method: 'get',
    path: '/product-merges/:id',
    summary: 'One merge: what moved where, and how many applications followed',
    description: 'As it was recorded when the merge was made.',
    tags: TAGS,
    access: 'any logged-in account',
    request: { params: productMergeIdParamsSchema },
    success: { 200: { description: 'The merge', schema: productMergeSchema } },
    problems: [404],
  });
  docs.add({
    method: 'get',
    path: '/product-duplicates',
    summary: 'Pairs of products that may be one product spelled twice',
    description:
      'Found by the database’s trigram similarity (pg_trgm): names at least `minSimilarity` alike (default 0.75) and ' +
      'vendors alike (one word-similar to the other, or one missing). Most alike first. Pairs a steward has marked as ' +
      'different products are left out.',
    tags: TAGS,
    access: 'catalogue stewards and admins',
    request: { query: productDuplicateListQuerySchema },
    success: { 200: { description: 'One page of pairs and their total', schema: productDuplicateListSchema } },
  });
  docs.add({
    method: 'post',
    path: '/product-distinctions',
    summary: 'Mark two products as different: no longer offered as possible duplicates',
    description: '201 when recorded, 200 when the pair was marked already.',
    tags: TAGS,
    access: 'catalogue stewards',
    request: { body: { content: { 'application/json': { schema: createProductDistinctionSchema } } } },
    success: {
      200: { description: 'Marked already', schema: productDistinctionSchema },
      201: { description: 'Recorded', schema: productDistinctionSchema },
    },
    problems: [415],
  });
  docs.add({
    method: 'get',
    path: '/suggestion-declines',
    summary: 'Suggestions editors declined, with their reasons, newest first',
    description: 'A sign that a verified judgement may be wrong. Filter by product or version.',
    tags: TAGS,
    access: 'catalogue stewards and admins',
    request: { query: suggestionDeclineListQuerySchema },
    success: { 200: { description: 'One page of declines and their total', schema: suggestionDeclineListSchema } },
  });
  docs.add({
    method: 'get',
    path: '/municipalities/:code/suggestions',
    summary: 'Applications whose status departs from the verified assessment of the version they run',
    description:
      'For each application in the landscape whose product version has a verified assessment (the latest verified one) ' +
      'that its own status contradicts: `suggestedStatus` is `compliant` for a version verified compliant, `legacy` for ' +
      'one verified not compliant (an application `in_transition` agrees with that: it counts as legacy). ' +
      '`effectiveDate` is the assessment’s. A suggestion an editor declined is not offered again until a newer ' +
      'verified assessment of the version. By application name.',
    tags: TAGS,
    access: 'any logged-in account',
    request: { params: municipalityCodeParamsSchema, query: suggestionListQuerySchema },
    success: { 200: { description: 'One page of suggestions and their total', schema: suggestionListSchema } },
    problems: [404],
  });
  docs.add({
    method: 'post',
    path: '/municipalities/:code/suggestions/acceptances',
    summary: 'Accept suggestions: the applications take the suggested status, as one change',
    description:
      'Send back each suggestion to accept as it was offered (`applicationId`, `assessmentId`, `updatedAt`); accepting ' +
      'all is sending all of them. One change of the inventory: all or nothing, one history entry per application, one ' +
      'audit entry. Each status takes effect on its suggestion’s `effectiveDate`, or on `effectiveDate` when given, but ' +
      'never before a status change the application’s history already has later (which would otherwise still decide ' +
      'today’s status). An application changed since it was offered, or a suggestion no longer offered (another ' +
      'verified assessment, another version, declined), is a 409 listing every such suggestion; nothing is written.',
    tags: TAGS,
    access: 'editors of the municipality',
    request: { params: municipalityCodeParamsSchema, body: { content: { 'application/json': { schema: acceptSuggestionsSchema } } } },
    success: { 200: { description: 'Accepted; the applications as they are now, in the order asked', schema: suggestionAcceptanceSchema } },
    problems: [404, 409, 415],
  });
  docs.add({
    method: 'post',
    path: '/municipalities/:code/suggestions/declines',
    summary: 'Decline a suggestion, with the reason',
    description:
      'The suggestion is no longer offered for this assessment, and catalogue stewards read the reason ' +
      '(`GET /suggestion-declines`) as a sign that the verdict may be wrong. A suggestion that is not offered (any more) ' +
      'is a 409.',
    tags: TAGS,
    access: 'editors of the municipality',
    request: { params: municipalityCodeParamsSchema, body: { content: { 'application/json': { schema: declineSuggestionSchema } } } },
    success: { 201: { description: 'Declined', schema: suggestionDeclineSchema } },
    problems: [404, 409, 415],
  });
}
