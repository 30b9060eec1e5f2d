import type { Knex } from 'knex';
import type { Measure } from '@tm/shared/schemas/progress';
import { type ReportLanguage, type ReportRequest, reportMoment } from '@tm/shared/schemas/report';
import { AppError } from '../../http/app-error.ts';
import { getMunicipality } from '../municipalities/municipalities.service.ts';
import { municipalityProgress, nationalProgress } from '../progress/progress.service.ts';
import { getSettings } from '../settings/settings.service.ts';
import { CONTENT_WIDTH, typesetReport } from './report-pdf.ts';
import type { ReportDescriber } from './report-worker-client.ts';
import * as reports from './reports.repository.ts';

export type ReportOptions = { knownAt?: string | undefined; measure: Measure; language: ReportLanguage };

/** A report of a moment before anything was recorded would show nothing as if it were a figure: refused, saying from when. */
async function requireDataKnownBy(db: Knex, knownAt: string, municipalityCode?: string): Promise<void> {
  if (await reports.recordedBy(db, knownAt, municipalityCode)) return;
  const first = await reports.firstRecordedAt(db, municipalityCode);
  const where = municipalityCode ? ` for ${municipalityCode}` : '';
  const message = first
    ? `Nothing was recorded${where} by ${knownAt}: the first figures were recorded on ${first.slice(0, 10)}.`
    : `Nothing has been recorded${where} yet: there are no figures to report.`;
  throw AppError.invalidFields([{ path: 'knownAt', message }]);
}

type Content = DistributiveOmit<ReportRequest, 'width' | 'generatedAt'>;
type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

/** Has the screens' code describe the report, then sets it on pages. */
async function render(describer: ReportDescriber, content: Content): Promise<Buffer> {
  const generatedAt = new Date();
  const model = await describer.describe({ ...content, width: CONTENT_WIDTH, generatedAt: generatedAt.toISOString() });
  return typesetReport(model, generatedAt);
}

function momentOf(options: ReportOptions): string | undefined {
  return options.knownAt === undefined ? undefined : reportMoment(options.knownAt);
}

/** The board's report: the national page's figures as the API gives them for the moment. */
export async function nationalReport(db: Knex, describer: ReportDescriber, options: ReportOptions): Promise<Buffer> {
  const knownAt = momentOf(options);
  if (knownAt) await requireDataKnownBy(db, knownAt);
  const [progress, settings] = await Promise.all([nationalProgress(db, { measure: options.measure, knownAt }), getSettings(db)]);
  return render(describer, { kind: 'national', progress, settings, language: options.language, dated: knownAt !== undefined });
}

/** A CIO's report for the college or council: the municipality page's figures as the API gives them for the moment. */
export async function municipalityReport(db: Knex, describer: ReportDescriber, code: string, options: ReportOptions): Promise<Buffer> {
  const municipality = await getMunicipality(db, code);
  const knownAt = momentOf(options);
  if (knownAt) await requireDataKnownBy(db, knownAt, code);
  const [progress, settings] = await Promise.all([municipalityProgress(db, code, { measure: options.measure, knownAt }), getSettings(db)]);
  return render(describer, { kind: 'municipality', progress, municipality, settings, language: options.language, dated: knownAt !== undefined });
}
