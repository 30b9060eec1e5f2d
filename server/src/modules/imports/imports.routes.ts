import { Router, type Request, type RequestHandler, type Response } from 'express';
import type { Knex } from 'knex';
import multer from 'multer';
import { applicationListQuerySchema } from '@tm/shared/schemas/application';
import { importParamsSchema, importProblemSchema, importQuerySchema } from '@tm/shared/schemas/import';
import { municipalityCodeParamsSchema } from '@tm/shared/schemas/municipality';
import { todayIso } from '@tm/shared/dates';
import { actorOf } from '../../http/actor.ts';
import { AppError } from '../../http/app-error.ts';
import { currentUser } from '../../http/authenticate.ts';
import { requireEditorOf, requireSignedIn } from '../../http/authorize.ts';
import { oneAtATime } from '../../http/one-at-a-time.ts';
import { validateRequest } from '../../http/validate.ts';
import { listApplications } from '../inventory/inventory.service.ts';
import { listReferenceComponents } from '../reference-components/reference-components.repository.ts';
import { importSpreadsheet } from './imports.service.ts';
import { importTemplate, toCsv, toXlsx } from './spreadsheet-export.ts';

export const MAX_UPLOAD_BYTES = 10 * 1024 * 1024;

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

const upload = multer({
  storage: multer.memoryStorage(),
  limits: { fileSize: MAX_UPLOAD_BYTES, files: 1, fields: 10, parts: 12, headerPairs: 50 },
}).single('file');

/** The uploaded file, or a 4xx that says what to send instead. */
function receiveFile(req: Request, res: Response): Promise<{ name: string; content: Buffer }> {
  if (!req.is('multipart/form-data'))
    return Promise.reject(new AppError(415, 'Unsupported media type', 'Send the spreadsheet as multipart/form-data in the field "file"'));
  return new Promise((resolve, reject) => {
    upload(req, res, (error: unknown) => {
      if (error instanceof multer.MulterError) {
        if (error.code === 'LIMIT_FILE_SIZE') reject(new AppError(413, 'Content too large', 'The file is larger than 10 MB'));
        else if (error.code === 'LIMIT_UNEXPECTED_FILE')
          reject(AppError.badRequest('Send one file, in the field "file"', [{ path: 'file', message: `Unexpected file field "${error.field}"` }]));
        else reject(AppError.badRequest(`The upload could not be read: ${error.message}`));
      } else if (error) reject(AppError.badRequest('The multipart body could not be read'));
      else if (!req.file) reject(AppError.badRequest('No file was sent', [{ path: 'file', message: 'Required' }]));
      else resolve({ name: req.file.originalname, content: req.file.buffer });
    });
  });
}

function attachment(res: Response, filename: string, type: string, body: Buffer): void {
  res.set({ 'Content-Disposition': `attachment; filename="${filename}"`, 'Cache-Control': 'no-store' }).type(type).send(body);
}

export function importsRoutes(db: Knex): Router {
  const router = Router({ strict: true });

  // A spreadsheet costs a reading thread and, committed, a long transaction: each account reads one at a time.
  const importing = oneAtATime('Your previous import is still being read or written; wait for its report, then try again');
  router.post('/municipalities/:code/imports', requireEditorOf('code'), async (req, res) => {
    const { params, query } = validateRequest(req, { params: importParamsSchema, query: importQuerySchema });
    const file = await receiveFile(req, res);
    const report = await importing.run(currentUser(res)!.id, () => importSpreadsheet(db, params.code, file, query, actorOf(req, res)));
    if (query.mode === 'commit' && !report.committed) {
      const problem = importProblemSchema.parse({
        type: 'about:blank',
        title: 'Unprocessable content',
        status: 422,
        detail: `Nothing was imported: ${report.errors.length} error${report.errors.length === 1 ? '' : 's'} in the file`,
        instance: req.originalUrl,
        ...report,
      });
      res.status(422).type('application/problem+json').send(JSON.stringify(problem));
      return;
    }
    res.json(report);
  });

  // The same list as the inventory's, as a spreadsheet; JSON requests go on to the inventory's own route.
  const onlySpreadsheets: RequestHandler = (req, _res, next) =>
    next(req.query.format === undefined || req.query.format === 'json' ? 'route' : undefined);
  router.get('/municipalities/:code/applications', onlySpreadsheets, requireSignedIn, async (req, res) => {
    const { params, query } = validateRequest(req, { params: municipalityCodeParamsSchema, query: applicationListQuerySchema });
    const [{ items }, references] = await Promise.all([
      listApplications(db, params.code, query, { all: true }),
      listReferenceComponents(db),
    ]);
    const names = new Map(references.map((r) => [r.id, r.name]));
    const filename = `applicaties-${params.code}-${todayIso()}`;
    if (query.format === 'csv') attachment(res, `${filename}.csv`, 'text/csv; charset=utf-8', toCsv(items, names));
    else attachment(res, `${filename}.xlsx`, XLSX_TYPE, await toXlsx(items, names));
  });

  router.get('/import-template', async (_req, res) => {
    const references = await listReferenceComponents(db);
    attachment(res, 'importsjabloon-applicaties.xlsx', XLSX_TYPE, await importTemplate(references.map((r) => r.name)));
  });

  return router;
}
