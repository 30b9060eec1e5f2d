import { type Request, type Response, Router } from 'express';
import type { Knex } from 'knex';
import { municipalityCodeParamsSchema } from '@tm/shared/schemas/municipality';
import { REPORT_LANGUAGES, type ReportLanguage, type ReportQuery, reportQuerySchema } from '@tm/shared/schemas/report';
import { todayIso } from '@tm/shared/dates';
import { sendAttachment } from '../../http/attachment.ts';
import { validateRequest } from '../../http/validate.ts';
import type { FiguresCache } from '../progress/figures-cache.ts';
import type { ReportDescriber } from './report-worker-client.ts';
import * as service from './reports.service.ts';

/** The report's language: the one asked for, else the caller's Accept-Language, Dutch by default. */
function languageOf(req: Request, query: ReportQuery): ReportLanguage {
  return query.lang ?? ((req.acceptsLanguages(...REPORT_LANGUAGES) || 'nl') as ReportLanguage);
}

function sendPdf(res: Response, name: string, query: ReportQuery, language: ReportLanguage, pdf: Buffer): void {
  res.set('Content-Language', language);
  sendAttachment(res, `${name}-${(query.knownAt ?? todayIso()).slice(0, 10)}.pdf`, 'application/pdf', pdf);
}

/** Reports are kept like the dashboards' answers: the same question gives the same PDF until a figure changes. */
export function reportsRoutes(db: Knex, figures: FiguresCache, describer: ReportDescriber): Router {
  const router = Router({ strict: true });
  router.get('/reports/national', async (req, res) => {
    const { query } = validateRequest(req, { query: reportQuerySchema });
    const language = languageOf(req, query);
    const options = { knownAt: query.knownAt, measure: query.measure, language };
    const pdf = await figures.file(['report', options], () => service.nationalReport(db, describer, options));
    sendPdf(res, language === 'nl' ? 'transitiemonitor-landelijk' : 'transitiemonitor-national', query, language, pdf);
  });
  router.get('/municipalities/:code/report', async (req, res) => {
    const { params, query } = validateRequest(req, { params: municipalityCodeParamsSchema, query: reportQuerySchema });
    const language = languageOf(req, query);
    const options = { knownAt: query.knownAt, measure: query.measure, language };
    const pdf = await figures.file(['report', params.code, options], () => service.municipalityReport(db, describer, params.code, options));
    sendPdf(res, `transitiemonitor-${params.code}`, query, language, pdf);
  });
  return router;
}
