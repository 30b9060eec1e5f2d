import { z } from 'zod';
import { municipalityCodeParamsSchema } from '@tm/shared/schemas/municipality';
import { reportQuerySchema } from '@tm/shared/schemas/report';
import type { ApiDocs } from '../../http/openapi.ts';

const PDF = { description: 'The report', contentType: 'application/pdf', schema: z.string().meta({ format: 'binary' }) };

const REPORT_RULES =
  'A PDF made on the server: the figures this API gives for the same `knownAt` and `measure` (the progress ' +
  'endpoints, not a second computation), with the screens’ words and charts (as vectors), the "stand per" moment and ' +
  'how current the inventories are on every page. `knownAt` is a date (the figures as known at the end of that day, ' +
  'UTC) or a timestamp; not in the future, and not before the first recorded change (400, saying from when there are ' +
  'figures). The same `knownAt` gives the same figures. `lang` is `nl` or `en`; without it, the `Accept-Language` ' +
  'header decides, Dutch by default. Works with a personal API token: no browser needed.';

export function registerReportsDocs(docs: ApiDocs): void {
  docs.add({
    method: 'get',
    path: '/reports/national',
    summary: "The board's report: the national picture as a PDF",
    description: `${REPORT_RULES} Holds the national share against the target, the status counts, the forecast, the distribution, provinces and size classes and the top lists.`,
    tags: ['Reports'],
    request: { query: reportQuerySchema },
    success: { 200: PDF },
  });
  docs.add({
    method: 'get',
    path: '/municipalities/:code/report',
    summary: "A municipality's report for its college or council, as a PDF",
    description: `${REPORT_RULES} Holds the municipality's share, target, gap, status and forecast, the layers, the plan against what is needed, completeness and its last attestation.`,
    tags: ['Reports'],
    request: { params: municipalityCodeParamsSchema, query: reportQuerySchema },
    success: { 200: PDF },
    problems: [404],
  });
}
