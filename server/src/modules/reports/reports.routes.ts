import { type Request, type RequestHandler, type Response, Router } from 'express';
import { municipalityCodeParamsSchema } from '@tm/shared/schemas/municipality';
import { REPORT_LANGUAGES, type ReportLanguage, type ReportQuery, reportQuerySchema } from '@tm/shared/schemas/report';
import { todayIso } from '@tm/shared/dates';
import { sendAttachment } from '../../http/attachment.ts';
import { validateRequest } from '../../http/validate.ts';
import * as service from './reports.service.ts';

/** The report's language: the one asked for, else the caller's Accept-Language, Dutch by default. */
function languageOf(req: Request, lang: ReportQuery['lang']): ReportLanguage {
  return lang ?? ((req.acceptsLanguages(...REPORT_LANGUAGES) || 'nl') as ReportLanguage);
}

function sendPdf(res: Response, name: string, knownAt: string | undefined, language: ReportLanguage, pdf: Buffer): void {
  res.set('Content-Language', language);
  sendAttachment(res, `${name}-${(knownAt ?? todayIso()).slice(0, 10)}.pdf`, 'application/pdf', pdf);
}

/**
 * Reports are read and kept like the dashboards' answers: figures as known at an earlier moment in the same bounded
 * queue (and, for anonymous callers, under the same rate limit), and the same question gives the same PDF until a
 * figure changes.
 */
export function reportsRoutes(making: service.ReportMaking, historyReadLimit: RequestHandler): Router {
  const router = Router({ strict: true });
  router.get('/reports/national', historyReadLimit, async (req, res) => {
    const { query } = validateRequest(req, { query: reportQuerySchema });
    const { lang, ...progress } = query;
    const language = languageOf(req, lang);
    const pdf = await making.figures.file(['report', progress, language], () => service.nationalReport(making, progress, language));
    sendPdf(res, language === 'nl' ? 'transitiemonitor-landelijk' : 'transitiemonitor-national', query.knownAt, language, pdf);
  });
  router.get('/municipalities/:code/report', historyReadLimit, async (req, res) => {
    const { params, query } = validateRequest(req, { params: municipalityCodeParamsSchema, query: reportQuerySchema });
    const { lang, ...progress } = query;
    const language = languageOf(req, lang);
    const pdf = await making.figures.file(['report', params.code, progress, language], () => service.municipalityReport(making, params.code, progress, language));
    sendPdf(res, `transitiemonitor-${params.code}`, query.knownAt, language, pdf);
  });
  return router;
}
