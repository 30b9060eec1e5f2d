import { municipalityCodeParamsSchema } from '@tm/shared/schemas/municipality';
import { municipalityProgressSchema, nationalProgressQuerySchema, nationalProgressSchema, progressQuerySchema } from '@tm/shared/schemas/progress';
import type { ApiDocs } from '../../http/openapi.ts';

export const MEASURE_RULES =
  'A landscape at a date is the applications in production or phasing out then (each field from the latest change ' +
  'effective by that date; of changes on the same date the later recorded wins); `in_transition` counts as legacy; ' +
  'layer and annual cost are the current ones; deleted entries count nowhere. `measure=cost` weighs by annual cost ' +
  '(applications without a cost weigh 0) and gives `costCoverage`. A share is null, never 0, for an empty landscape. ' +
  '`knownAt` gives the figures as they were known then: only changes recorded by then, entries deleted later still ' +
  'count, and the figures are for that day; completeness, plan, the top lists and the recommendations describe the ' +
  'inventory as it is now. `knownAt` is a date (as known at the end of that day, UTC) or an instant (counted to the ' +
  'millisecond, so a change\'s own `recordedAt` includes it). Such figures are computed from the history: a few at ' +
  'a time per server, and when too many wait the answer is 503 with `Retry-After`; anonymous callers may ask for ' +
  'them a limited number of times a minute per address (429 with `Retry-After` beyond that).';

const SERIES_RULES =
  'The series has a point per month from 2019-01 to the current month: the end of each month, and for the current ' +
  'month today (or the day of `knownAt`). The target starts from the share at the end of the month before the ' +
  'programme start’s month and grows by the annual rate (see /settings); status is ahead / on track / behind at ±5 ' +
  'percentage points. Pace is the least-squares trend of the last 24 points in percentage points per year.';

export function registerProgressDocs(docs: ApiDocs): void {
  docs.add({
    method: 'get',
    path: '/municipalities/:code/progress',
    summary: "A municipality's share, target, status, forecast, plan and completeness",
    description:
      `${MEASURE_RULES} ${SERIES_RULES} The plan lists, per year to the deadline, the legacy applications planned ` +
      'for replacement that year (earlier years count as this year) and how many are needed to stay on target ' +
      '(by count, at today’s landscape size); gap = planned − needed. `byLayer.legacyCount` includes `inTransitionCount`. ' +
      '`summary.lifecycleCounts` is the inventory by lifecycle on the same day, as known then: in production plus ' +
      'phasing out is the landscape; planned and phased-out applications are listed in the inventory but count nowhere. ' +
      '`summary.startShare` is the share the target grows from.',
    tags: ['Progress'],
    request: { params: municipalityCodeParamsSchema, query: progressQuerySchema },
    success: { 200: { description: 'The progress figures', schema: municipalityProgressSchema } },
    problems: [404, 429],
  });
  docs.add({
    method: 'get',
    path: '/progress/national',
    summary: 'The national picture: pooled share, distribution, provinces, size classes, top components and products',
    description:
      `${MEASURE_RULES} ${SERIES_RULES} The national share pools every application (Σ compliant / Σ landscape); the ` +
      'distribution is over municipalities (each against its own target); `municipalityCount` counts municipalities ' +
      'with a landscape. `topLegacyReferenceComponents`: the reference components most municipalities still fill ' +
      'with a legacy application; `topCompliantProducts`: the catalogue products most ' +
      'municipalities run as compliant, never counting a version the catalogue judges `not_compliant`, with how the ' +
      'versions counted are judged (`assessmentLevel`). With ' +
      '`province` and/or `sizeClass`, every figure is of that group alone (its members as the register had them on ' +
      'the day, a merged municipality with the history of those it was formed from): the same dashboard for a group.',
    tags: ['Progress'],
    request: { query: nationalProgressQuerySchema },
    success: { 200: { description: 'The national figures', schema: nationalProgressSchema } },
    problems: [429],
  });
}
