import type { Knex } from 'knex';
import { lastKnownInstant } from '@tm/shared/measure/known-at';
import { message } from '@tm/shared/messages/messages';
import { blockingProductListQuerySchema } from '@tm/shared/schemas/blocking-product';
import type { ProgressQuery } from '@tm/shared/schemas/progress';
import type { ReportLanguage, ReportRequest } from '@tm/shared/schemas/report';
import { AppError } from '../../http/app-error.ts';
import { blockingProductsAnswer } from '../blocking-products/blocking-products.service.ts';
import { getMunicipality } from '../municipalities/municipalities.service.ts';
import type { FiguresCache } from '../progress/figures-cache.ts';
import { type FiguresQuestion, progressAnswers } from '../progress/progress-answers.ts';
import { getSettings } from '../settings/settings.service.ts';
import type { ReportDescriber } from './report-describer.ts';
import { CONTENT_WIDTH, typesetReport } from './report-pdf.ts';
import * as reports from './reports.repository.ts';

/** As many as the national page shows on its first page of blockers. */
const BLOCKERS_IN_REPORT = 15;

/** What a report is made with: the database, the dashboards' kept answers, and the screens' code in its worker. */
export type ReportMaking = { db: Knex; figures: FiguresCache; describer: ReportDescriber };

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;
type Content = DistributiveOmit<ReportRequest, 'width' | 'generatedAt'>;

/** A report of a moment before anything was recorded would show nothing as if it were a figure: refused, saying from when. */
async function requireDataKnownBy(db: Knex, knownAt: string | undefined, municipalityCode?: string): Promise<void> {
  if (knownAt === undefined) return;
  const instant = lastKnownInstant(knownAt);
  if (await reports.recordedBy(db, instant, municipalityCode)) return;
  const first = await reports.firstRecordedAt(db, municipalityCode);
  const code = municipalityCode ?? '';
  const said = first
    ? message(code ? 'reports.nothingRecordedByFor' : 'reports.nothingRecordedBy', { code, knownAt, first: first.slice(0, 10) })
    : message(code ? 'reports.nothingRecordedFor' : 'reports.nothingRecorded', { code });
  throw AppError.invalidFields([{ path: 'knownAt', message: said }]);
}

/** The progress answer the API gives for the same query: the very one, kept or computed as the endpoint would. */
function answer<T>({ figures }: ReportMaking, { question, compute, options }: FiguresQuestion<T>): Promise<T> {
  return figures.value(question, compute, options);
}

/** Has the screens' code describe the report, then sets it on pages. */
async function render({ describer }: ReportMaking, content: Content): Promise<Buffer> {
  const generatedAt = new Date();
  const model = await describer.describe({ ...content, width: CONTENT_WIDTH, generatedAt: generatedAt.toISOString() });
  return typesetReport(model, generatedAt);
}

/** The board's report: the national page's figures as the API gives them for the moment. */
export async function nationalReport(making: ReportMaking, query: ProgressQuery, language: ReportLanguage): Promise<Buffer> {
  await requireDataKnownBy(making.db, query.knownAt);
  const dated = query.knownAt !== undefined;
  const [progress, settings, blockingProducts] = await Promise.all([
    answer(making, progressAnswers.national(query)),
    getSettings(making.db),
    // Blockers are known only as the inventories are now, so a dated report leaves them out like the top lists.
    dated ? undefined : answer(making, blockingProductsAnswer(blockingProductListQuerySchema.parse({ pageSize: BLOCKERS_IN_REPORT }))),
  ]);
  return render(making, { kind: 'national', progress, settings, language, dated, ...(blockingProducts ? { blockingProducts } : {}) });
}

/** A CIO's report for the college or council: the municipality page's figures as the API gives them for the moment. */
export async function municipalityReport(making: ReportMaking, code: string, query: ProgressQuery, language: ReportLanguage): Promise<Buffer> {
  const municipality = await getMunicipality(making.db, code);
  await requireDataKnownBy(making.db, query.knownAt, code);
  const [progress, settings] = await Promise.all([answer(making, progressAnswers.municipality(code, query)), getSettings(making.db)]);
  return render(making, { kind: 'municipality', progress, municipality, settings, language, dated: query.knownAt !== undefined });
}
