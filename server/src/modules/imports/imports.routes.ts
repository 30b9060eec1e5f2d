import { Router, type Request, type Response } from 'express';
import type { Knex } from 'knex';
import multer from 'multer';
import { importParamsSchema, importQuerySchema } from '@tm/shared/schemas/import';
import { actorOf } from '../../http/actor.ts';
import { AppError } from '../../http/app-error.ts';
import { sendAttachment } from '../../http/attachment.ts';
import { currentUser } from '../../http/authenticate.ts';
import { requireEditorOf } from '../../http/authorize.ts';
import { oneAtATime } from '../../http/one-at-a-time.ts';
import { validateRequest } from '../../http/validate.ts';
import { listReferenceComponents } from '../reference-components/reference-components.repository.ts';
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

export function importsRoutes(db: Knex): Router {
  const router = Router({ strict: true });

  // A spreadsheet costs a reading thread and, committed, a long transaction: each account reads one at a time.
  const importing = oneAtATime('Your previous import is still being read or written; wait for its report, then try again');
  router.post('/municipalities/:code/imports', requireEditorOf('code'), async (req, res) => {
    const { params, query } = validateRequest(req, { params: importParamsSchema, query: importQuerySchema });
    const file = await receiveFile(req, res);
    res.json(await importing.run(currentUser(res)!.id, () => importSpreadsheet(db, params.code, file, query, actorOf(req, res))));
  });

  router.get('/import-template', async (_req, res) => {
    const references = await listReferenceComponents(db);
    sendAttachment(res, 'importsjabloon-applicaties.xlsx', XLSX_TYPE, await importTemplate(references.map((r) => r.name)));
  });

  return router;
}
