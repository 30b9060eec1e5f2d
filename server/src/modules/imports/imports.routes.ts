import { Router, type Request, type Response } from 'express';
import type { Knex } from 'knex';
import multer from 'multer';
import { message } from '@tm/shared/messages/messages';
import { importParamsSchema, importQuerySchema, importUndoParamsSchema } from '@tm/shared/schemas/import';
import { actorOf } from '../../http/actor.ts';
import { AppError } from '../../http/app-error.ts';
import { sendAttachment } from '../../http/attachment.ts';
import { currentUser } from '../../http/authenticate.ts';
import { requireEditorOf } from '../../http/authorize.ts';
import { oneAtATime } from '../../http/one-at-a-time.ts';
import { validateRequest } from '../../http/validate.ts';
import { listReferenceComponents } from '../reference-components/reference-components.repository.ts';
import { languageOf, speaks } from '../../http/language.ts';
import { undoImport } from './import-undo.ts';
import { importSpreadsheet } from './imports.service.ts';
import { importTemplate, XLSX_TYPE } from './spreadsheet-export.ts';

export const MAX_UPLOAD_BYTES = 10 * 1024 * 1024;

const upload = multer({
  storage: multer.memoryStorage(),
  limits: { fileSize: MAX_UPLOAD_BYTES, files: 1, fields: 10, parts: 12, headerPairs: 50 },
}).single('file');

/** The uploaded file, or a 4xx that says what to send instead. */
function receiveFile(req: Request, res: Response): Promise<{ name: string; content: Buffer }> {
  if (!req.is('multipart/form-data'))
    return Promise.reject(AppError.unsupportedMediaType(message('imports.notMultipart')));
  return new Promise((resolve, reject) => {
    upload(req, res, (error: unknown) => {
      if (error instanceof multer.MulterError) {
        if (error.code === 'LIMIT_FILE_SIZE') reject(AppError.contentTooLarge(message('imports.fileTooLarge')));
        else if (error.code === 'LIMIT_UNEXPECTED_FILE')
          reject(AppError.badRequest(message('imports.oneFile'), [{ path: 'file', message: message('imports.unexpectedField', { field: error.field ?? '' }) }]));
        else reject(AppError.badRequest(message('imports.unreadableUpload')));
      } else if (error) reject(AppError.badRequest(message('imports.unreadableUpload')));
      else if (!req.file) reject(AppError.badRequest(message('imports.noFile'), [{ path: 'file', message: message('validation.required') }]));
      else resolve({ name: req.file.originalname, content: req.file.buffer });
    });
  });
}

export function importsRoutes(db: Knex): Router {
  const router = Router({ strict: true });

  // A spreadsheet costs a reading thread and, committed, a long transaction: each account reads one at a time.
  const importing = oneAtATime(message('imports.busy'));
  router.post('/municipalities/:code/imports', requireEditorOf('code'), async (req, res) => {
    const { params, query } = validateRequest(req, { params: importParamsSchema, query: importQuerySchema });
    const file = await receiveFile(req, res);
    const language = languageOf(req);
    speaks(res, language);
    res.json(await importing.run(currentUser(res)!.id, () => importSpreadsheet(db, params.code, file, query, actorOf(req, res), language)));
  });

  router.post('/municipalities/:code/imports/:id/undo', requireEditorOf('code'), async (req, res) => {
    const { params } = validateRequest(req, { params: importUndoParamsSchema });
    res.json(await undoImport(db, params.code, params.id, actorOf(req, res)));
  });

  router.get('/import-template', async (_req, res) => {
    const references = await listReferenceComponents(db);
    sendAttachment(res, 'importsjabloon-applicaties.xlsx', XLSX_TYPE, await importTemplate(references.map((r) => r.name)));
  });

  return router;
}
